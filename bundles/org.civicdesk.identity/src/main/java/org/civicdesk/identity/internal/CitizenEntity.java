package org.civicdesk.identity.internal;

import java.time.Instant;
import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.civicdesk.core.api.SearchText;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenKind;
import org.civicdesk.identity.api.PhoneNumbers;

@Entity
@Table(name = "CD_CITIZEN", uniqueConstraints = @UniqueConstraint(name = "CD_CITIZEN_NATID", columnNames = "NATIONAL_ID"),
        indexes = {@Index(name = "CD_CITIZEN_NAME", columnList = "SEARCH_NAME"),
            @Index(name = "CD_CITIZEN_PHONE", columnList = "PHONE_KEY"),
            @Index(name = "CD_CITIZEN_EMAIL", columnList = "EMAIL_KEY")})
public class CitizenEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    private CitizenKind kind;
    @Column(name = "NATIONAL_ID", nullable = false, length = 13)
    private String nationalId;
    @Column(name = "FIRST_NAME", length = 100)
    private String firstName;
    @Column(name = "LAST_NAME", nullable = false, length = 200)
    private String lastName;
    /** Lower-case "last first address" for case-insensitive search. */
    @Column(name = "SEARCH_NAME", nullable = false, length = 600)
    private String searchName;
    @Column(name = "ADDRESS", length = 300)
    private String address;
    @Column(name = "PHONE", length = 30)
    private String phone;
    /** The phone in international form ({@link PhoneNumbers}), to find who is calling. */
    @Column(name = "PHONE_KEY", length = 20)
    private String phoneKey;
    @Column(name = "EMAIL", length = 200)
    private String email;
    /** The e-mail address in lower case, to find who wrote. */
    @Column(name = "EMAIL_KEY", length = 200)
    private String emailKey;
    @Column(name = "REGISTERED_MS", nullable = false)
    private long registeredMillis;

    protected CitizenEntity() {
    }

    CitizenEntity(String id, CitizenKind kind, String nationalId, String firstName, String lastName, String address,
            String phone, String email, long registeredMillis) {
        this.id = id;
        this.kind = kind;
        this.nationalId = nationalId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.address = address;
        this.phone = phone;
        this.phoneKey = phoneKeyOf(phone);
        this.email = email;
        this.emailKey = emailKeyOf(email);
        this.registeredMillis = registeredMillis;
        this.searchName = SearchText.fold(lastName + " " + (firstName == null ? "" : firstName) + " "
                + (address == null ? "" : address));
    }

    static String phoneKeyOf(String phone) {
        return PhoneNumbers.normalise(phone).orElse(null);
    }

    static String emailKeyOf(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The value of a correctable field ({@link org.civicdesk.identity.api.CitizenRegistry.Rectification#FIELDS}). */
    String field(String name) {
        return switch (name) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "address" -> address;
            case "phone" -> phone;
            case "email" -> email;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Puts {@code value} in force for the field, with the keys and the search text that follow from it. */
    void correct(String name, String value) {
        switch (name) {
            case "firstName" -> firstName = value;
            case "lastName" -> lastName = value;
            case "address" -> address = value;
            case "phone" -> phone = value;
            case "email" -> email = value;
            default -> throw new IllegalArgumentException(name);
        }
        phoneKey = phoneKeyOf(phone);
        emailKey = emailKeyOf(email);
        searchName = SearchText.fold(lastName + " " + (firstName == null ? "" : firstName) + " "
                + (address == null ? "" : address));
    }

    /** Nothing of the person left: their CNP and name become {@code pseudonym}, their address and contacts nothing. */
    void pseudonymise(String pseudonym) {
        nationalId = pseudonym;
        firstName = null;
        lastName = pseudonym;
        address = null;
        phone = null;
        phoneKey = null;
        email = null;
        emailKey = null;
        searchName = SearchText.fold(pseudonym);
    }

    /** Fills the phone key of a citizen recorded before there was one. */
    void refreshPhoneKey() {
        this.phoneKey = phoneKeyOf(phone);
    }

    Citizen toDto() {
        return new Citizen(id, kind, nationalId, firstName, lastName, address, phone, email,
                Instant.ofEpochMilli(registeredMillis));
    }
}
