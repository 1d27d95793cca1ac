package org.civicdesk.health.api;

import java.util.List;

/**
 * The outcome of a set of health checks.
 *
 * @param status the node's state
 * @param checks each check that ran, in a stable order
 */
public record HealthReport(Status status, List<Check> checks) {
    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** The state of a node. */
    public enum Status {
        /** Every check passes. */
        UP,
        /** Not ready yet since this node started. */
        STARTING,
        /** Was ready, and is not any more. */
        DOWN
    }

    /**
     * One health check's result.
     *
     * @param name     the check's {@code hc.name}
     * @param status   Felix's status: {@code OK}, {@code WARN}, {@code TEMPORARILY_UNAVAILABLE}, {@code CRITICAL},
     *                 {@code HEALTH_CHECK_ERROR}
     * @param messages what the check found, without personal data
     */
    public record Check(String name, String status, List<String> messages) {
        public Check {
            messages = List.copyOf(messages);
        }
    }

    /** Whether the node may take work. */
    public boolean up() {
        return status == Status.UP;
    }
}
