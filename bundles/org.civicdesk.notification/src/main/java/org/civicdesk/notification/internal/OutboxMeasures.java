package org.civicdesk.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.core.api.MeasuredValue;
import org.civicdesk.notification.api.NotificationState;
import org.civicdesk.persistence.Jdbc;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The outboxes' depth as the metrics read it (R17 §4): messages queued and not yet sent, notifications of request
 * events and citizens' messages apart, each a {@link MeasuredValue} service while the notifications are installed.
 */
@Component
public class OutboxMeasures {
    private final List<ServiceRegistration<MeasuredValue>> registrations = new ArrayList<>();

    @Activate
    public OutboxMeasures(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            BundleContext context) {
        Jdbc jdbc = new Jdbc(dataSource);
        for (Map.Entry<String, String> outbox : Map.of("notifications", "CD_NOTIFICATION",
                "citizen-messages", CitizenMessageOutbox.TABLE).entrySet()) {
            MeasuredValue depth = () -> jdbc.query("count an outbox", "SELECT COUNT(*) FROM " + outbox.getValue()
                    + " WHERE STATE = ?", rs -> rs.getLong(1), 1, NotificationState.QUEUED.name()).get(0);
            registrations.add(MeasuredValue.register(context, "civicdesk.outbox.depth",
                    "Messages queued in an outbox, not yet sent", depth, "outbox=" + outbox.getKey()));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
