package org.civicdesk.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.notification.api.NewStaffMessage;
import org.civicdesk.notification.api.StaffMessage;
import org.civicdesk.notification.api.StaffMessages;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.RequestNumber;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Messages between staff in two append-only tables: the message, and whom it reached (a department's
 * enabled members when it was sent, but the sender). Written with the audit entry of the sending in
 * one transaction; {@link StaffNotificationPush} tells the consoles.
 */
@Component(service = StaffMessages.class)
public class StaffMessagesImpl implements StaffMessages {
    static final String COLUMNS = "M.ID, M.SENDER, M.SENDER_NAME, M.TO_USERNAME, M.TO_DEPARTMENT, M.REQUEST_NUMBER, "
            + "M.BODY, M.SENT_MS";
    private final Jdbc jdbc;
    private final StaffDirectory staff;
    private final AuditLog audit;

    @Activate
    public StaffMessagesImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference StaffDirectory staff, @Reference AuditLog audit) {
        SchemaMigrations.update(dataSource, StaffMessagesImpl.class);
        this.jdbc = new Jdbc(dataSource);
        this.staff = staff;
        this.audit = audit;
    }

    @Override
    public StaffMessage send(Actor actor, NewStaffMessage message) {
        String body = message.body() == null ? "" : message.body().strip();
        if (body.isEmpty()) {
            throw InvalidInputException.of("body", "message.empty");
        }
        TextInput.text("body", body, MAX_BODY);
        String toUser = blankToNull(message.toUsername());
        String toDepartment = blankToNull(message.toDepartment());
        if ((toUser == null) == (toDepartment == null)) {
            throw InvalidInputException.of("to", "message.recipient");
        }
        String request = blankToNull(message.requestNumber());
        if (request != null) {
            request = RequestNumber.parse(request).toString();
        }
        List<String> recipients = recipients(actor, toUser, toDepartment);
        String senderName = staff.find(actor.username()).map(StaffAccount::displayName).orElse(null);
        long now = System.currentTimeMillis();
        String requestNumber = request;
        AuditEvent sent = new AuditEvent(actor.username(), "staff.message.send", "staff-message",
                toUser != null ? "staff" : "department", toUser != null ? toUser : toDepartment,
                requestNumber == null ? null : "about request " + requestNumber);
        try {
            long id = jdbc.inTransaction(c -> {
                long written = Jdbc.insertReturningId(c, "INSERT INTO CD_STAFF_MESSAGE (SENDER, SENDER_NAME, "
                        + "TO_USERNAME, TO_DEPARTMENT, REQUEST_NUMBER, BODY, SENT_MS) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        actor.username(), senderName, toUser, toDepartment, requestNumber, body, now);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO CD_STAFF_MESSAGE_TO (MESSAGE_ID, RECIPIENT) VALUES (?, ?)")) {
                    for (String recipient : recipients) {
                        Jdbc.bind(ps, written, recipient);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                audit.record(c, sent, null);
                return written;
            });
            return new StaffMessage(id, actor.username(), senderName, toUser, toDepartment, requestNumber, body,
                    Instant.ofEpochMilli(now));
        } catch (SQLException e) {
            throw SqlErrors.unchecked("sending a message to staff", e);
        }
    }

    /** Who gets it: the colleague, or the department's enabled members but the sender. */
    private List<String> recipients(Actor actor, String toUser, String toDepartment) {
        if (toUser != null) {
            StaffAccount colleague = staff.find(toUser).filter(StaffAccount::enabled)
                    .orElseThrow(() -> new NotFoundException("no colleague " + toUser));
            return List.of(colleague.username());
        }
        staff.department(toDepartment).orElseThrow(() -> new NotFoundException("no department " + toDepartment));
        List<String> members = staff.list().stream()
                .filter(a -> a.enabled() && toDepartment.equals(a.department()) && !a.username().equals(actor.username()))
                .map(StaffAccount::username).sorted().toList();
        if (members.isEmpty()) {
            throw new NotFoundException("nobody else works in department " + toDepartment);
        }
        return members;
    }

    @Override
    public List<StaffMessage> mine(Actor actor, int limit, long afterId) {
        if (limit < 1 || limit > MAX_MINE) {
            throw InvalidInputException.of("limit", "limit.range", MAX_MINE);
        }
        return jdbc.query("reading a staff member's messages", "SELECT " + COLUMNS + " FROM CD_STAFF_MESSAGE M "
                + "WHERE M.ID > ? AND (M.SENDER = ? OR EXISTS (SELECT 1 FROM CD_STAFF_MESSAGE_TO R "
                + "WHERE R.MESSAGE_ID = M.ID AND R.RECIPIENT = ?)) ORDER BY M.ID DESC", StaffMessagesImpl::read, limit,
                Math.max(0, afterId), actor.username(), actor.username());
    }

    /**
     * Each message sent since {@code sinceMillis} with each of its recipients, oldest first: what the push tells.
     */
    static List<Received> sentSince(Connection c, long sinceMillis) throws SQLException {
        List<Received> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", R.RECIPIENT FROM CD_STAFF_MESSAGE M "
                + "JOIN CD_STAFF_MESSAGE_TO R ON R.MESSAGE_ID = M.ID WHERE M.SENT_MS >= ? ORDER BY M.ID")) {
            Jdbc.bind(ps, sinceMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Received(rs.getString(9), read(rs)));
                }
            }
        }
        return found;
    }

    /** A message as one of its recipients got it. */
    record Received(String recipient, StaffMessage message) {
    }

    private static StaffMessage read(ResultSet rs) throws SQLException {
        return new StaffMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
