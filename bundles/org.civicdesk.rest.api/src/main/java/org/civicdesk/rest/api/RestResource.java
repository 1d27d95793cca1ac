package org.civicdesk.rest.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker of a JAX-RS root resource (a class with {@code @Path}) that joins the CivicDesk API.
 * Register it as a DS component with {@code service = RestResource.class}; it is published
 * while its bundle runs and withdrawn when it stops, without restarting the API.
 *
 * <p>Every method requires an authenticated staff member unless annotated
 * {@code @PermitAll}; {@code @RolesAllowed({"operator", ...})} narrows it to roles.
 */
@ConsumerType
public interface RestResource {
}
