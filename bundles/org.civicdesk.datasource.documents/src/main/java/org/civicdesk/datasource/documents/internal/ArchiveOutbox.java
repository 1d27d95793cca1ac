package org.civicdesk.datasource.documents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.civicdesk.datasource.documents.api.ArchiveHandOff;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.persistence.InLists;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestEventListener;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox of hand-offs to the external document management system (R10): a filing, and every file attached
 * afterwards, queues one in the transaction that records it, so that nothing filed escapes the system and nothing
 * is handed over that was not filed; {@link ArchiveDelivery} delivers them. Nothing is queued while no system is
 * configured ({@code archive} empty). It references nothing of the request registry, which calls it (as
 * {@link RegistryJournal}): what needs the registry is in {@link ArchiveDelivery} and {@link RequestArchiveHandOffs}.
 */
@Component(service = {RequestEventListener.class, ArchiveOutbox.class}, configurationPid = AttachmentStoreImpl.PID)
public class ArchiveOutbox implements RequestEventListener {
    static final String TABLE = "CD_DOC_OUTBOX";
    private static final int MAX_ERROR = 500;
    private static final int MAX_NAME = 200;
    private static final String COLUMNS = "ID, REQUEST_NUMBER, ARCHIVE, SHA256, FILE_NAME, STATE, ATTEMPTS, LAST_ERROR, "
            + "QUEUED_MS, NEXT_MS, DELIVERED_MS, REFERENCE";

    private final Jdbc jdbc;
    private volatile String archive;

    /** A row of the outbox: a request's record ({@code sha256} null) or one of its files. */
    record Row(long id, String requestNumber, String archive, String sha256, String fileName, ArchiveHandOff.State state,
            int attempts, String lastError, long queuedMillis, Long nextMillis, Long deliveredMillis, String reference) {

        ArchiveHandOff toHandOff() {
            return new ArchiveHandOff(archive, fileName, state, attempts, lastError, Instant.ofEpochMilli(queuedMillis),
                    nextMillis == null ? null : Instant.ofEpochMilli(nextMillis),
                    deliveredMillis == null ? null : Instant.ofEpochMilli(deliveredMillis), reference);
        }
    }

    @Activate
    public ArchiveOutbox(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            DocumentsConfig config) {
        SchemaMigrations.update(dataSource, ArchiveOutbox.class);
        this.jdbc = new Jdbc(dataSource);
        modified(config);
    }

    @Modified
    void modified(DocumentsConfig config) {
        this.archive = config.archive() == null ? "" : config.archive().strip();
    }

    @Override
    public void onEvent(Connection transaction, ServiceRequest request, RequestEvent event, CitizenDetails contact) {
        String target = archive;
        if (target.isEmpty()) {
            return;
        }
        String sha256 = null;
        String fileName = null;
        if (event.kind() == EventKind.ATTACHMENT_ADDED) {
            Optional<String> stored = AttachmentUploads.sha256Of(event.attachmentRef());
            if (stored.isEmpty()) {
                return; // not content of this store (a link a channel recorded): nothing to hand over
            }
            sha256 = stored.get();
            fileName = event.attachmentName();
        } else if (event.kind() != EventKind.CREATED) {
            return;
        }
        try {
            queue(transaction, target, request.number().toString(), sha256, fileName);
        } catch (SQLException e) {
            throw SqlErrors.unchecked("queueing request " + request.number() + " for the document management system", e);
        }
    }

    /** The document management system configured now; empty for none. */
    String archive() {
        return archive;
    }

