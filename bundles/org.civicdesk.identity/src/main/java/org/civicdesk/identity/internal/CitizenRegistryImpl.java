package org.civicdesk.identity.internal;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Page;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.SearchText;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenKind;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.NationalIds;
import org.civicdesk.identity.api.PhoneNumbers;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = CitizenRegistry.class)
public class CitizenRegistryImpl implements CitizenRegistry {
    private static final String INFO_KIND = "citizen-identity";
    private static final int IMPORT_BATCH = 500;
    /** Ids looked up in one IN list by {@link #existing}. */
    private static final int EXISTING_SLICE = 500;
    /** A line shared by more people than this is a switchboard, not a household. */
    private static final int CONTACT_MATCHES = 10;
    /** Longer than any name and address together: a longer text matches nobody. */
    private static final int MAX_SEARCH = 600;
    /**
     * The most matches of a search put in name order as a whole: past them each page is in name order, the pages in the
     * order the database finds them, and the total says "at least" (each match is opened with its person's key to be put
     * in order).
     */
    private static final int SORTED_MATCHES = 200;
    /** The most matches looked through for those among a given set of citizens. */
    private static final int MATCHES_AMONG = 20_000;
    /** Citizens sealed in one transaction when the rows of an earlier release are sealed at start. */
    private static final int SEAL_BATCH = 200;
    /** Citizens in clear looked for at once, then sealed a batch at a time. */
    private static final int LOOKED_FOR = 50_000;

