package org.civicdesk.channel.phone.internal.queue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.core.api.MeasuredValue;
import org.civicdesk.persistence.Jdbc;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The queue as the metrics read it (R17 §4): calls waiting for an operator and operators available, across every node
 * (the queue's tables are shared), each a {@link MeasuredValue} service while the phone channel is installed.
 */
@Component
public class QueueMeasures {
    private final List<ServiceRegistration<MeasuredValue>> registrations = new ArrayList<>();

    @Activate
    public QueueMeasures(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            BundleContext context) {
        Jdbc jdbc = new Jdbc(dataSource);
        registrations.add(MeasuredValue.register(context, "civicdesk.calls.waiting",
                "Calls waiting in the queue for an operator", () -> jdbc.query("count the queue", "SELECT COUNT(*) FROM "
                        + QueueTables.WAITING + " WHERE OPERATOR IS NULL", rs -> rs.getInt(1), 1).get(0)));
        registrations.add(MeasuredValue.register(context, "civicdesk.operators.available", "Operators available for a call",
                () -> jdbc.query("count available operators", "SELECT COUNT(*) FROM " + QueueTables.AGENTS
                        + " WHERE PRESENCE = ?", rs -> rs.getInt(1), 1, Presence.AVAILABLE.id()).get(0)));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
