package org.civicdesk.identity.api;

/**
 * Who a citizen says they are, as given on a channel; used to find or register them.
 * The kind follows from the national id: 13 digits is a CNP, otherwise a CUI.
 */
public record CitizenDetails(String nationalId, String firstName, String lastName, String address, String phone,
        String email) {
}