    private final JpaTransactions tx;
    private final AuditLog audit;
    private final CitizenKeysImpl keys;
    private final Jdbc jdbc;
    private final SealedCitizens sealed;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public CitizenRegistryImpl(@Reference(target = "(osgi.unit.name=civicdesk-identity)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource, @Reference AuditLog audit,
            @Reference CitizenKeysImpl keys) {
        SchemaMigrations.update(dataSource, CitizenRegistryImpl.class);
        this.tx = new JpaTransactions(emf);
        this.audit = audit;
        this.keys = keys;
        this.jdbc = new Jdbc(dataSource);
        this.sealed = new SealedCitizens(keys, jdbc);
        sealRowsInClear();
    }

    /**
     * Citizens recorded in clear (before personal data was sealed at rest, or written straight into the table by an
     * import) are sealed once, with their keyed hashes and search tokens; an erased one keeps its pseudonym. A batch that
     * collides with another node sealing the same rows is run again, and skips what that node sealed.
     */
    private void sealRowsInClear() {
        int sealedNow = 0;
        while (true) {
            // Looked for many at a time: each look reads the table from its start, past every row sealed so far (a
            // look for each batch made the sealing of a million quadratic: hours).
            List<String> found = inClear();
            int done = 0;
            for (int from = 0; from < found.size(); from += SEAL_BATCH) {
                List<String> ids = found.subList(from, Math.min(found.size(), from + SEAL_BATCH));
                done += tx.callRetryingOnConflict(3, em -> {
                    int count = 0;
                    for (String id : ids) {
                        CitizenEntity row = em.find(CitizenEntity.class, id);
                        if (row == null || row.sealedAlready()) {
                            continue;
                        }
                        Citizen plain = row.toDto(java.util.function.UnaryOperator.identity());
                        if (erased(id)) {
                            row.pseudonymise(plain.nationalId(), keys);
                        } else {
                            reseal(em, row, null, plain);
                        }
                        count++;
                    }
                    return count;
                });
            }
            if (done == 0) {
                break; // none left, or sealed by another node meanwhile
            }
            sealedNow += done;
        }
        if (sealedNow > 0) {
            org.slf4j.LoggerFactory.getLogger(CitizenRegistryImpl.class).info("Sealed {} citizens recorded in clear",
                    sealedNow);
        }
    }

    /** Ids of citizens still in clear, up to {@link #LOOKED_FOR} of them. */
    private List<String> inClear() {
        return jdbc.query("look for citizens recorded in clear", "SELECT ID FROM CD_CITIZEN WHERE NATIONAL_ID_KEY IS NULL",
                rs -> rs.getString(1), LOOKED_FOR);
    }

    @Override
    public List<Citizen> findByPhone(Actor actor, String phone, String purpose) {
        requirePurpose(actor, purpose);
        String key = keys.blindIndex(CitizenEntity.phoneKeyOf(phone));
        List<Citizen> found = key == null ? List.of() : byKey("phoneKey", key);
        audit.record(new AuditEvent(actor.username(), "citizen.lookup", INFO_KIND, "citizen",
                found.size() == 1 ? found.get(0).id() : null, remarks(purpose, "by phone, matches=" + found.size())));
        return found;
    }

    @Override
    public List<Citizen> findByEmail(Actor actor, String email, String purpose) {
        requirePurpose(actor, purpose);
        String key = keys.blindIndex(CitizenEntity.emailKeyOf(email));
        List<Citizen> found = key == null ? List.of() : byKey("emailKey", key);
        audit.record(new AuditEvent(actor.username(), "citizen.lookup", INFO_KIND, "citizen",
                found.size() == 1 ? found.get(0).id() : null, remarks(purpose, "by e-mail, matches=" + found.size())));
        return found;
    }

    @Override
    public Optional<Citizen> findByNationalId(Actor actor, String nationalId, String purpose) {
        requirePurpose(actor, purpose);
        String id = NationalIds.validate(nationalId);
        Optional<Citizen> found = tx.read(em -> byNationalId(em, id)).map(sealed::open);
        audit.record(new AuditEvent(actor.username(), "citizen.lookup", INFO_KIND, "citizen",
                found.map(Citizen::id).orElse(null), remarks(purpose, found.isEmpty() ? "not found" : null)));
        return found;
    }

    @Override
    public Optional<Citizen> get(Actor actor, String id, String purpose) {
        Optional<Citizen> found = sealed.read(List.of(id)).stream().findFirst();
        if (found.isPresent()) {
            audit.record(new AuditEvent(actor.username(), "citizen.read", INFO_KIND, "citizen", id, remarks(purpose, null)));
        }
        return found;
    }

    @Override
    public Page<Citizen> search(Actor actor, String text, int offset, int limit, String purpose) {
        return search(actor, text, null, offset, limit, purpose);
    }

    @Override
    public Page<Citizen> search(Actor actor, String text, Collection<String> among, int offset, int limit,
            String purpose) {
        requirePurpose(actor, purpose);
        String folded = text == null ? "" : SearchText.fold(text);
        if (folded.length() < 2) {
            throw InvalidInputException.of("q", "citizen.searchShort");
        }
        if (folded.length() > MAX_SEARCH) {
            throw InvalidInputException.of("q", "citizen.searchLong", MAX_SEARCH);
        }
        SearchTerms terms = SearchTerms.of(text, folded);
        Page<Citizen> page = among != null && among.isEmpty() ? new Page<>(List.of(), 0, offset, limit)
                : matches(terms, among, offset, limit);
        audit.record(new AuditEvent(actor.username(), "citizen.search", INFO_KIND, "citizen", null,
                remarks(purpose, terms.described() + ", results=" + page.total() + (page.exact() ? "" : "+"))));
        return page;
    }

    @Override
    public Citizen findOrRegister(Actor actor, CitizenDetails details) {
        details.validate();
        String nationalId = NationalIds.validate(details.nationalId());
        return tx.callRetryingOnConflict(3, em -> {
            // A CNP or CUI on record is who the person is: the names are asked only of someone new.
            Optional<CitizenEntity> existing = byNationalId(em, nationalId);
            if (existing.isPresent()) {
                return sealed.open(existing.get());
            }
            Citizen candidate = toPlain(details);
            sealedRows(em, List.of(candidate)).forEach(em::persist);
            // Registered in the change's own transaction; the person's id only as the subject, no other personal data.
            JpaTransactions.onConnection(em, c -> {
                audit.record(c, new AuditEvent(actor.username(), "citizen.register", INFO_KIND, "citizen",
                        candidate.id(), null), null);
            });
            return candidate;
        });
    }

    @Override
    public Citizen rectify(Actor actor, String id, Rectification correction) {
        if (!actor.isSystem() && !actor.has(Role.OPERATOR) && !actor.has(Role.SUPERVISOR) && !actor.has(Role.ADMIN)
                && !actor.has(Role.DPO)) {
            throw new AccessDeniedException("only staff who may find any citizen, or the data protection officer, "
                    + "correct a person's data");
        }
        String field = correction.field();
        if (field == null || !Rectification.FIELDS.contains(field)) {
            throw InvalidInputException.of("field", "rectification.field", String.join(", ", Rectification.FIELDS));
        }
        String reason = trimToNull(TextInput.line("reason", correction.reason(), Rectification.MAX_REASON));
        if (reason == null) {
            throw InvalidInputException.of("reason", "rectification.reason");
        }
        String value = trimToNull(correction.value());
        checkCorrectValue(field, value);
        if (erased(id)) {
            throw new ConflictException("the person was erased: there is nothing to correct");
        }
        return tx.callRetryingOnConflict(3, em -> {
            CitizenEntity citizen = em.find(CitizenEntity.class, id);
            if (citizen == null) {
                throw new NotFoundException("no citizen " + id);
            }
            Citizen before = sealed.open(citizen);
            String superseded = fieldOf(before, field);
            if (java.util.Objects.equals(superseded, value)) {
                throw InvalidInputException.of("value", "rectification.same");
            }
            if (value == null && (field.equals("lastName") || field.equals("firstName")
                    && before.kind() == CitizenKind.PERSON)) {
                throw InvalidInputException.of("value", "rectification.nameCleared");
            }
            Citizen after = corrected(before, field, value);
            reseal(em, citizen, before, after);
            JpaTransactions.onConnection(em, c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO CD_CITIZEN_CORRECTION (CITIZEN_ID, "
                        + "FIELD, SUPERSEDED_VALUE, NEW_VALUE, REASON, CORRECTED_BY, CORRECTED_MS) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    // Sealed with the person's key: a superseded name must not outlive the person's erasure.
                    Jdbc.bind(ps, id, field, keys.seal(id, superseded), keys.seal(id, value), reason, actor.username(),
                            System.currentTimeMillis());
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw SqlErrors.unchecked("recording a correction", e);
                }
                // The field and why; never the values (the trail is read by more people than the person's data).
                audit.record(c, new AuditEvent(actor.username(), "citizen.rectify", INFO_KIND, "citizen", id,
                        "field=" + field + " " + AuditEvent.purpose(reason)), null);
            });
            return after;
        });
    }

