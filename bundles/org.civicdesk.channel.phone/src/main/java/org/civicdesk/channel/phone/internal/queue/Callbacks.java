package org.civicdesk.channel.phone.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Call-backs (R8, R11): those callers asked for instead of waiting, due at once, and those staff schedule about a
 * request for a time window, due once it opens. Each is recorded when asked and when done, in two append-only tables,
 * and waits for operators until one is done; a call-back about a request whose window passed is missed.
 */
@Component(service = Callbacks.class)
public class Callbacks {
    static final String REQUESTED = "CD_PHONE_CALLBACK";
    static final String DONE = "CD_PHONE_CALLBACK_DONE";
    /** Each call-back's number and note, beside the append-only call-backs: a person's erasure deletes theirs. */
    static final String CONTACTS = "CD_PHONE_CALLBACK_CONTACT";
    /** How a call-back to a person erased before it was made ends, and by whom. */
    static final String ERASED = "erased";
    private static final String ERASED_BY = "system:privacy";

    private final Jdbc jdbc;

    /**
     * A call-back asked for.
     *
     * @param number        the number to call, as the exchange presented it or as staff gave it
     * @param citizenId     the caller, when the robot identified them, or the request's citizen
     * @param skills        what the caller chose in the menu (language, topic)
     * @param requestNumber the request it is about, or {@code null} for a caller's call-back
     * @param dueFrom       when its window opens ({@code null}: at once)
     * @param dueTo         when its window closes ({@code null}: never)
     * @param note          staff's note for the operator, or {@code null}
     */
    public record Callback(String id, String callId, String number, String citizenId, String language, String skills,
            Instant requestedAt, String requestNumber, Instant dueFrom, Instant dueTo, String note) {
    }

