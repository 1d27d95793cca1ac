package org.civicdesk.identity.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Page;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.TextInput;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The citizens known to the city hall. Every read made for a staff actor writes an audit
 * entry naming the actor, what was read and why ({@code purpose}). Staff always say why they
 * look for a citizen: the finding methods refuse a staff actor without a purpose.
 */
@ProviderType
public interface CitizenRegistry {

    /**
     * Finds a citizen by CNP or CUI (validated first).
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a staff actor who gives no purpose
     */
    Optional<Citizen> findByNationalId(Actor actor, String nationalId, String purpose);

    /**
     * The citizens whose contact phone is this number, however either is written (see
     * {@link PhoneNumbers}): who is calling. Several people may share a line.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a staff actor who gives no purpose
     */
    List<Citizen> findByPhone(Actor actor, String phone, String purpose);

    /**
     * The citizens whose e-mail address on record is this one, however its letters are cased: who
     * wrote to the city hall. Several people may share an address.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a staff actor who gives no purpose
     * @since 1.4
     */
    List<Citizen> findByEmail(Actor actor, String email, String purpose);

    /** A citizen by internal id. */
    Optional<Citizen> get(Actor actor, String id, String purpose);

    /**
     * Corrects one field of a person's recorded identity (GDPR art. 16): the value in force becomes {@code correction}'s,
     * and the value it replaces is kept, marked superseded, with who corrected it, when and why; audited as
     * {@code citizen.rectify} in the same transaction. For staff who may find any citizen and the data protection officer.
     *
     * @return the citizen as now recorded
     * @throws org.civicdesk.core.api.AccessDeniedException for anyone else
     * @throws org.civicdesk.core.api.NotFoundException     for an unknown citizen
     * @throws org.civicdesk.core.api.InvalidInputException for a field that cannot be corrected here (the CNP or CUI, the
     *                                                      kind), a value that is not valid for it, a missing reason or
     *                                                      a value already in force
     * @since 1.6
     */
    Citizen rectify(Actor actor, String id, Rectification correction);

    /**
     * Erases a person where the law allows (GDPR art. 17, or after the retention period): their identity on record
     * becomes a pseudonym (no name, CNP or CUI, address, phone or e-mail), their key is destroyed so that nothing sealed
     * with it ({@link CitizenKeys}) can be read again, and the erasure is recorded with who, when and why; audited as
     * {@code citizen.erase}. Their requests and history stay, complete and verifiable, naming the pseudonym. Modules
     * remove their own copies first ({@link PersonalData#erase}).
     *
     * @return the pseudonym as now recorded
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor is the data protection officer, an admin or
     *                                                      the system (the retention job)
     * @throws org.civicdesk.core.api.NotFoundException     for an unknown citizen
     * @throws org.civicdesk.core.api.ConflictException     for a person erased already
     * @throws org.civicdesk.core.api.InvalidInputException without a reason
     * @since 1.6
     */
    Citizen erase(Actor actor, String id, String reason);

    /**
     * What {@link #erase} checks before anything else, for a caller that does more before it (the modules' own
     * copies): that {@code actor} may erase a person, and on a ground given.
     *
     * @return the ground, stripped
     * @throws AccessDeniedException unless the actor is the data protection officer, an admin or the system
     * @throws InvalidInputException without a ground, or with one too long
     * @since 1.7
     */
    static String erasureGround(Actor actor, String reason) {
        if (!actor.isSystem() && !actor.has(Role.ADMIN) && !actor.has(Role.DPO)) {
            throw new AccessDeniedException("only the data protection officer or an admin erases a person");
        }
        String ground = TextInput.line("reason", reason, Rectification.MAX_REASON);
        if (ground == null || ground.isBlank()) {
            throw InvalidInputException.of("reason", "erasure.reason");
        }
        return ground.strip();
    }

    /** Whether the person was erased. @since 1.6 */
    boolean erased(String id);

    /**
     * The erasures of a period, oldest first: whom (their pseudonym now), who erased them (a staff member, or the
     * retention job), when and why.
     *
     * @since 1.6
     */
    List<Erasure> erasures(java.time.Instant from, java.time.Instant to);

    /**
     * An erasure as recorded.
     *
     * @param citizenId the person's id, which stays
     * @param pseudonym what the person is called from then on
     * @param by        who erased them
     * @param at        when
     * @param reason    why
     * @since 1.6
     */
    record Erasure(String citizenId, String pseudonym, String by, java.time.Instant at, String reason) {
    }

    /**
     * A correction of one field.
     *
     * @param field  {@code firstName}, {@code lastName}, {@code address}, {@code phone} or {@code email}
     * @param value  the correct value; blank clears an optional field (phone, e-mail, address)
     * @param reason why, as the person or the document gave it
     * @since 1.6
     */
    record Rectification(String field, String value, String reason) {
        /** The fields a correction may change. */
        public static final List<String> FIELDS = List.of("firstName", "lastName", "address", "phone",
                "email");
        /** The longest reason. */
        public static final int MAX_REASON = 500;
    }

    /**
     * Citizens found by what an operator types, by name: a phone number finds those with that number, digits those whose
     * national id begins with them, words those with a word of their name or address beginning with each, in any
     * order, without regard to case or diacritics. A search that matches very many lists a part of them in name order
     * (the page's total says how many): the operator asks the caller for more.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a staff actor who gives no purpose
     */
    Page<Citizen> search(Actor actor, String text, int offset, int limit, String purpose);

    /**
     * As {@link #search(Actor, String, int, int, String)}, among these citizens only: what a staff member
     * who may not find every citizen searches (see {@code org.civicdesk.request.api.CitizenAccess}).
     *
     * @param among ids of the citizens the search may return; none when empty
     * @since 1.3
     */
    Page<Citizen> search(Actor actor, String text, Collection<String> among, int offset, int limit, String purpose);

    /**
     * Finds the citizen with these details' national id, or registers them. Safe under
     * concurrency: two channels registering the same person at once get the same record. A national
     * id on record is enough: the names are required only to register someone new.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for an invalid CNP/CUI, or a new person without a name
     */
    Citizen findOrRegister(Actor actor, CitizenDetails details);

    /** Registers many citizens at once (imports, demo data); existing national ids are skipped. */
    int importAll(Actor actor, List<CitizenDetails> citizens);

    long count();

    /**
     * Which of {@code ids} are citizens on record: no personal data is read (so nothing is audited), only whether
     * each id exists, for a registry that refers to citizens it was given by id (an import).
     *
     * @since 1.5
     */
    Set<String> existing(Collection<String> ids);
}
