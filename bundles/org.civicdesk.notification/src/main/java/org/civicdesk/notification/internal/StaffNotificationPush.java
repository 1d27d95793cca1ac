package org.civicdesk.notification.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

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
 * Tells this node's {@link StaffNotificationListener}s of each staff notification queued on any node:
 * every second it reads what was queued in the last {@link #WINDOW_MILLIS} and passes on what it has
 * not passed on before. The window, not the last id seen, because ids are handed out when a row is
 * written and a transaction holding a smaller one may commit later.
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
    /** What was passed on, by id, with when it was queued; forgotten once out of the window. */
    private final Map<Long, Long> passedOn = new LinkedHashMap<>();

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

    @Override
    public synchronized void run(JobContext context) throws SQLException {
        long now = System.currentTimeMillis();
        if (listeners.isEmpty()) {
            return;
        }
        long since = now - WINDOW_MILLIS;
        passedOn.values().removeIf(queued -> queued < since);
        for (Outbox.Row row : jdbc.inTransaction(c -> Outbox.staffQueuedSince(c, since))) {
            if (passedOn.putIfAbsent(row.id(), row.queuedMillis()) == null) {
                for (StaffNotificationListener listener : listeners) {
                    try {
                        listener.notified(row.staffUsername(), row.toDto(List.of()));
                    } catch (RuntimeException e) {
                        LOG.warn("A console push failed: {}", e.toString());
                    }
                }
            }
        }
    }
}