    /** The value of a correctable field ({@link CitizenRegistry.Rectification#FIELDS}). */
    private static String fieldOf(Citizen citizen, String field) {
        return switch (field) {
            case "firstName" -> citizen.firstName();
            case "lastName" -> citizen.lastName();
            case "address" -> citizen.address();
            case "phone" -> citizen.phone();
            case "email" -> citizen.email();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** {@code citizen} with {@code value} in the correctable field. */
    private static Citizen corrected(Citizen c, String field, String value) {
        return new Citizen(c.id(), c.kind(), c.nationalId(), field.equals("firstName") ? value : c.firstName(),
                field.equals("lastName") ? value : c.lastName(), field.equals("address") ? value : c.address(),
                field.equals("phone") ? value : c.phone(), field.equals("email") ? value : c.email(), c.registered());
    }

    @Override
    public Citizen erase(Actor actor, String id, String reason) {
        String why = CitizenRegistry.erasureGround(actor, reason);
        if (erased(id)) {
            throw new ConflictException("the person was erased already");
        }
        return tx.callRetryingOnConflict(3, em -> {
            CitizenEntity citizen = em.find(CitizenEntity.class, id);
            if (citizen == null) {
                throw new NotFoundException("no citizen " + id);
            }
            Citizen before = sealed.open(citizen);
            citizen.pseudonymise(pseudonym(), keys);
            JpaTransactions.onConnection(em, c -> {
                try {
                    sealed.forget(c, before);
                    try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO CD_CITIZEN_ERASURE (CITIZEN_ID, "
                            + "ERASED_BY, ERASED_MS, REASON) VALUES (?, ?, ?, ?)")) {
                        Jdbc.bind(ps, id, actor.username(), System.currentTimeMillis(), why);
                        ps.executeUpdate();
                    }
                    keys.destroy(c, id);
                } catch (java.sql.SQLException e) {
                    if (SqlErrors.isUniqueViolation(e)) {
                        throw new ConflictException("the person was erased already");
                    }
                    throw SqlErrors.unchecked("erasing a person", e);
                }
                audit.record(c, new AuditEvent(actor.username(), "citizen.erase", INFO_KIND, "citizen", id,
                        AuditEvent.purpose(why)), null);
            });
            return sealed.open(citizen);
        });
    }

    @Override
    public boolean erased(String id) {
        return !jdbc.query("look for an erasure", "SELECT 1 FROM CD_CITIZEN_ERASURE WHERE CITIZEN_ID = ?", rs -> 1, 1, id)
                .isEmpty();
    }

    @Override
    public List<Erasure> erasures(java.time.Instant from, java.time.Instant to) {
        return jdbc.query("read the erasures", "SELECT e.CITIZEN_ID, c.LAST_NAME, e.ERASED_BY, e.ERASED_MS, e.REASON FROM "
                + "CD_CITIZEN_ERASURE e LEFT JOIN CD_CITIZEN c ON c.ID = e.CITIZEN_ID WHERE e.ERASED_MS >= ? AND "
                + "e.ERASED_MS < ? ORDER BY e.ERASED_MS", rs -> new Erasure(rs.getString(1), rs.getString(2),
                rs.getString(3), java.time.Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)), 0, from.toEpochMilli(),
                to.toEpochMilli());
    }

