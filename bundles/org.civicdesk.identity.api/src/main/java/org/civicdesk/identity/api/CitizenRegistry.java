package org.civicdesk.identity.api;

import java.util.List;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The citizens known to the city hall. Every read made for a staff actor writes an audit
 * entry naming the actor, what was read and why ({@code purpose}).
 */
@ProviderType
public interface CitizenRegistry {

    /** Finds a citizen by CNP or CUI (validated first). */
    Optional<Citizen> findByNationalId(Actor actor, String nationalId, String purpose);

    /**
     * The citizens whose contact phone is this number, however either is written (see
     * {@link PhoneNumbers}): who is calling. Several people may share a line.
     */
    List<Citizen> findByPhone(Actor actor, String phone, String purpose);

    /** A citizen by internal id. */
    Optional<Citizen> get(Actor actor, String id, String purpose);

    /** Citizens whose name, national id or address contains {@code text}, case-insensitively. */
    Page<Citizen> search(Actor actor, String text, int offset, int limit, String purpose);

    /**
     * Finds the citizen with these details' national id, or registers them. Safe under
     * concurrency: two channels registering the same person at once get the same record.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for an invalid CNP/CUI or missing name
     */
    Citizen findOrRegister(Actor actor, CitizenDetails details);

    /** Registers many citizens at once (imports, demo data); existing national ids are skipped. */
    int importAll(Actor actor, List<CitizenDetails> citizens);

    long count();
}
