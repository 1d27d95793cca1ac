package org.civicdesk.health.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Readiness and liveness of this node, as load balancers and orchestrators ask for them:
 * ready once every installed feature is started, every CivicDesk component is active and staff
 * can log in; alive while the JVM is not stuck.
 */
@ProviderType
public interface Health {
    /** The tag of the health checks that must pass before the node takes work; plug-ins may add their own. */
    String READY = "civicdesk.ready";
    /** The tag of the health checks that fail only when the node must be restarted. */
    String LIVE = "civicdesk.live";

    /** Runs the readiness checks now. */
    HealthReport readiness();

    /** Runs the liveness checks now. */
    HealthReport liveness();
}
