package org.civicdesk.notification.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.notification.api.NotificationState;
import org.civicdesk.notification.api.RecipientKind;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.CallbackOutcome;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestEventListener;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Queues the citizen's messages in the transaction of the event they announce (R5, R16): the
 * acknowledgement of a filing, a status change with its comment, the closure. For the citizen on
 * the request (their address is read from their record when the message is sent, so that this
 * runs on the filing's hot path without reading personal data), or for the e-mail address a
 * reporter without a national id left (read from the request when sent, likewise). Nothing is queued for whoever left
 * no way to be written to.
 * The assignee of a request hears of the assignment (R16), at their staff account's address, and of the citizen's
 * answer coming back through a channel (a comment its intake recorded, see {@link Channel#intakeOf}). A staff member's
 * reply to the citizen ({@link EventKind#REPLIED}) goes to the citizen like the other messages, its text as written.
 */
@Component(service = RequestEventListener.class, configurationPid = NotificationSender.PID)
public class NotificationQueue implements RequestEventListener {
    static final String ACKNOWLEDGEMENT = "acknowledgement";
    static final String STATUS = "status";
    static final String CLOSURE = "closure";
    static final String ASSIGNMENT = "assignment";
    static final String REPLY = "reply";
    static final String CITIZEN_REPLY = "citizen-reply";
    /** Escalation level 0: to the assignee, the deadline nears. */
    static final String DEADLINE = "deadline";
    /** Escalation level 1: to the department's supervisors, the deadline has passed. */
    static final String OVERDUE = "overdue";
    /** Escalation level 2: to the role the type names. */
    static final String ESCALATION = "escalation";
    /** A call-back about a request whose window passed unmade: to the department's supervisors. */
    static final String CALLBACK_MISSED = "callback-missed";

    private final RequestTypeCatalog types;
    private final StaffDirectory staff;
    private volatile String language;

    @Activate
    public NotificationQueue(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference RequestTypeCatalog types, @Reference StaffDirectory staff, NotificationConfig config) {
        // The outbox must exist before the registry calls this in a filing: the registry binds it as soon as it is
        // activated, before the other components of this bundle may have made the tables.
        SchemaMigrations.update(dataSource, NotificationQueue.class);
        this.types = types;
        this.staff = staff;
        modified(config);
    }

    @Modified
    void modified(NotificationConfig config) {
        this.language = Templates.language(config.language());
    }

    @Override
    public void onEvent(Connection transaction, ServiceRequest request, RequestEvent event, CitizenDetails contact) {
        if (event.kind() == EventKind.ASSIGNED && event.assignee() != null) {
            // R16: the responsible person hears of the assignment.
            queue(transaction, request, event, ASSIGNMENT, RecipientKind.STAFF, event.assignee());
            return;
        }
        if (event.kind() == EventKind.ESCALATED && event.level() != null) {
            // R7: each step of a deadline's escalation tells whom it concerns, in the console and by e-mail.
            String template = event.level() == 0 ? DEADLINE : event.level() == 1 ? OVERDUE : ESCALATION;
            escalationRecipients(request, event.level())
                    .forEach(u -> queue(transaction, request, event, template, RecipientKind.STAFF, u));
            return;
        }
        if (event.kind() == EventKind.CALLED_BACK && CallbackOutcome.MISSED.id().equals(event.detail())) {
            // R8: a missed call-back escalates, like a missed deadline, to whoever watches the department.
            escalationRecipients(request, 1)
                    .forEach(u -> queue(transaction, request, event, CALLBACK_MISSED, RecipientKind.STAFF, u));
            return;
        }
        if (event.kind() == EventKind.COMMENTED && request.assignee() != null
                && Channel.intakeOf(event.actor()).isPresent()) {
            // R16: the request comes back from the citizen; whoever carries it hears of it.
            queue(transaction, request, event, CITIZEN_REPLY, RecipientKind.STAFF, request.assignee());
            return;
        }
        String template = template(request, event);
        if (template == null) {
            return;
        }
        if (request.citizenId() != null) {
            queue(transaction, request, event, template, RecipientKind.CITIZEN, null);
        } else if (contact != null && contact.email() != null && !contact.email().isBlank()) {
            queue(transaction, request, event, template, RecipientKind.CONTACT, contact.email().strip());
        }
    }

    /**
     * Who hears of an escalation step: the assignee of the warning (the supervisors while nobody is assigned), the
     * department's supervisors at level 1, the holders of the type's level-2 role in the department or in none at level
     * 2; administrators when nobody else would.
     */
    Set<String> escalationRecipients(ServiceRequest request, int level) {
        if (level == 0 && request.assignee() != null) {
            return Set.of(request.assignee());
        }
        Role role = level < 2 ? Role.SUPERVISOR : types.find(request.type()).map(t -> t.escalation().level2Role())
                .orElse(Role.ADMIN);
        Set<String> found = holders(role, request.department());
        return found.isEmpty() ? holders(Role.ADMIN, request.department()) : found;
    }

    private Set<String> holders(Role role, String department) {
        Set<String> found = new TreeSet<>();
        for (StaffAccount account : staff.list()) {
            if (account.enabled() && account.roles().contains(role)
                    && (account.department() == null || account.department().equals(department))) {
                found.add(account.username());
            }
        }
        return found;
    }

    private void queue(Connection transaction, ServiceRequest request, RequestEvent event, String template,
            RecipientKind kind, String addressOrStaff) {
        try {
            Outbox.queue(transaction, new Outbox.Row(0, request.number().toString(), event.sequence(), kind,
                    kind == RecipientKind.CITIZEN ? request.citizenId() : null,
                    // A reporter's address is not copied: it is read from the request when the message is sent, so
                    // that it goes when the retention job forgets the contact they left.
                    kind == RecipientKind.STAFF ? addressOrStaff : null, null, Outbox.EMAIL, template, language,
                    // Nor the event's words: the sender reads them from the request's history (see its eventComment).
                    request.type(), request.status(), null,
                    request.deadline().toString(), request.trackingCode(), NotificationState.QUEUED, 0, null,
                    Instant.now().toEpochMilli(), null, null));
        } catch (SQLException e) {
            throw SqlErrors.unchecked("queueing a notification of request " + request.number(), e);
        }
    }

    /** What the event tells the citizen, or {@code null} when nothing. */
    private String template(ServiceRequest request, RequestEvent event) {
        if (event.kind() == EventKind.CREATED) {
            return ACKNOWLEDGEMENT;
        }
        if (event.kind() == EventKind.REPLIED) {
            return REPLY;
        }
        if (event.kind() != EventKind.STATUS_CHANGED) {
            return null;
        }
        boolean closed = types.find(request.type()).map(t -> t.isFinal(event.status())).orElse(false);
        return closed ? CLOSURE : STATUS;
    }
}
