package org.civicdesk.notification.internal;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.civicdesk.notification.api.StaffMessage;
import org.civicdesk.notification.api.StaffMessageListener;
import org.civicdesk.notification.api.StaffNotificationListener;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this node's {@link StaffNotificationListener}s of each staff notification queued on any node, and its
 * {@link StaffMessageListener}s of each message between staff sent on any node: every second it reads what was
 * queued or sent in the last {@link #WINDOW_MILLIS} and passes on what it has not passed on before. The window, not
 * the last id seen, because ids are handed out when a row is written and a transaction holding a smaller one may
 * commit later.
 */
@Component(service = Job.class, property = {Job.ID + "=" + StaffNotificationPush.JOB, Job.SCOPE + "=" + Job.NODE,
    Job.PERIOD + ":Long=1000"})
public class StaffNotificationPush implements Job {
    static final String JOB = "staff-notification-push";
    /** How late a queued row may commit and still be pushed. */
    static final long WINDOW_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(StaffNotificationPush.class);

    private final Jdbc jdbc;
    private final List<StaffNotificationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StaffMessageListener> messageListeners = new CopyOnWriteArrayList<>();
    private final PassedOn notificationsPassedOn = new PassedOn();
    private final PassedOn messagesPassedOn = new PassedOn();

    /** What was passed on, by id, with when it was queued; forgotten once out of the window. */
    private static final class PassedOn {
        private final Map<Long, Long> queuedById = new HashMap<>();

        void forgetBefore(long since) {
            queuedById.values().removeIf(queued -> queued < since);
        }

        /** Whether this is the first time the row is seen; remembers it. */
        boolean firstTime(long id, long queuedMillis) {
            return queuedById.putIfAbsent(id, queuedMillis) == null;
        }
    }

    @Activate
    public StaffNotificationPush(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(StaffNotificationListener listener) {
        listeners.add(listener);
    }

    void removeListener(StaffNotificationListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMessageListener(StaffMessageListener listener) {
        messageListeners.add(listener);
    }

    void removeMessageListener(StaffMessageListener listener) {
        messageListeners.remove(listener);
    }

    @Override
    public synchronized void run(JobContext context) throws SQLException {
        long since = System.currentTimeMillis() - WINDOW_MILLIS;
        if (!listeners.isEmpty()) {
            notificationsPassedOn.forgetBefore(since);
            for (Outbox.Row row : jdbc.inTransaction(c -> Outbox.staffQueuedSince(c, since))) {
                if (notificationsPassedOn.firstTime(row.id(), row.queuedMillis())) {
                    tell(listeners, l -> l.notified(row.staffUsername(), row.toDto(List.of())));
                }
            }
        }
        if (!messageListeners.isEmpty()) {
            messagesPassedOn.forgetBefore(since);
            Long current = null;
            boolean first = false;
            // One row per recipient, in the order of the messages: a message is new for all its recipients or none.
            for (StaffMessagesImpl.Received row : jdbc.inTransaction(c -> StaffMessagesImpl.sentSince(c, since))) {
                StaffMessage message = row.message();
                if (current == null || current != message.id()) {
                    current = message.id();
                    first = messagesPassedOn.firstTime(message.id(), message.sentAt().toEpochMilli());
                }
                if (first) {
                    tell(messageListeners, l -> l.messaged(row.recipient(), message));
                }
            }
        }
    }

    private static <L> void tell(List<L> each, Consumer<L> call) {
        for (L listener : each) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A console push failed: {}", e.toString());
            }
        }
    }
}
