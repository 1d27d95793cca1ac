package org.civicdesk.core.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * A value the metrics read when asked (a gauge): how many calls wait, how long an outbox is. Registered as an OSGi
 * service by the bundle that knows it, with its name in {@link #NAME} and a description in {@link #DESCRIPTION}; the
 * metrics feature, when installed, publishes every one while it is registered.
 *
 * @since 1.7
 */
@ConsumerType
@FunctionalInterface
public interface MeasuredValue {
    /** The service property that names the value, dotted and lower case ({@code civicdesk.calls.waiting}). */
    String NAME = "civicdesk.measure.name";
    /** The service property that says what the value is, in English, for those who run the system. */
    String DESCRIPTION = "civicdesk.measure.description";
    /** The optional service property with the value's tags, each {@code key=value} ({@code outbox=notifications}). */
    String TAGS = "civicdesk.measure.tags";

    /** The value now; cheap enough to be read every few seconds. */
    double value();

    /**
     * Registers {@code value} as a service with its name, description and tags ({@code key=value} each), as the metrics
     * expect it; the caller unregisters it when it goes.
     */
    static ServiceRegistration<MeasuredValue> register(BundleContext context, String name, String description,
            MeasuredValue value, String... tags) {
        return context.registerService(MeasuredValue.class, value, FrameworkUtil.asDictionary(Map.of(NAME, name,
                DESCRIPTION, description, TAGS, tags)));
    }
}
