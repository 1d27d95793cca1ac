package org.civicdesk.core.api;

import org.osgi.annotation.versioning.ConsumerType;

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
}
