package org.civicdesk.core.api;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where CivicDesk's code reports what it does, for those who run the system (R17 §4: {@code /metrics}): counts and
 * durations, each under a name and tags given as key, value pairs ({@code "channel", "phone"}). Provided by the metrics
 * feature; code that measures takes it as an optional, dynamic reference and measures nothing while it is absent, so
 * that nothing depends on the metrics being installed. Values that are read rather than reported (a queue's length)
 * are {@link MeasuredValue} services instead.
 *
 * <p>Names are dotted and lower case ({@code civicdesk.requests.filed}); tags never carry personal data.
 *
 * @since 1.7
 */
@ProviderType
public interface Measurements {
    /** Counts one occurrence of {@code name}. */
    void count(String name, String... tags);

    /** Records that one occurrence of {@code name} took {@code took}: its count, total and distribution. */
    void time(String name, Duration took, String... tags);
}
