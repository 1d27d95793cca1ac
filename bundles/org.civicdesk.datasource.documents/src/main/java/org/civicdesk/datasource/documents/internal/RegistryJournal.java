package org.civicdesk.datasource.documents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Page;
import org.civicdesk.persistence.AppendOnlyTables;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.persistence.Tables;
import org.civicdesk.request.api.RegistryHandOff;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in document registry (R10): the journal in which every filed request gets its
 * entry number, kept in CivicDesk's own database, append-only. When the feature is installed
 * on a system that already holds requests, it registers them too, in the background.
 */
@Component(service = {RegistryHandOff.class, RegistryJournal.class},
        property = RegistryHandOff.ID_PROPERTY + "=" + RegistryJournal.ID)
public class RegistryJournal implements RegistryHandOff {
    static final String ID = "journal";
    static final String TABLE = "CD_DOC_REGISTRY";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryJournal.class);
    private static final int PAGE = 500;

    private final DataSource dataSource;

    /** One entry of the journal. */
    record Entry(String reference, String requestNumber, String requestType, String department, String citizenId,
            Instant registeredAt) {
    }

    @Activate
    public RegistryJournal(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference RequestRegistry requests) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            Tables.createIfAbsent(c, TABLE, "CREATE TABLE " + TABLE + " (ENTRY_NO BIGINT GENERATED ALWAYS AS IDENTITY "
                    + "PRIMARY KEY, REQUEST_NUMBER VARCHAR(20) NOT NULL UNIQUE, REQUEST_TYPE VARCHAR(60) NOT NULL, "
                    + "DEPARTMENT VARCHAR(40), CHANNEL VARCHAR(20), CITIZEN_ID VARCHAR(64), REGISTERED_AT BIGINT NOT NULL)");
        }
        AppendOnlyTables.protect(dataSource, TABLE);
        CompletableFuture.runAsync(() -> catchUp(requests)).exceptionally(e -> {
            LOG.warn("The document registry could not register earlier requests: {}", e.toString());
            return null;
        });
    }

    @Override
    public String register(ServiceRequest request) {
        String number = request.number().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (REQUEST_NUMBER, REQUEST_TYPE, DEPARTMENT, CHANNEL, CITIZEN_ID, REGISTERED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, number);
            ps.setString(2, request.type());
            ps.setString(3, request.department());
            ps.setString(4, request.channel() == null ? null : request.channel().id());
            ps.setString(5, request.citizenId());
            ps.setLong(6, System.currentTimeMillis());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // already registered (a catch-up, or concurrently): it is there
                throw SqlErrors.unchecked("registering request " + number + " in the document registry", e);
            }
        }
        return find(number).orElseThrow().reference();
    }

    /** The journal entry of a request. */
    Optional<Entry> find(String requestNumber) {
        List<Entry> found = query("SELECT * FROM " + TABLE + " WHERE REQUEST_NUMBER = ?", 1, requestNumber);
        return found.stream().findFirst();
    }

    /** A citizen's entries, newest first. */
    List<Entry> ofCitizen(String citizenId, int limit) {
        return query("SELECT * FROM " + TABLE + " WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO DESC", limit, citizenId);
    }

    /** The latest entries, newest first. */
    List<Entry> latest(int limit) {
        return query("SELECT * FROM " + TABLE + " ORDER BY ENTRY_NO DESC", limit);
    }

    private void catchUp(RequestRegistry requests) {
        Set<String> registered = new HashSet<>();
        query("SELECT * FROM " + TABLE, 0).forEach(e -> registered.add(e.requestNumber()));
        Actor system = Actor.system("document-registry");
        int added = 0;
        for (int offset = 0;; offset += PAGE) {
            Page<ServiceRequest> page = requests.search(system, RequestQuery.all(), offset, PAGE);
            for (ServiceRequest r : page.items()) {
                if (!registered.contains(r.number().toString())) {
                    register(r);
                    added++;
                }
            }
            if (page.items().size() < PAGE) {
                break;
            }
        }
        if (added > 0) {
            LOG.info("Document registry: registered {} requests filed before it was installed", added);
        }
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