    /**
     * What an erased person is called from then on, in place of their CNP and name: "X" and twelve random hexadecimal
     * digits (13 characters, as a CNP; never a valid one, so no lookup finds it).
     */
    private String pseudonym() {
        byte[] digits = new byte[6];
        random.nextBytes(digits);
        return "X" + java.util.HexFormat.of().withUpperCase().formatHex(digits);
    }

    /** A corrected value must be one the field could have been registered with. */
    private static void checkCorrectValue(String field, String value) {
        int max = switch (field) {
            case "firstName" -> CitizenDetails.MAX_FIRST_NAME;
            case "lastName" -> CitizenDetails.MAX_LAST_NAME;
            case "address" -> CitizenDetails.MAX_ADDRESS;
            case "phone" -> CitizenDetails.MAX_PHONE;
            default -> CitizenDetails.MAX_EMAIL;
        };
        TextInput.line("value", value, max);
        if (value != null && field.equals("phone") && PhoneNumbers.normalise(value).isEmpty()) {
            throw InvalidInputException.of("value", "phone.notANumber");
        }
        if (value != null && field.equals("email") && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.of("value", "email.invalid");
        }
    }

    @Override
    public int importAll(Actor actor, List<CitizenDetails> citizens) {
        List<Citizen> people = citizens.stream().map(CitizenRegistryImpl::toPlain).toList();
        int imported = 0;
        for (int from = 0; from < people.size(); from += IMPORT_BATCH) {
            List<Citizen> batch = people.subList(from, Math.min(people.size(), from + IMPORT_BATCH));
            imported += tx.call(em -> {
                Set<String> known = new HashSet<>(em
                        .createQuery("SELECT c.nationalIdKey FROM CitizenEntity c WHERE c.nationalIdKey IN :keys",
                                String.class)
                        .setParameter("keys", batch.stream().map(c -> nationalIdKey(c.nationalId())).toList())
                        .getResultList());
                List<Citizen> added = batch.stream().filter(c -> known.add(nationalIdKey(c.nationalId()))).toList();
                sealedRows(em, added).forEach(em::persist);
                return added.size();
            });
        }
        audit.record(new AuditEvent(actor.username(), "citizen.import", INFO_KIND, "citizen", null,
                "imported=" + imported + " of " + citizens.size()));
        return imported;
    }

