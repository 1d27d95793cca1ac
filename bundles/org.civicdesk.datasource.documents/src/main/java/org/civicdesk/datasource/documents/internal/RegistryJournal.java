package org.civicdesk.datasource.documents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.persistence.InLists;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.RegistryHandOff;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The built-in document registry (R10): the journal in which every filed request gets its
 * entry number, kept in CivicDesk's own database, append-only. It references nothing of the
 * request registry, which calls it: requests filed before it was installed are registered by
 * {@link RegistryCatchUp}.
 */
@Component(service = {RegistryHandOff.class, RegistryJournal.class},
        property = RegistryHandOff.ID_PROPERTY + "=" + RegistryJournal.ID)
public class RegistryJournal implements RegistryHandOff {
    static final String ID = "journal";
    static final String TABLE = "CD_DOC_REGISTRY";
    static final String CITIZEN_INDEX = "CD_DOC_REGISTRY_CITIZEN";

    private final DataSource dataSource;

    /** One entry of the journal. */
    record Entry(String reference, String requestNumber, String requestType, String department, String citizenId,
            Instant registeredAt) {
    }

    @Activate
    public RegistryJournal(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.dataSource = dataSource;
        SchemaMigrations.update(dataSource, RegistryJournal.class);
    }

    @Override
    public String register(ServiceRequest request) {
        String number = request.number().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            insert(c, request);
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // already registered (a catch-up, or concurrently): it is there
                throw SqlErrors.unchecked("registering request " + number + " in the document registry", e);
            }
        }
        return find(number).orElseThrow().reference();
    }

    /**
     * Registers {@code missing} in one transaction (a catch-up's page); should one of them be registered meanwhile (by
     * another node), each on its own.
     */
    void registerAll(List<ServiceRequest> missing) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (ServiceRequest request : missing) {
                    insert(c, request);
                }
                c.commit();
                return;
            } catch (SQLException e) {
                c.rollback();
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.unchecked("registering " + missing.size() + " requests in the document registry", e);
        }
        missing.forEach(this::register);
    }

    /** The journal lives in CivicDesk's database: the entry commits with the filing itself. */
    @Override
    public boolean registerWithin(Connection transaction, ServiceRequest request) {
        try {
            insert(transaction, request);
            return true;
        } catch (SQLException e) {
            throw SqlErrors.unchecked("registering request " + request.number() + " in the document registry", e);
        }
    }

    private static void insert(Connection c, ServiceRequest request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (REQUEST_NUMBER, REQUEST_TYPE, DEPARTMENT, CHANNEL, CITIZEN_ID, REGISTERED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, request.number().toString());
            ps.setString(2, request.type());
            ps.setString(3, request.department());
            ps.setString(4, request.channel() == null ? null : request.channel().id());
            ps.setString(5, request.citizenId());
            ps.setLong(6, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /** The journal entry of a request. */
    Optional<Entry> find(String requestNumber) {
        List<Entry> found = query("SELECT * FROM " + TABLE + " WHERE REQUEST_NUMBER = ?", 1, requestNumber);
        return found.stream().findFirst();
    }

    /** A citizen's entries, newest first: read from the top of {@link #CITIZEN_INDEX}, stopping at {@code limit}. */
    List<Entry> ofCitizen(String citizenId, int limit) {
        // The limit in the SQL, not only on the JDBC statement, so that the planner reads the index and stops.
        return query("SELECT * FROM " + TABLE + Jdbc.along(CITIZEN_INDEX) + " WHERE CITIZEN_ID = ? "
                + "ORDER BY ENTRY_NO DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", limit, citizenId);
    }

    /** The latest entries, newest first. */
    List<Entry> latest(int limit) {
        return query("SELECT * FROM " + TABLE + " ORDER BY ENTRY_NO DESC", limit);
    }

    /** The numbers of every registered request. */
    Set<String> registeredNumbers() {
        return registeredAmong(null);
    }

    /** Those of {@code numbers} (all: {@code null}) that are in the journal. */
    Set<String> registeredAmong(Collection<String> numbers) {
        Set<String> registered = new HashSet<>();
        (numbers == null ? query("SELECT * FROM " + TABLE, 0) : entriesOf(numbers))
                .forEach(e -> registered.add(e.requestNumber()));
        return registered;
    }

    /** The entries of those of {@code numbers} that are in the journal, in a few IN lists (one for a page). */
    List<Entry> entriesOf(Collection<String> numbers) {
        return InLists.inSlices(List.copyOf(new LinkedHashSet<>(numbers)), slice -> query("SELECT * FROM " + TABLE
                + " WHERE REQUEST_NUMBER" + InLists.marks(slice.size()), 0, slice.toArray(String[]::new)));
    }

    /** Entries the query selects, at most {@code maxRows} of them (0: all). */
    private List<Entry> query(String sql, int maxRows, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(maxRows);
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(String.format("DM-%06d", rs.getLong("ENTRY_NO")), rs.getString("REQUEST_NUMBER"),
                            rs.getString("REQUEST_TYPE"), rs.getString("DEPARTMENT"), rs.getString("CITIZEN_ID"),
                            Instant.ofEpochMilli(rs.getLong("REGISTERED_AT"))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw SqlErrors.unchecked("reading the document registry", e);
        }
    }
}
