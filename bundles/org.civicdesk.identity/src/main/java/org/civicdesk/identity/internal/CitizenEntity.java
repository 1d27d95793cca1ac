package org.civicdesk.identity.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenKind;
import org.civicdesk.identity.api.PhoneNumbers;

/**
 * A citizen as stored: the national id, names, address and contacts sealed with the person's key
 * ({@link CitizenKeysImpl}), found through keyed hashes of the national id, phone and e-mail; an erased person's
 * national id and name are their pseudonym, in clear, and the rest is gone.
 */
@Entity
@Table(name = "CD_CITIZEN", uniqueConstraints = @UniqueConstraint(name = "CD_CITIZEN_NATID_KEY",
        columnNames = "NATIONAL_ID_KEY"),
        indexes = {@Index(name = "CD_CITIZEN_PHONE", columnList = "PHONE_KEY"),
            @Index(name = "CD_CITIZEN_EMAIL", columnList = "EMAIL_KEY"),
            @Index(name = "CD_CITIZEN_TOKENS_OF", columnList = "TOKENS_OF")})
public class CitizenEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    private CitizenKind kind;
    @Column(name = "NATIONAL_ID", nullable = false, length = 100)
    private String nationalId;
    /** The keyed hash of the national id: how a CNP or CUI on record is found. */
    @Column(name = "NATIONAL_ID_KEY", length = 64)
    private String nationalIdKey;
    @Column(name = "FIRST_NAME", length = 600)
    private String firstName;
    @Column(name = "LAST_NAME", nullable = false, length = 1200)
    private String lastName;
    @Column(name = "ADDRESS", length = 1700)
    private String address;
    @Column(name = "PHONE", length = 250)
    private String phone;
    /** The keyed hash of the phone number's normal form: a caller is recognised by the number they call from. */
    @Column(name = "PHONE_KEY", length = 64)
    private String phoneKey;
    @Column(name = "EMAIL", length = 1200)
    private String email;
    /** The keyed hash of the e-mail address in lower case. */
    @Column(name = "EMAIL_KEY", length = 200)
    private String emailKey;
    @Column(name = "REGISTERED_MS", nullable = false)
    private long registeredMillis;
    /** The rules ({@link SearchTerms#RULES}) the person's search tokens were made by; null while they have none. */
    @Column(name = "TOKENS_OF")
    private Short tokensOf;

    /** The columns {@link #stored} reads, for a plain SQL read of CD_CITIZEN. */
    static final String COLUMNS = "c.ID, c.KIND, c.NATIONAL_ID, c.FIRST_NAME, c.LAST_NAME, c.ADDRESS, c.PHONE, c.EMAIL, "
            + "c.REGISTERED_MS";
    /** How many columns {@link #COLUMNS} are: a read may add its own after them. */
    static final int COLUMN_COUNT = 9;

    protected CitizenEntity() {
    }

    CitizenEntity(String id, CitizenKind kind, long registeredMillis) {
        this.id = id;
        this.kind = kind;
        this.registeredMillis = registeredMillis;
    }

    /**
     * The person as stored in the current row of a plain SQL read of {@link #COLUMNS} (CD_CITIZEN as {@code c}), to be
     * opened: the entity manager costs more than the read itself on the paths that read a citizen or a page of them (the
     * 360° view, the caller searches). A copy to read, never to write (its keyed hashes are not read).
     */
    static CitizenEntity stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        CitizenEntity row = new CitizenEntity(rs.getString(1), CitizenKind.valueOf(rs.getString(2)), rs.getLong(9));
        row.nationalId = rs.getString(3);
        row.firstName = rs.getString(4);
        row.lastName = rs.getString(5);
        row.address = rs.getString(6);
        row.phone = rs.getString(7);
        row.email = rs.getString(8);
        return row;
    }

    String id() {
        return id;
    }

    /** Whether the row was sealed (or pseudonymised): rows of an earlier release, or of a raw import, are not. */
    boolean sealedAlready() {
        return nationalIdKey != null;
    }

    /** Whether the person's search tokens on record are those {@link SearchTerms#tokensOf} makes of them now. */
    boolean tokensIndexed() {
        return tokensOf != null && tokensOf == SearchTerms.RULES;
    }

    /**
     * Stores the person's fields as {@code seal} seals them, with the keyed hashes that find them; their search tokens
     * are to be written with them, in the same transaction.
     */
    void store(Citizen plain, UnaryOperator<String> seal, CitizenKeysImpl keys) {
        tokensOf = SearchTerms.RULES;
        nationalId = seal.apply(plain.nationalId());
        nationalIdKey = keys.blindIndex(nationalIdKeyOf(plain.nationalId()));
        firstName = seal.apply(plain.firstName());
        lastName = seal.apply(plain.lastName());
        address = seal.apply(plain.address());
        phone = seal.apply(plain.phone());
        phoneKey = keys.blindIndex(phoneKeyOf(plain.phone()));
        email = seal.apply(plain.email());
        emailKey = keys.blindIndex(emailKeyOf(plain.email()));
    }

    /** What the keyed hash of a national id is made of. */
    static String nationalIdKeyOf(String nationalId) {
        return "n:" + nationalId;
    }

    /** What the keyed hash of a phone number is made of: its normal form; null when it is no number. */
    static String phoneKeyOf(String phone) {
        return PhoneNumbers.normalise(phone).map(number -> "p:" + number).orElse(null);
    }

    /** What the keyed hash of an e-mail address is made of; null when there is none. */
    static String emailKeyOf(String email) {
        return email == null || email.isBlank() ? null : "e:" + email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Nothing of the person left: their CNP and name become {@code pseudonym} (in clear: it is nobody's), their
     * address and contacts nothing; they have no search tokens (to be deleted in the same transaction).
     */
    void pseudonymise(String pseudonym, CitizenKeysImpl keys) {
        tokensOf = SearchTerms.RULES;
        nationalId = pseudonym;
        nationalIdKey = keys.blindIndex(nationalIdKeyOf(pseudonym));
        firstName = null;
        lastName = pseudonym;
        address = null;
        phone = null;
        phoneKey = null;
        email = null;
        emailKey = null;
    }

    /** The person as {@code open} opens their sealed fields. */
    Citizen toDto(UnaryOperator<String> open) {
        return new Citizen(id, kind, open.apply(nationalId), open.apply(firstName), open.apply(lastName),
                open.apply(address), open.apply(phone), open.apply(email), Instant.ofEpochMilli(registeredMillis));
    }
}
