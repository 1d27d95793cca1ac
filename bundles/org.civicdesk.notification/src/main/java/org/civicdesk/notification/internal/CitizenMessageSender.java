package org.civicdesk.notification.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.notification.api.NotificationState;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the citizens' messages queued through {@code CitizenMessages}, as {@link NotificationSender} sends the
 * request notifications: the same settings, templates and retries, one locked row at a time, a cluster job.
 */
@Component(service = Job.class, configurationPid = NotificationSender.PID,
        property = {Job.ID + "=" + CitizenMessageSender.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=15000"})
public class CitizenMessageSender implements Job {
    static final String JOB = "citizen-message-sender";
    private static final Logger LOG = LoggerFactory.getLogger(CitizenMessageSender.class);
    private static final int PER_RUN = 200;
    private static final int MAX_ERROR = 500;

    private final Jdbc jdbc;
    private final CitizenRegistry citizens;
    private final CityHall city;
    private final Actor system = Actor.system("notification");
    private volatile MailSettings settings;

    private record Row(String id, String citizenId, String template, String language, String model, String reference,
            int attempts) {
    }

    @Activate
    public CitizenMessageSender(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenRegistry citizens, @Reference CityHall city, NotificationConfig config) {
        SchemaMigrations.update(dataSource, CitizenMessageSender.class);
        this.jdbc = new Jdbc(dataSource);
        this.citizens = citizens;
        this.city = city;
        modified(config);
    }

    @Modified
    void modified(NotificationConfig config) {
        this.settings = MailSettings.of(config);
    }

    @Override
    public void run(JobContext context) throws SQLException {
        MailSettings s = settings;
        if (!s.enabled()) {
            return;
        }
        for (int i = 0; i < PER_RUN; i++) {
            Boolean done = jdbc.inTransaction(c -> {
                Optional<Row> due = claimNext(c, System.currentTimeMillis());
                if (due.isEmpty()) {
                    return null;
                }
                Row row = due.get();
                String failure = deliver(s, row);
                long after = System.currentTimeMillis();
                Long next = failure != null && !Outcome.NO_ADDRESS.equals(failure) ? s.retryAt(after, row.attempts()) : null;
                boolean retry = next != null;
                NotificationState state = failure == null ? NotificationState.SENT
                        : retry ? NotificationState.QUEUED : NotificationState.FAILED;
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + CitizenMessageOutbox.TABLE + " SET STATE = ?, "
                        + "ATTEMPTS = ?, LAST_ERROR = ?, NEXT_MS = ?, SENT_MS = ? WHERE ID = ?")) {
                    ps.setString(1, state.name());
                    ps.setInt(2, row.attempts() + 1);
                    ps.setString(3, failure == null ? null : failure.length() > MAX_ERROR ? failure.substring(0, MAX_ERROR)
                            : failure);
                    Jdbc.setLong(ps, 4, retry ? next : null);
                    Jdbc.setLong(ps, 5, failure == null ? after : null);
                    ps.setString(6, row.id());
                    ps.executeUpdate();
                }
                if (failure != null && !Outcome.NO_ADDRESS.equals(failure)) {
                    // The id only: no address, no text in the log.
                    LOG.warn("Citizen message {} not sent (attempt {})", row.id(), row.attempts() + 1);
                }
                return failure == null;
            });
            if (done == null) {
                break;
            }
        }
    }

    /** Why a message was not sent when that is no failure. */
    private static final class Outcome {
        static final String NO_ADDRESS = "no e-mail address";
    }

    private static Optional<Row> claimNext(Connection c, long now) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String sql = "SELECT ID, CITIZEN_ID, TEMPLATE, LANG, MODEL, REFERENCE, ATTEMPTS FROM " + CitizenMessageOutbox.TABLE
                + " WHERE STATE = ? AND NEXT_MS <= ? ORDER BY NEXT_MS, ID"
                + (postgres ? " LIMIT 1 FOR UPDATE SKIP LOCKED" : " FETCH FIRST 1 ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, NotificationState.QUEUED.name(), now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7))) : Optional.empty();
            }
        }
    }

    private String deliver(MailSettings s, Row row) {
        String to;
        try {
            to = citizens.get(system, row.citizenId(), "e-mail message " + row.reference()).map(Citizen::email).orElse(null);
        } catch (RuntimeException e) {
            return "reading the citizen's address: " + e.getClass().getSimpleName();
        }
        if (to == null || to.isBlank()) {
            return Outcome.NO_ADDRESS;
        }
        String language = row.language() == null || row.language().isBlank() ? s.language() : row.language();
        Map<String, Object> model = new HashMap<>(CitizenMessageOutbox.read(row.model()));
        model.putIfAbsent("portalUrl", city.portalUrl());
        Templates.Message message;
        try {
            message = s.templates().render(row.template(), language, model);
        } catch (IOException | freemarker.template.TemplateException | RuntimeException e) {
            return "template " + row.template() + "_" + language + ": " + e.getClass().getSimpleName();
        }
        try {
            s.mailer().send(to, message.subject(), message.body());
            return null;
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