    /**
     * Queues for {@code target} the record of request {@code number} ({@code sha256} null) or one of its files, in the
     * caller's transaction.
     */
    static void queue(Connection transaction, String target, String number, String sha256, String fileName)
            throws SQLException {
        String name = fileName != null && fileName.length() > MAX_NAME ? fileName.substring(0, MAX_NAME) : fileName;
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO " + TABLE + " (REQUEST_NUMBER, ARCHIVE, "
                + "SHA256, FILE_NAME, STATE, ATTEMPTS, QUEUED_MS, NEXT_MS) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")) {
            Jdbc.bind(ps, number, target, sha256, name, ArchiveHandOff.State.QUEUED.name(), now, now);
            ps.executeUpdate();
        }
    }

    /** Those of {@code numbers} whose record was queued for {@code target} (at most a few hundred: an IN list). */
    Set<String> queuedAmong(String target, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(InLists.inSlices(List.copyOf(numbers),
                slice -> jdbc.query("reading the document outbox", "SELECT REQUEST_NUMBER FROM " + TABLE
                        + " WHERE ARCHIVE = ? AND SHA256 IS NULL AND REQUEST_NUMBER"
                        + InLists.marks(slice.size()), rs -> rs.getString(1), 0,
                        Stream.concat(Stream.of(target), slice.stream()).toArray())));
    }

    /** The SHA-256 of the files of request {@code number} queued for {@code target}. */
    Set<String> filesQueued(String target, String number) {
        return new HashSet<>(jdbc.query("reading the document outbox", "SELECT SHA256 FROM " + TABLE
                + " WHERE REQUEST_NUMBER = ? AND ARCHIVE = ? AND SHA256 IS NOT NULL", rs -> rs.getString(1), 0, number,
                target));
    }

    /** A request's hand-offs, oldest first. */
    List<ArchiveHandOff> ofRequest(RequestNumber number) {
        return jdbc.query("reading the document hand-offs of " + number, "SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE REQUEST_NUMBER = ? ORDER BY ID", ArchiveOutbox::read, 0, number.toString())
                .stream().map(Row::toHandOff).toList();
    }

    /** The hand-offs due at {@code nowMillis}, oldest first, at most {@code limit}. */
    List<Row> due(long nowMillis, int limit) {
        return jdbc.query("reading the document outbox", "SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE STATE = ? AND NEXT_MS <= ? ORDER BY NEXT_MS, ID", ArchiveOutbox::read, limit,
                ArchiveHandOff.State.QUEUED.name(), nowMillis);
    }

    /**
     * Records an attempt: delivered with the system's reference, or failed for {@code reason} and due again at
     * {@code nextMillis}. Only while the row is still queued with the attempts the caller saw: should another node
     * have delivered it meanwhile, nothing changes.
     */
    void attempted(Row row, long nowMillis, String reference, String reason, long nextMillis) {
        boolean delivered = reason == null;
        String error = delivered ? row.lastError() : reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
        String ref = reference != null && reference.length() > MAX_ERROR ? reference.substring(0, MAX_ERROR) : reference;
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET STATE = ?, ATTEMPTS = ?, "
                        + "LAST_ERROR = ?, NEXT_MS = ?, DELIVERED_MS = ?, REFERENCE = ? WHERE ID = ? AND STATE = ? "
                        + "AND ATTEMPTS = ?")) {
                    Jdbc.bind(ps, (delivered ? ArchiveHandOff.State.DELIVERED : ArchiveHandOff.State.QUEUED).name(),
                            row.attempts() + 1, error);
                    // Typed nulls: PostgreSQL refuses a VARCHAR null in a BIGINT column.
                    Jdbc.setLong(ps, 4, delivered ? null : nextMillis);
                    Jdbc.setLong(ps, 5, delivered ? nowMillis : null);
                    ps.setString(6, ref);
                    ps.setLong(7, row.id());
                    ps.setString(8, ArchiveHandOff.State.QUEUED.name());
                    ps.setInt(9, row.attempts());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("recording a document hand-off", e);
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        long next = rs.getLong("NEXT_MS");
        Long nextMillis = rs.wasNull() ? null : next;
        long delivered = rs.getLong("DELIVERED_MS");
        Long deliveredMillis = rs.wasNull() ? null : delivered;
        return new Row(rs.getLong("ID"), rs.getString("REQUEST_NUMBER"), rs.getString("ARCHIVE"),
                rs.getString("SHA256"), rs.getString("FILE_NAME"), ArchiveHandOff.State.valueOf(rs.getString("STATE")),
                rs.getInt("ATTEMPTS"), rs.getString("LAST_ERROR"), rs.getLong("QUEUED_MS"), nextMillis, deliveredMillis,
                rs.getString("REFERENCE"));
    }
}
