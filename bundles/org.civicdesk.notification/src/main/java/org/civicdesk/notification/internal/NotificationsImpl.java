package org.civicdesk.notification.internal;

import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.notification.api.Notification;
import org.civicdesk.notification.api.Notifications;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The notifications of a request for whoever may see the request, every read audited; a staff member's own. */
@Component(service = Notifications.class)
public class NotificationsImpl implements Notifications {
    private final Jdbc jdbc;
    private final RequestRegistry requests;
    private final AuditLog audit;

    @Activate
    public NotificationsImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference RequestRegistry requests, @Reference AuditLog audit) {
        SchemaMigrations.update(dataSource, NotificationsImpl.class);
        this.jdbc = new Jdbc(dataSource);
        this.requests = requests;
        this.audit = audit;
    }

    @Override
    public List<Notification> ofRequest(Actor actor, RequestNumber number) {
        // The registry says whether the actor may see the request (NotFoundException otherwise).
        requests.history(actor, number);
        List<Notification> found;
        try {
            found = jdbc.inTransaction(c -> Outbox.ofRequest(c, number.toString()));
        } catch (java.sql.SQLException e) {
            throw SqlErrors.unchecked("reading the notifications of request " + number, e);
        }
        audit.record(new AuditEvent(actor.username(), "request.notifications.read", "notification", "request",
                number.toString(), null));
        return found;
    }

    @Override
    public List<Notification> mine(Actor actor, int limit, long afterId) {
        if (limit < 1 || limit > MAX_MINE) {
            throw InvalidInputException.of("limit", "limit.range", MAX_MINE);
        }
        try {
            return jdbc.inTransaction(c -> Outbox.ofStaff(c, actor.username(), Math.max(0, afterId), limit));
        } catch (java.sql.SQLException e) {
            throw SqlErrors.unchecked("reading a staff member's notifications", e);
        }
    }
}
