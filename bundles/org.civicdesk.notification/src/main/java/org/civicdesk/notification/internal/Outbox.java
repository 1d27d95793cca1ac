package org.civicdesk.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.notification.api.Notification;
import org.civicdesk.notification.api.NotificationAttempt;
import org.civicdesk.notification.api.NotificationState;
import org.civicdesk.notification.api.RecipientKind;
import org.civicdesk.persistence.Jdbc;

/** The outbox tables, in plain JDBC on the caller's connection. */
final class Outbox {
    static final String EMAIL = "email";
    private static final int MAX_ERROR = 500;
    private static final String COLUMNS = "ID, REQUEST_NUMBER, EVENT_SEQ, RECIPIENT_KIND, CITIZEN_ID, STAFF_USERNAME, ADDRESS, "
            + "CHANNEL, "
            + "TEMPLATE, LANG, REQUEST_TYPE, REQUEST_STATUS, PUBLIC_COMMENT, DEADLINE, TRACKING_CODE, STATE, ATTEMPTS, "
            + "LAST_ERROR, QUEUED_MS, NEXT_MS, SENT_MS";

    private Outbox() {
    }

    /** A row of the outbox. */
    record Row(long id, String requestNumber, int eventSequence, RecipientKind recipientKind, String citizenId,
            String staffUsername, String address, String channel, String template, String language, String requestType,
            String status,
            String comment, String deadline, String trackingCode, NotificationState state, int attempts,
            String lastError, long queuedMillis, Long nextMillis, Long sentMillis) {

        Notification toDto(List<NotificationAttempt> history) {
            return new Notification(id, requestNumber, recipientKind, channel, template, language, state, attempts,
                    lastError, Instant.ofEpochMilli(queuedMillis), nextMillis == null ? null : Instant.ofEpochMilli(nextMillis),
                    sentMillis == null ? null : Instant.ofEpochMilli(sentMillis), history);
        }
    }

