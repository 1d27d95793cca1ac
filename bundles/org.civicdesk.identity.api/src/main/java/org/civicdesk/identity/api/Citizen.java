package org.civicdesk.identity.api;

import java.time.Instant;

/**
 * A citizen or company known to the city hall.
 *
 * @param id         stable internal id
 * @param kind       person or company
 * @param nationalId CNP (13 digits) or CUI (2–10 digits, without the RO prefix)
 * @param firstName  first name of a person, {@code null} for a company
 * @param lastName   last name of a person, or the company's name
 * @param address    postal address
 * @param phone      contact phone, or {@code null}
 * @param email      contact e-mail, or {@code null}
 * @param registered when the city hall first recorded them
 */
public record Citizen(String id, CitizenKind kind, String nationalId, String firstName, String lastName,
        String address, String phone, String email, Instant registered) {

    /** Name for display: "First Last", or the company name. */
    public String displayName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
}
