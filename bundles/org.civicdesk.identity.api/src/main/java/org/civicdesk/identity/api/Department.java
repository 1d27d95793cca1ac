package org.civicdesk.identity.api;

/**
 * A department of the city hall.
 *
 * @param code short stable code, e.g. {@code TAX}, {@code ROADS}
 * @param name display name
 */
public record Department(String code, String name) {
}