    @Override
    public long count() {
        return tx.read(em -> em.createQuery("SELECT COUNT(c) FROM CitizenEntity c", Long.class).getSingleResult());
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        Set<String> found = new java.util.HashSet<>();
        List<String> all = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        // In slices: a database takes a bounded number of parameters in one IN list.
        for (int from = 0; from < all.size(); from += EXISTING_SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + EXISTING_SLICE));
            found.addAll(tx.read(em -> em.createQuery("SELECT c.id FROM CitizenEntity c WHERE c.id IN :ids", String.class)
                    .setParameter("ids", slice).getResultList()));
        }
        return found;
    }

    private Optional<CitizenEntity> byNationalId(EntityManager em, String nationalId) {
        return em.createQuery("SELECT c FROM CitizenEntity c WHERE c.nationalIdKey = ?1", CitizenEntity.class)
                .setParameter(1, nationalIdKey(nationalId)).getResultList().stream().findFirst();
    }

    private String nationalIdKey(String nationalId) {
        return keys.blindIndex(CitizenEntity.nationalIdKeyOf(nationalId));
    }

    /** The citizens whose phone or e-mail key ({@code field}) is {@code key}, by name: a few, a switchboard at most. */
    private List<Citizen> byKey(String field, String key) {
        return byName(sealed.openAll(tx.read(em -> em.createQuery("SELECT c FROM CitizenEntity c WHERE c." + field
                + " = ?1", CitizenEntity.class).setParameter(1, key).setMaxResults(CONTACT_MATCHES).getResultList())));
    }

    /**
     * A page of the citizens {@code terms} find (among {@code among} when not null), by name: the database finds them
     * by keyed hashes, and they are put in order once opened.
     */
    private Page<Citizen> matches(SearchTerms terms, Collection<String> among, int offset, int limit) {
        int wanted = among != null ? MATCHES_AMONG : Math.max(SORTED_MATCHES + 1, offset + limit);
        List<String> ids;
        boolean exact = true;
        if (terms.phone() != null) {
            String key = keys.blindIndex(CitizenEntity.phoneKeyOf(terms.phone()));
            ids = tx.read(em -> em.createQuery("SELECT c.id FROM CitizenEntity c WHERE c.phoneKey = ?1", String.class)
                    .setParameter(1, key).setMaxResults(wanted).getResultList());
        } else {
            ids = sealed.withTokens(terms.tokens(), wanted);
            // Not counted further: a common surname with a first name is thousands of people at a million citizens,
            // each checked for the other words; the operator asks the caller for more instead (the total is "at least").
            exact = among != null || ids.size() < wanted;
        }
        if (among != null) {
            Set<String> allowed = new HashSet<>(among);
            ids = ids.stream().filter(allowed::contains).toList();
        }
        long total = ids.size();
        if (ids.size() <= SORTED_MATCHES) {
            return new Page<>(byName(opened(ids)).stream().skip(offset).limit(limit).toList(), total, offset, limit,
                    exact);
        }
        List<String> page = ids.subList(Math.min(offset, ids.size()), Math.min(offset + limit, ids.size()));
        return new Page<>(byName(opened(page)), total, offset, limit, exact);
    }

    /** These citizens, opened, in slices (an IN list has a bounded length). */
    private List<Citizen> opened(List<String> ids) {
        List<Citizen> found = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += EXISTING_SLICE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + EXISTING_SLICE));
            found.addAll(sealed.read(slice));
        }
        return found;
    }

    /** Citizens by name, then address, without diacritics (each one's order folded once). */
    private static List<Citizen> byName(List<Citizen> citizens) {
        return citizens.stream().map(c -> java.util.Map.entry(SearchText.fold(String.join(" ", java.util.stream.Stream
                .of(c.lastName(), c.firstName(), c.address()).filter(java.util.Objects::nonNull).toList())) + '\0'
                + c.id(), c)).sorted(java.util.Map.Entry.comparingByKey()).map(java.util.Map.Entry::getValue).toList();
    }

    /** New rows for these people, sealed; their keys and search tokens written in the transaction of {@code em}. */
    private List<CitizenEntity> sealedRows(EntityManager em, List<Citizen> people) {
        List<CitizenEntity> rows = new java.util.ArrayList<>();
        JpaTransactions.onConnection(em, c -> {
            try {
                for (Citizen plain : people) {
                    rows.add(sealed.seal(c, plain));
                }
            } catch (java.sql.SQLException e) {
                throw SqlErrors.unchecked("sealing a citizen's data", e);
            }
        });
        return rows;
    }

    /**
     * Puts {@code after} in force in {@code row} (which held {@code before}, opened; null when in clear), sealed, with its
     * search tokens, in the transaction of {@code em}.
     */
    private void reseal(EntityManager em, CitizenEntity row, Citizen before, Citizen after) {
        JpaTransactions.onConnection(em, c -> {
            try {
                sealed.reseal(c, row, before, after);
            } catch (java.sql.SQLException e) {
                throw SqlErrors.unchecked("sealing a citizen's data", e);
            }
        });
    }

    /** A new person as registered: their kind from their national id, the names and contacts trimmed. */
    private static Citizen toPlain(CitizenDetails d) {
        d.validate();
        String nationalId = NationalIds.validate(d.nationalId());
        CitizenKind kind = NationalIds.kindOf(nationalId);
        String lastName = trimToNull(d.lastName());
        String firstName = trimToNull(d.firstName());
        if (lastName == null) {
            throw kind == CitizenKind.PERSON ? InvalidInputException.of("lastName", "citizen.lastName")
                    : InvalidInputException.of("lastName", "citizen.companyName");
        }
        if (kind == CitizenKind.PERSON && firstName == null) {
            throw InvalidInputException.of("firstName", "citizen.firstName");
        }
        return new Citizen(UUID.randomUUID().toString(), kind, nationalId, firstName, lastName,
                trimToNull(d.address()), trimToNull(d.phone()), trimToNull(d.email()),
                java.time.Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Staff say why they look for a citizen (R18); components acting on their own name it in the call. */
    private static void requirePurpose(Actor actor, String purpose) {
        if (!actor.isSystem() && (purpose == null || purpose.isBlank())) {
            throw InvalidInputException.of("reason", "citizen.reason");
        }
    }

    private static String remarks(String purpose, String detail) {
        String p = AuditEvent.purpose(purpose);
        if (detail == null) {
            return p;
        }
        return p == null ? detail : p + "; " + detail;
    }
}