    @Activate
    public Callbacks(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, Callbacks.class);
    }

    /** Records a caller's request to be called back; returns its id. */
    public String request(String callId, String number, String citizenId, String language, Set<String> skills) {
        String id = UUID.randomUUID().toString();
        jdbc.update("record a call-back request", contact(id, number, null), "INSERT INTO " + REQUESTED
                + " (ID, CALL_ID, PHONE, CITIZEN_ID, LANGUAGE, SKILLS, REQUESTED_MS) VALUES (?, ?, '', ?, ?, ?, ?)",
                id, callId, citizenId, language, String.join(" ", skills), System.currentTimeMillis());
        return id;
    }

    /**
     * Schedules a call-back about a request for the window {@code [from, to)}; returns its id. Its call id names the
     * request, for the exchange's records.
     */
    public String schedule(String requestNumber, String number, String citizenId, String language, Instant from,
            Instant to, String note) {
        String id = UUID.randomUUID().toString();
        jdbc.update("schedule a call-back", contact(id, number, note), "INSERT INTO " + REQUESTED + " (ID, CALL_ID, PHONE, "
                + "CITIZEN_ID, LANGUAGE, SKILLS, REQUESTED_MS, REQUEST_NUMBER, DUE_FROM_MS, DUE_TO_MS) VALUES "
                + "(?, ?, '', ?, ?, ?, ?, ?, ?, ?)", id, "request " + requestNumber, citizenId, language, "",
                System.currentTimeMillis(), requestNumber, from.toEpochMilli(), to.toEpochMilli());
        return id;
    }

    /**
     * The call-back's number and note, written beside its append-only row in the same transaction: a person's erasure
     * deletes them ({@link #erase}).
     */
    private static Consumer<Connection> contact(String id, String number, String note) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CONTACTS + " (ID, PHONE, NOTE) VALUES (?, ?, ?)")) {
                Jdbc.bind(ps, id, number, note);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw SqlErrors.unchecked("record a call-back's number", e);
            }
        };
    }

    /** A call-back's columns, its number and note from beside it (or, of an earlier release, from its own row). */
    private static final String COLUMNS = "r.ID, r.CALL_ID, COALESCE(k.PHONE, r.PHONE), r.CITIZEN_ID, r.LANGUAGE, r.SKILLS, "
            + "r.REQUESTED_MS, r.REQUEST_NUMBER, r.DUE_FROM_MS, r.DUE_TO_MS, COALESCE(k.NOTE, r.NOTE)";
    /** FROM the call-backs (r) with their numbers (k): what {@link #COLUMNS} reads. */
    private static final String WITH_CONTACTS = " FROM " + REQUESTED + " r LEFT JOIN " + CONTACTS + " k ON k.ID = r.ID";
    private static final String NOT_DONE = WITH_CONTACTS + " LEFT JOIN " + DONE + " d ON d.ID = r.ID WHERE d.ID IS NULL";

    /** The call-backs due now and not done yet, the longest due first. */
    public List<Callback> open() {
        long now = System.currentTimeMillis();
        return jdbc.query("list the call-backs", "SELECT " + COLUMNS + NOT_DONE + " AND (r.DUE_FROM_MS IS NULL OR "
                + "r.DUE_FROM_MS <= ?) ORDER BY COALESCE(r.DUE_FROM_MS, r.REQUESTED_MS)", Callbacks::callback, 500, now);
    }

    /** The call-backs about a request, done or not, the oldest first, each with how it ended (or {@code null}). */
    public List<CaseCallback> ofRequest(String requestNumber) {
        return jdbc.query("list a request's call-backs", "SELECT " + COLUMNS + ", d.OUTCOME, d.DONE_BY, d.DONE_MS"
                + WITH_CONTACTS + " LEFT JOIN " + DONE + " d ON d.ID = r.ID WHERE r.REQUEST_NUMBER = ? ORDER BY r.REQUESTED_MS",
                rs -> new CaseCallback(callback(rs), rs.getString(12), rs.getString(13),
                        rs.getObject(14) == null ? null : Instant.ofEpochMilli(rs.getLong(14))), 100, requestNumber);
    }

    /** A call-back about a request with how it ended: {@code outcome} and the rest {@code null} while it is open. */
    public record CaseCallback(Callback callback, String outcome, String doneBy, Instant doneAt) {
    }

    /** Call-backs about a request whose window closed before {@code now} and that nobody made. */
    public List<Callback> missed(Instant now) {
        return jdbc.query("list the missed call-backs", "SELECT " + COLUMNS + NOT_DONE + " AND r.DUE_TO_MS < ? "
                + "ORDER BY r.DUE_TO_MS", Callbacks::callback, 500, now.toEpochMilli());
    }

    /**
     * A call-back still to be done.
     *
     * @throws NotFoundException for an unknown id
     * @throws ConflictException when it is done already
     */
    public Callback open(String id) {
        Callback callback = jdbc.query("read a call-back", "SELECT " + COLUMNS + WITH_CONTACTS + " WHERE r.ID = ?",
                Callbacks::callback, 1, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no call-back " + id));
        if (!jdbc.query("read a call-back", "SELECT ID FROM " + DONE + " WHERE ID = ?", rs -> rs.getString(1), 1, id)
                .isEmpty()) {
            throw doneAlready(id);
        }
        return callback;
    }

    /**
     * Marks a call-back done.
     *
     * @throws ConflictException when it is done already
     */
    public void done(String id, String by, String outcome) {
        open(id);
        try {
            jdbc.update("close a call-back", "INSERT INTO " + DONE + " (ID, DONE_BY, DONE_MS, OUTCOME) VALUES (?, ?, ?, ?)",
                    id, by, System.currentTimeMillis(), outcome);
        } catch (RuntimeException e) {
            // Two operators closing it at once: the second is told it is done.
            if (SqlErrors.isUniqueViolation(e)) {
                throw doneAlready(id);
            }
            throw e;
        }
    }

    /**
     * A person is erased: their call-backs (theirs, or asked for from one of {@code numbers} by nobody identified) lose
     * the number and the note, and those still open are closed as erased — nobody can call them back. The call-backs
     * stay, for the call centre's figures.
     */
    public void erase(String citizenId, Set<String> numbers) {
        String theirs = "SELECT ID FROM " + REQUESTED + " WHERE CITIZEN_ID = ?" + (numbers.isEmpty() ? ""
                : " OR (CITIZEN_ID IS NULL AND ID IN (SELECT ID FROM " + CONTACTS + " WHERE PHONE IN ("
                + String.join(", ", Collections.nCopies(numbers.size(), "?")) + ")))");
        List<Object> whose = new ArrayList<>(List.of(citizenId));
        whose.addAll(numbers);
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement close = c.prepareStatement("INSERT INTO " + DONE + " (ID, DONE_BY, DONE_MS, OUTCOME) "
                        + "SELECT ID, ?, ?, ? FROM " + REQUESTED + " WHERE ID IN (" + theirs + ") AND ID NOT IN (SELECT ID FROM "
                        + DONE + ")");
                        PreparedStatement forget = c.prepareStatement("DELETE FROM " + CONTACTS + " WHERE ID IN (" + theirs
                                + ")")) {
                    List<Object> closing = new ArrayList<>(List.of(ERASED_BY, System.currentTimeMillis(), ERASED));
                    closing.addAll(whose);
                    Jdbc.bind(close, closing.toArray());
                    close.executeUpdate();
                    Jdbc.bind(forget, whose.toArray());
                    forget.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("erase a person's call-backs", e);
        }
    }

    private static ConflictException doneAlready(String id) {
        return new ConflictException("the call-back " + id + " is done already");
    }

    private static Callback callback(ResultSet rs) throws SQLException {
        return new Callback(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), instant(rs, 9), instant(rs, 10),
                rs.getString(11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
