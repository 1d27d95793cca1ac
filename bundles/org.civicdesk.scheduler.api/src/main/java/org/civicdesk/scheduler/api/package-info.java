/**
 * Periodic work on CivicDesk's one scheduler, as a whiteboard: a bundle registers a
 * {@link org.civicdesk.scheduler.api.Job} service whose properties say its id, its schedule and
 * its scope, and the scheduler runs it for as long as the service is registered. No bundle
 * starts threads or executors of its own for periodic work.
 */
@Export
@Version("1.0.0")
package org.civicdesk.scheduler.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
