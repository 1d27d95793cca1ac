/**
 * Whether a CivicDesk node is alive and ready to serve, assembled from Felix health checks
 * ({@code org.apache.felix.hc.api}): a plug-in that must be working before the node takes work
 * registers a {@code HealthCheck} tagged {@link org.civicdesk.health.api.Health#READY}.
 */
@Export
@Version("1.0.0")
package org.civicdesk.health.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
