package org.civicdesk.identity.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * SPI: a module's part of what CivicDesk keeps about a person, for the copy of their data the person is entitled to
 * (GDPR art. 15, {@code GET /api/v1/citizens/{id}/export}). Every module that keeps personal data of citizens registers
 * one; the export holds what every registered one gives, so a module's data is in it exactly while the module is there.
 *
 * <p>The export checks who asks and records the read once; a part reads its own tables and records nothing.
 *
 * @since 1.6
 */
@ConsumerType
public interface PersonalData {

    /**
     * The tables (upper case) in which this module keeps data of or about a citizen: a column naming the citizen
     * ({@code CITIZEN_ID}), their contact, or rows hanging on those. An integration test lists every table with a citizen
     * column and fails when none of the registered parts answers for it.
     */
    Set<String> tables();

    /**
     * What this module keeps about {@code citizen}, as titled sets of rows in {@code language}; empty when nothing.
     *
     * @param language {@code ro} or {@code en}
     * @param zone     the city's time zone, in which moments are written
     */
    List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone);

    /**
     * Removes the person's data from this module's tables where they allow it (an outbox's address), as the person is
     * erased; what an append-only table keeps must have been sealed with {@link CitizenKeys}, whose key the erasure
     * destroys. Called before the person's identity becomes a pseudonym; may be called again for the same person.
     */
    default void erase(Citizen citizen) {
    }
}
