package org.civicdesk.request.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The check of the open requests' deadlines that the escalation job runs every {@code intervalSeconds} (R7), on
 * demand: for an administrator after changing the holidays or a type's escalation, and for the benchmark.
 *
 * @since 2.3
 */
@ProviderType
public interface DeadlineCheck {
    /**
     * Takes every escalation step due today now, as the scheduled run does (a run of both at once takes each step
     * once); returns the steps taken.
     */
    int runNow();
}
