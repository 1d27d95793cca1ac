package org.civicdesk.notification.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.notification.api.MailAttachment;
import org.civicdesk.notification.api.MessageAttachments;
import org.civicdesk.notification.api.RecipientKind;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker: sends the messages due, one transaction each, over SMTP. A message is marked
 * sent only once the server accepted it; a failed attempt is recorded with its reason and tried
 * again after a wait that doubles each time, until {@code maxAttempts}. A cluster job; each message
 * is also locked while it is sent (see {@link Outbox#claimNext}). When sending is disabled the
 * messages stay queued.
 */
@Component(service = Job.class, configurationPid = NotificationSender.PID,
        property = {Job.ID + "=" + NotificationSender.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=15000"})
@Designate(ocd = NotificationConfig.class)
public class NotificationSender implements Job {
    static final String PID = "org.civicdesk.notification";
    static final String JOB = "notification-sender";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    /** The most messages a run sends, so that a run ends in reasonable time; the next run goes on. */
    private static final int PER_RUN = 200;
    private static final String NO_ADDRESS = "no e-mail address";

    private final Jdbc jdbc;
    private final CitizenRegistry citizens;
    private final RequestTypeCatalog types;
    private final StaffDirectory staff;
    private final CityHall city;
    private final Actor system = Actor.system("notification");
    private final RequestRegistry requests;
    private volatile MailSettings settings;
    /** The plug-ins' files for citizens' messages (the receipt on the acknowledgement), as they come and go. */
    private final List<MessageAttachments> attachmentSources = new CopyOnWriteArrayList<>();

    @Activate
    public NotificationSender(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenRegistry citizens, @Reference StaffDirectory staff, @Reference RequestTypeCatalog types,
            @Reference CityHall city, @Reference RequestRegistry requests, NotificationConfig config) {
        SchemaMigrations.update(dataSource, NotificationSender.class);
        this.requests = requests;
        this.jdbc = new Jdbc(dataSource);
        this.citizens = citizens;
        this.types = types;
        this.staff = staff;
        this.city = city;
        modified(config);
    }

    @Modified
    void modified(NotificationConfig config) {
        this.settings = MailSettings.of(config);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAttachments(MessageAttachments source) {
        attachmentSources.add(source);
    }

    void removeAttachments(MessageAttachments source) {
        attachmentSources.remove(source);
    }

    @Override
    public void run(JobContext context) throws SQLException {
        MailSettings s = settings;
        if (!s.enabled()) {
            return;
        }
        int sent = 0;
        int failed = 0;
        for (int i = 0; i < PER_RUN; i++) {
            Boolean delivered = jdbc.inTransaction(c -> {
                long now = System.currentTimeMillis();
                Optional<Outbox.Row> due = Outbox.claimNext(c, now);
                if (due.isEmpty()) {
                    return null;
                }
                Outbox.Row row = due.get();
                String failure = deliver(s, row);
                long after = System.currentTimeMillis();
                Long next = failure != null && !failure.equals(NO_ADDRESS) ? s.retryAt(after, row.attempts()) : null;
                Outbox.attempted(c, row, after, failure == null, failure, next);
                if (NO_ADDRESS.equals(failure)) {
                    // Many citizens leave no address: expected, shown on the request, not a warning.
                    LOG.debug("Notification {}: {}", row.id(), NO_ADDRESS);
                } else if (failure != null) {
                    // The id only: no address, no text in the log.
                    LOG.warn("Notification {} not sent (attempt {}); the reason is on the request", row.id(),
                            row.attempts() + 1);
                }
                return failure == null;
            });
            if (delivered == null) {
                break;
            }
            if (delivered) {
                sent++;
            } else {
                failed++;
            }
        }
        if (sent + failed > 0) {
            LOG.info("Notifications: {} sent, {} failed attempts", sent, failed);
        }
    }

    /** Sends one message; returns why it failed, or {@code null} when the server accepted it. */
    private String deliver(MailSettings s, Outbox.Row row) {
        String to;
        try {
            to = switch (row.recipientKind()) {
                // A message of an earlier release carries its address; now it is read from the request.
                case CONTACT -> row.address() != null ? row.address() : reporterAddress(row);
                case STAFF -> staff.find(row.staffUsername()).filter(StaffAccount::enabled).map(StaffAccount::email)
                        .orElse(null);
                default -> citizenAddress(row);
            };
        } catch (RuntimeException e) {
            // Kept as an attempt like any failure: a message that cannot be read must not block the ones behind it.
            return "reading the citizen's address: " + e.getClass().getSimpleName();
        }
        if (to == null || to.isBlank()) {
            return NO_ADDRESS;
        }
        Templates.Message message;
        try {
            message = s.templates().render(row.template(), row.language(), model(row));
        } catch (IOException | freemarker.template.TemplateException | RuntimeException e) {
            return "template " + row.template() + "_" + row.language() + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage();
        }
        try {
            if (NotificationQueue.REPLY.equals(row.template())) {
                // A person wrote it, and the citizen may answer: to the mailbox the e-mail channel reads.
                s.mailer().send(to, message.subject(), message.body(), false, s.replyTo());
            } else if (row.recipientKind() == RecipientKind.STAFF) {
                s.mailer().send(to, message.subject(), message.body());
            } else {
                s.mailer().send(to, message.subject(), message.body(), true, null, attachments(row));
            }
            return null;
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            return cause == e ? reason : reason + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
    }

    /** The plug-ins' files for a message to a citizen; one that fails is left out, the message still goes. */
    private List<MailAttachment> attachments(Outbox.Row row) {
        List<MailAttachment> files = new ArrayList<>();
        for (MessageAttachments source : attachmentSources) {
            try {
                files.addAll(source.attachments(row.template(), row.requestNumber(), Templates.language(row.language())));
            } catch (RuntimeException e) {
                // Only the type: a message may quote the request.
                LOG.warn("No attachment from {} for a {} message: {}", source.getClass().getName(), row.template(),
                        e.getClass().getName());
            }
        }
        return files;
    }

    /** The citizen's address as their record has it now: an audited read, with its purpose. */
    /** The e-mail address the reporter without a national id left on the request, while it is kept. */
    private String reporterAddress(Outbox.Row row) {
        return requests.contact(system, RequestNumber.parse(row.requestNumber())).map(CitizenDetails::email).orElse(null);
    }

    private String citizenAddress(Outbox.Row row) {
        return citizens.get(system, row.citizenId(), "e-mail notification about request " + row.requestNumber())
                .map(Citizen::email).orElse(null);
    }

    /**
     * What the event told says, read from the request's history when the message is sent: the outbox keeps no copy, so
     * the words go with the person's erasure. Messages queued by an earlier release carry their own.
     */
    private String eventComment(Outbox.Row row) {
        return requests.history(system, RequestNumber.parse(row.requestNumber())).stream()
                .filter(e -> e.sequence() == row.eventSequence()).findFirst().map(RequestEvent::comment).orElse(null);
    }

    private Map<String, Object> model(Outbox.Row row) {
        String language = Templates.language(row.language());
        Map<String, Object> model = new HashMap<>();
        model.put("number", row.requestNumber());
        model.put("type", row.requestType());
        model.put("typeName", types.find(row.requestType()).map(t -> t.name(language)).orElse(row.requestType()));
        model.put("status", row.status());
        String comment = row.comment() != null ? row.comment() : eventComment(row);
        model.put("comment", comment == null ? "" : comment);
        model.put("deadline", LocalDate.parse(row.deadline()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        model.put("trackingCode", row.trackingCode());
        model.put("portalUrl", city.portalUrl());
        model.put("trackingUrl", city.trackingUrl(row.trackingCode()));
        // The satisfaction question's link: the same page, opening the tracked request at its rating form.
        model.put("rateUrl", city.ratingUrl(row.trackingCode()));
        return model;
    }
}
