package org.civicdesk.channel.email.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestEventListener;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The messages the channel is done with ({@code CD_EMAIL_MESSAGE}, keyed by the SHA-256 of the Message-ID). It listens
 * to filings only so that a filed message's row is written inside the filing's own transaction: the channel files with
 * the message's key as the request's {@link org.civicdesk.request.api.NewRequest#reference() reference}, and the
 * request and the record that its message was filed commit together, so a crash can neither lose the mail nor file it
 * twice. A filing whose message is recorded already (another run, another node) fails whole: a message is filed once.
 */
@Component(service = {RequestEventListener.class, ProcessedMessages.class})
public class ProcessedMessages implements RequestEventListener {
    /** What the channel's references start with: other channels' references are none of ours. */
    static final String REFERENCE = "email:";

    /** What became of a message. */
    enum Outcome {
        FILED, COMMENTED, IGNORED, REJECTED
    }

    /** A message done with, and the request it went to, if any. */
    record Processed(Outcome outcome, String requestNumber) {
    }

    /** Thrown inside a filing whose message another run recorded first: the filing is undone. */
    static final class AlreadyProcessed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyProcessed() {
            super("the e-mail was taken already", null, false, false);
        }
    }

    private final Jdbc jdbc;

    @Activate
    public ProcessedMessages(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, ProcessedMessages.class);
    }

    /** The reference a message's request is filed under. */
    static String reference(String key) {
        return REFERENCE + key;
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

    @Override
    public void onEvent(Connection transaction, ServiceRequest request, RequestEvent event, CitizenDetails contact) {
        // Changes of requests: nothing of ours.
    }

    /** A filing the channel made under a message's reference: the message's row commits with it. */
    @Override
    public void onFiled(Connection transaction, ServiceRequest request, RequestEvent created, CitizenDetails contact,
            String reference) {
        if (reference == null || !reference.startsWith(REFERENCE)) {
            return;
        }
        String key = reference.substring(REFERENCE.length());
        try {
            if (recorded(transaction, key)) {
                throw new AlreadyProcessed();
            }
            insert(transaction, key, Outcome.FILED, request.number().toString());
        } catch (SQLException e) {
            // A unique violation here is a run on another node recording it at the same moment: the filing is retried
            // alone and then finds the row.
            throw SqlErrors.unchecked("recording a filed message", e);
        }
    }

    private static boolean recorded(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CD_EMAIL_MESSAGE WHERE MESSAGE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int insert(Connection c, String key, Outcome outcome, String requestNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_EMAIL_MESSAGE (MESSAGE_KEY, OUTCOME, REQUEST_NUMBER, "
                + "PROCESSED_MS) VALUES (?, ?, ?, ?)")) {
            Jdbc.bind(ps, key, outcome.name(), requestNumber, System.currentTimeMillis());
            return ps.executeUpdate();
        }
    }
}
