package org.civicdesk.channel.phone.internal.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
 * Call-backs callers asked for instead of waiting (R8, R11): each is recorded when asked and
 * when done, in two append-only tables, and waits for operators until one is done.
 */
@Component(service = Callbacks.class)
public class Callbacks {
    static final String REQUESTED = "CD_PHONE_CALLBACK";
    static final String DONE = "CD_PHONE_CALLBACK_DONE";

    private final Jdbc jdbc;

    /**
     * A call-back asked for.
     *
     * @param number     the number to call, as the exchange presented it
     * @param citizenId  the caller, when the robot identified them
     * @param skills     what the caller chose in the menu (language, topic)
     */
    public record Callback(String id, String callId, String number, String citizenId, String language, String skills,
            Instant requestedAt) {
    }

    @Activate
    public Callbacks(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, Callbacks.class);
    }

    /** Records a caller's request to be called back; returns its id. */
    public String request(String callId, String number, String citizenId, String language, Set<String> skills) {
        String id = UUID.randomUUID().toString();
        jdbc.update("record a call-back request", "INSERT INTO " + REQUESTED
                + " (ID, CALL_ID, PHONE, CITIZEN_ID, LANGUAGE, SKILLS, REQUESTED_MS) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, callId, number, citizenId, language, String.join(" ", skills), System.currentTimeMillis());
        return id;
    }

    private static final String COLUMNS = "r.ID, r.CALL_ID, r.PHONE, r.CITIZEN_ID, r.LANGUAGE, r.SKILLS, r.REQUESTED_MS";

    /** The call-backs not done yet, the oldest first. */
    public List<Callback> open() {
        return jdbc.query("list the call-backs", "SELECT " + COLUMNS + " FROM " + REQUESTED + " r LEFT JOIN " + DONE
                + " d ON d.ID = r.ID WHERE d.ID IS NULL ORDER BY r.REQUESTED_MS", Callbacks::callback, 500);
    }

    /**
     * A call-back still to be done.
     *
     * @throws NotFoundException for an unknown id
     * @throws ConflictException when it is done already
     */
    public Callback open(String id) {
        Callback callback = jdbc.query("read a call-back", "SELECT " + COLUMNS + " FROM " + REQUESTED + " r WHERE r.ID = ?",
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

    private static ConflictException doneAlready(String id) {
        return new ConflictException("the call-back " + id + " is done already");
    }

    private static Callback callback(ResultSet rs) throws SQLException {
        return new Callback(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
    }
}
