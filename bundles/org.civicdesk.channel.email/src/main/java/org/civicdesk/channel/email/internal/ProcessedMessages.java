package org.civicdesk.channel.email.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.RegistryHandOff;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The messages the channel is done with ({@code CD_EMAIL_MESSAGE}, keyed by the SHA-256 of the Message-ID). It is a
 * {@link RegistryHandOff} only so that a filed message's row is written inside the filing's own transaction: the
 * request and the record that its message was filed commit together, so a crash can neither lose the mail nor file it
 * twice. It registers nothing for requests that are not the one the channel is filing right now.
 */
@Component(service = {RegistryHandOff.class, ProcessedMessages.class},
        property = RegistryHandOff.ID_PROPERTY + "=" + ProcessedMessages.ID)
public class ProcessedMessages implements RegistryHandOff {
    static final String ID = "email-intake";

    /** What became of a message. */
    enum Outcome {
        FILED, COMMENTED, IGNORED, REJECTED
    }

    /** A message done with, and the request it went to, if any. */
    record Processed(Outcome outcome, String requestNumber) {
    }

    /** The filing in progress: its request is recognised by type and description (one filing at a time per node). */
    private record Expected(String key, String type, String description) {
    }

    private final Jdbc jdbc;
    private final AtomicReference<Expected> expected = new AtomicReference<>();

    @Activate
    public ProcessedMessages(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, ProcessedMessages.class);
    }

    Optional<Processed> find(String key) {
        return jdbc.query("reading a processed message", "SELECT OUTCOME, REQUEST_NUMBER FROM CD_EMAIL_MESSAGE "
                + "WHERE MESSAGE_KEY = ?", rs -> new Processed(Outcome.valueOf(rs.getString(1)), rs.getString(2)), 1, key)
                .stream().findFirst();
    }

    /** Records a message as done; a second record of the same message keeps the first. */
    void record(String key, Outcome outcome, String requestNumber) {
        try {
            jdbc.inTransaction(c -> insert(c, key, outcome, requestNumber));
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw SqlErrors.unchecked("recording a processed message", e);
            }
        }
    }

    /** The request a reply was about to be added to when its run stopped, if it was. */
    Optional<String> claimed(String key) {
        return jdbc.query("reading a claimed message", "SELECT REQUEST_NUMBER FROM CD_EMAIL_CLAIM WHERE MESSAGE_KEY = ?",
                rs -> rs.getString(1), 1, key).stream().findFirst();
    }

    /** Notes that a reply is about to become a comment on a request. */
    void claim(String key, String requestNumber) {
        jdbc.update("claiming a message", "INSERT INTO CD_EMAIL_CLAIM (MESSAGE_KEY, REQUEST_NUMBER, CLAIMED_MS) VALUES (?, ?, ?)",
                key, requestNumber, System.currentTimeMillis());
    }

    /** The next e-mail request filed with this type and description is the message's: its row goes with it. */
    void expect(String key, String type, String description) {
        expected.set(new Expected(key, type, description));
    }

    void expectNothing() {
        expected.set(null);
    }

    @Override
    public boolean registerWithin(Connection transaction, ServiceRequest request) {
        Expected mine = expected.get();
        if (isFor(mine, request)) {
            try {
                insert(transaction, mine.key(), Outcome.FILED, request.number().toString());
            } catch (SQLException e) {
                throw SqlErrors.unchecked("recording a filed message", e);
            }
        }
        // Requests of other channels: nothing of ours to register.
        return true;
    }

    /** Only when writing inside the filing failed: the row right after its commit. */
    @Override
    public String register(ServiceRequest request) {
        Expected mine = expected.get();
        if (isFor(mine, request)) {
            record(mine.key(), Outcome.FILED, request.number().toString());
        }
        return null;
    }

    private static boolean isFor(Expected mine, ServiceRequest request) {
        return mine != null && request.channel() == Channel.EMAIL && mine.type().equals(request.type())
                && mine.description().equals(request.description());
    }

    private static int insert(Connection c, String key, Outcome outcome, String requestNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_EMAIL_MESSAGE (MESSAGE_KEY, OUTCOME, REQUEST_NUMBER, "
                + "PROCESSED_MS) VALUES (?, ?, ?, ?)")) {
            Jdbc.bind(ps, key, outcome.name(), requestNumber, System.currentTimeMillis());
            return ps.executeUpdate();
        }
    }
}
