/**
 * How a bundle adds REST resources to the CivicDesk API: register a JAX-RS resource as an OSGi
 * service of type {@link org.civicdesk.rest.api.RestResource}; the API application publishes it
 * under {@code /api/v1} with JSON, authentication, role checks and problem responses. Inside a
 * resource, {@link org.civicdesk.rest.api.ActorPrincipal#of} gives the calling staff member.
 */
@Export
@Version("1.4.0")
package org.civicdesk.rest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
