package org.civicdesk.channel.phone.internal.queue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.civicdesk.channel.phone.internal.queue.DeskCall.OpenRequest;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;

/**
 * The caller each operator was last put through to, for the console's pop-up, in the database:
 * the console may ask any node. One row per operator, replaced by their next call; when the
 * operator picked up is noted once, whichever node hears it first.
 */
public final class DeskCalls {
    static final String TABLE = "CD_PHONE_DESK";

    private final Jdbc jdbc;

    public DeskCalls(DataSource dataSource) throws SQLException {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, DeskCalls.class);
    }

    void put(String username, DeskCall call) {
        try {
            jdbc.inTransaction(c -> {
                try (var delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE USERNAME = ?");
                        var insert = c.prepareStatement("INSERT INTO " + TABLE
                                + " (USERNAME, CALL_ID, DETAILS, AT_MS) VALUES (?, ?, ?, ?)")) {
                    Jdbc.bind(delete, username);
                    delete.executeUpdate();
                    Jdbc.bind(insert, username, call.callId(), write(call), call.at().toEpochMilli());
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot note the caller on " + username + "'s line", e);
        }
    }

    Optional<DeskCall> get(String username) {
        return jdbc.query("read the caller on an operator's line", "SELECT DETAILS FROM " + TABLE + " WHERE USERNAME = ?",
                rs -> read(rs.getString(1)), 1, username).stream().findFirst();
    }

    /** Notes that the operator picked up; true for the first to say so. */
    boolean answered(String callId) {
        return jdbc.update("note the pick-up", "UPDATE " + TABLE + " SET ANSWERED_MS = ? WHERE CALL_ID = ? "
                + "AND ANSWERED_MS IS NULL", System.currentTimeMillis(), callId) > 0;
    }

    /** When the conversation started: the pick-up, else when the call was put through. */
    Optional<Instant> talkStarted(String callId) {
        return jdbc.query("read the pick-up", "SELECT AT_MS, ANSWERED_MS FROM " + TABLE + " WHERE CALL_ID = ?", rs -> {
            long answered = rs.getLong(2);
            return Instant.ofEpochMilli(rs.wasNull() ? rs.getLong(1) : answered);
        }, 1, callId).stream().findFirst();
    }

    private static String write(DeskCall call) {
        Properties p = new Properties();
        p.setProperty("callId", call.callId());
        set(p, "pbxChannel", call.pbxChannel());
        set(p, "caller", call.caller());
        set(p, "language", call.language());
        set(p, "citizenId", call.citizenId());
        p.setProperty("verified", Boolean.toString(call.verified()));
        p.setProperty("matches", Integer.toString(call.matches()));
        p.setProperty("interactionId", call.interactionId());
        p.setProperty("at", call.at().toString());
        List<OpenRequest> open = call.openRequests();
        p.setProperty("open", Integer.toString(open.size()));
        for (int i = 0; i < open.size(); i++) {
            OpenRequest r = open.get(i);
            p.setProperty("open." + i, String.join("|", r.number(), r.type(), r.status(),
                    r.assignee() == null ? "" : r.assignee(), r.deadline() == null ? "" : r.deadline().toString()));
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static DeskCall read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<OpenRequest> open = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(p.getProperty("open", "0")); i++) {
            String[] f = p.getProperty("open." + i).split("\\|", -1);
            open.add(new OpenRequest(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3],
                    f[4].isEmpty() ? null : LocalDate.parse(f[4])));
        }
        return new DeskCall(p.getProperty("callId"), p.getProperty("pbxChannel"), p.getProperty("caller"),
                p.getProperty("language"), p.getProperty("citizenId"), Boolean.parseBoolean(p.getProperty("verified")),
                Integer.parseInt(p.getProperty("matches")), p.getProperty("interactionId"), Instant.parse(p.getProperty("at")),
                List.copyOf(open));
    }

    private static void set(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