    /** Queues a message, due at once; the event's transaction commits it. */
    static void queue(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_NOTIFICATION (REQUEST_NUMBER, EVENT_SEQ, "
                + "RECIPIENT_KIND, CITIZEN_ID, STAFF_USERNAME, ADDRESS, CHANNEL, TEMPLATE, LANG, REQUEST_TYPE, "
                + "REQUEST_STATUS, PUBLIC_COMMENT, DEADLINE, TRACKING_CODE, STATE, ATTEMPTS, QUEUED_MS, NEXT_MS) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            Jdbc.bind(ps, row.requestNumber(), row.eventSequence(), row.recipientKind().name(), row.citizenId(),
                    row.staffUsername(), row.address(), row.channel(), row.template(), row.language(), row.requestType(),
                    row.status(),
                    row.comment(), row.deadline(), row.trackingCode(), NotificationState.QUEUED.name(),
                    row.queuedMillis(), row.queuedMillis());
            ps.executeUpdate();
        }
    }

    /**
     * Takes the next message due, locked until the caller's transaction ends. On PostgreSQL a row
     * another node holds is skipped ({@code SKIP LOCKED}), so two nodes never send the same message;
     * embedded Derby has one node.
     */
    static Optional<Row> claimNext(Connection c, long nowMillis) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String sql = "SELECT " + COLUMNS + " FROM CD_NOTIFICATION WHERE STATE = ? AND NEXT_MS <= ? ORDER BY NEXT_MS, ID"
                + (postgres ? " LIMIT 1 FOR UPDATE SKIP LOCKED" : " FETCH FIRST 1 ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, NotificationState.QUEUED.name(), nowMillis);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Records an attempt and what follows from it: sent; queued again at {@code nextMillis}; or given
     * up ({@code nextMillis} null and not delivered).
     */
    static void attempted(Connection c, Row row, long nowMillis, boolean delivered, String reason, Long nextMillis)
            throws SQLException {
        int attempt = row.attempts() + 1;
        String error = reason == null ? null : reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
        NotificationState state = delivered ? NotificationState.SENT
                : nextMillis == null ? NotificationState.FAILED : NotificationState.QUEUED;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_NOTIFICATION_ATTEMPT (NOTIFICATION_ID, ATTEMPT_NO, "
                + "ATTEMPTED_MS, DELIVERED, REASON) VALUES (?, ?, ?, ?, ?)")) {
            Jdbc.bind(ps, row.id(), attempt, nowMillis, delivered, error);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE CD_NOTIFICATION SET STATE = ?, ATTEMPTS = ?, LAST_ERROR = ?, "
                + "NEXT_MS = ?, SENT_MS = ? WHERE ID = ?")) {
            Jdbc.bind(ps, state.name(), attempt, delivered ? row.lastError() : error);
            // Typed nulls: PostgreSQL refuses a VARCHAR null in a BIGINT column.
            Jdbc.setLong(ps, 4, delivered ? null : nextMillis);
            Jdbc.setLong(ps, 5, delivered ? nowMillis : null);
            ps.setLong(6, row.id());
            ps.executeUpdate();
        }
    }

    /** The notifications of a request with their attempts, oldest first. */
    static List<Notification> ofRequest(Connection c, String requestNumber) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM CD_NOTIFICATION WHERE REQUEST_NUMBER = ? ORDER BY ID")) {
            Jdbc.bind(ps, requestNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = read(rs);
                    rows.put(row.id(), row);
                }
            }
        }
        Map<Long, List<NotificationAttempt>> attempts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.NOTIFICATION_ID, a.ATTEMPT_NO, a.ATTEMPTED_MS, a.DELIVERED, "
                + "a.REASON FROM CD_NOTIFICATION_ATTEMPT a JOIN CD_NOTIFICATION n ON n.ID = a.NOTIFICATION_ID "
                + "WHERE n.REQUEST_NUMBER = ? ORDER BY a.NOTIFICATION_ID, a.ATTEMPT_NO")) {
            Jdbc.bind(ps, requestNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attempts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new NotificationAttempt(
                            rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getBoolean(4), rs.getString(5)));
                }
            }
        }
        return rows.values().stream().map(r -> r.toDto(attempts.getOrDefault(r.id(), List.of()))).toList();
    }

    /** A staff member's notifications, newest first, without their attempts. */
    static List<Notification> ofStaff(Connection c, String username, long afterId, int limit) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String sql = "SELECT " + COLUMNS + " FROM CD_NOTIFICATION WHERE STAFF_USERNAME = ? AND RECIPIENT_KIND = ? AND ID > ? "
                + "ORDER BY ID DESC" + (postgres ? " LIMIT " + limit : " FETCH FIRST " + limit + " ROWS ONLY");
        return rows(c, sql, username, RecipientKind.STAFF.name(), afterId);
    }

    /** The staff notifications queued since a time, oldest first: what the console push looks at. */
    static List<Row> staffQueuedSince(Connection c, long sinceMillis) throws SQLException {
        List<Row> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM CD_NOTIFICATION WHERE QUEUED_MS >= ? "
                + "AND RECIPIENT_KIND = ? ORDER BY ID")) {
            Jdbc.bind(ps, sinceMillis, RecipientKind.STAFF.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
    }

    private static List<Notification> rows(Connection c, String sql, Object... parameters) throws SQLException {
        List<Notification> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs).toDto(List.of()));
                }
            }
        }
        return found;
    }

    private static Row read(ResultSet rs) throws SQLException {
        long next = rs.getLong(20);
        Long nextMillis = rs.wasNull() ? null : next;
        long sent = rs.getLong(21);
        Long sentMillis = rs.wasNull() ? null : sent;
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), RecipientKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                NotificationState.valueOf(rs.getString(16)), rs.getInt(17), rs.getString(18), rs.getLong(19), nextMillis,
                sentMillis);
    }
}
