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
import javax.persistence.TypedQuery;
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
    /** Longer than any name and address together ({@code SEARCH_NAME}): a longer text matches nobody. */
    private static final int MAX_SEARCH = 600;

    private final JpaTransactions tx;
    private final AuditLog audit;
    private final CitizenKeysImpl keys;
    private final Jdbc jdbc;
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
        fillMissingPhoneKeys();
    }

    /** Citizens recorded before phone keys existed get theirs once, so that their calls are recognised. */
    private void fillMissingPhoneKeys() {
        tx.run(em -> em.createQuery("SELECT c FROM CitizenEntity c WHERE c.phoneKey IS NULL AND c.phone IS NOT NULL",
                CitizenEntity.class).getResultList().forEach(CitizenEntity::refreshPhoneKey));
    }

    @Override
    public List<Citizen> findByPhone(Actor actor, String phone, String purpose) {
        requirePurpose(actor, purpose);
        Optional<String> key = PhoneNumbers.normalise(phone);
        List<Citizen> found = key.isEmpty() ? List.of() : tx.read(em -> em
                .createQuery("SELECT c FROM CitizenEntity c WHERE c.phoneKey = ?1 ORDER BY c.searchName", CitizenEntity.class)
                .setParameter(1, key.get()).setMaxResults(CONTACT_MATCHES).getResultList().stream()
                .map(CitizenEntity::toDto).toList());
        audit.record(new AuditEvent(actor.username(), "citizen.lookup", INFO_KIND, "citizen",
                found.size() == 1 ? found.get(0).id() : null, remarks(purpose, "by phone, matches=" + found.size())));
        return found;
    }

    @Override
    public List<Citizen> findByEmail(Actor actor, String email, String purpose) {
        requirePurpose(actor, purpose);
        String key = CitizenEntity.emailKeyOf(email);
        List<Citizen> found = key == null ? List.of() : tx.read(em -> em
                .createQuery("SELECT c FROM CitizenEntity c WHERE c.emailKey = ?1 ORDER BY c.searchName", CitizenEntity.class)
                .setParameter(1, key).setMaxResults(CONTACT_MATCHES).getResultList().stream()
                .map(CitizenEntity::toDto).toList());
        audit.record(new AuditEvent(actor.username(), "citizen.lookup", INFO_KIND, "citizen",
                found.size() == 1 ? found.get(0).id() : null, remarks(purpose, "by e-mail, matches=" + found.size())));
        return found;
    }

    @Override
    public Optional<Citizen> findByNationalId(Actor actor, String nationalId, String purpose) {
        requirePurpose(actor, purpose);
        String id = NationalIds.validate(nationalId);
        Optional<Citizen> found = tx.read(em -> byNationalId(em, id)).map(CitizenEntity::toDto);
        audit.record(new AuditEvent(actor.username(), "citizen.lookup", INFO_KIND, "citizen",
                found.map(Citizen::id).orElse(null), remarks(purpose, found.isEmpty() ? "not found" : null)));
        return found;
    }

    @Override
    public Optional<Citizen> get(Actor actor, String id, String purpose) {
        Optional<Citizen> found = tx.read(em -> Optional.ofNullable(em.find(CitizenEntity.class, id)))
                .map(CitizenEntity::toDto);
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
        Page<Citizen> page = among != null && among.isEmpty() ? new Page<>(List.of(), 0, offset, limit) : tx.read(em -> {
            String where = " WHERE (" + terms.condition() + ")" + (among == null ? "" : " AND c.id IN :among");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CitizenEntity c" + where, Long.class);
            TypedQuery<CitizenEntity> rows = em.createQuery("SELECT c FROM CitizenEntity c" + where
                    + " ORDER BY c.searchName", CitizenEntity.class);
            terms.parameters().forEach((name, value) -> {
                count.setParameter(name, value);
                rows.setParameter(name, value);
            });
            if (among != null) {
                count.setParameter("among", List.copyOf(among));
                rows.setParameter("among", List.copyOf(among));
            }
            List<Citizen> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(CitizenEntity::toDto).toList();
            return new Page<>(items, count.getSingleResult(), offset, limit);
        });
        audit.record(new AuditEvent(actor.username(), "citizen.search", INFO_KIND, "citizen", null,
                remarks(purpose, "query='" + text + "' results=" + page.total())));
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
                return existing.get().toDto();
            }
            CitizenEntity candidate = toEntity(details);
            em.persist(candidate);
            // Registered in the change's own transaction; the national id only as the subject, no other personal data.
            JpaTransactions.onConnection(em, c -> audit.record(c, new AuditEvent(actor.username(), "citizen.register",
                    INFO_KIND, "citizen", candidate.toDto().id(), null), null));
            return candidate.toDto();
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
            String superseded = citizen.field(field);
            if (java.util.Objects.equals(superseded, value)) {
                throw InvalidInputException.of("value", "rectification.same");
            }
            if (value == null && (field.equals("lastName") || field.equals("firstName")
                    && citizen.toDto().kind() == CitizenKind.PERSON)) {
                throw InvalidInputException.of("value", "rectification.nameCleared");
            }
            citizen.correct(field, value);
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
            return citizen.toDto();
        });
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
            citizen.pseudonymise(pseudonym());
            JpaTransactions.onConnection(em, c -> {
                try {
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
            return citizen.toDto();
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
        List<CitizenEntity> entities = citizens.stream().map(CitizenRegistryImpl::toEntity).toList();
        int imported = 0;
        for (int from = 0; from < entities.size(); from += IMPORT_BATCH) {
            List<CitizenEntity> batch = entities.subList(from, Math.min(entities.size(), from + IMPORT_BATCH));
            imported += tx.call(em -> {
                Set<String> known = new HashSet<>(em
                        .createQuery("SELECT c.nationalId FROM CitizenEntity c WHERE c.nationalId IN :ids", String.class)
                        .setParameter("ids", batch.stream().map(c -> c.toDto().nationalId()).toList())
                        .getResultList());
                int added = 0;
                for (CitizenEntity c : batch) {
                    if (known.add(c.toDto().nationalId())) {
                        em.persist(c);
                        added++;
                    }
                }
                return added;
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

    private static Optional<CitizenEntity> byNationalId(EntityManager em, String nationalId) {
        return em.createQuery("SELECT c FROM CitizenEntity c WHERE c.nationalId = ?1", CitizenEntity.class)
                .setParameter(1, nationalId).getResultList().stream().findFirst();
    }

    private static CitizenEntity toEntity(CitizenDetails d) {
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
        return new CitizenEntity(UUID.randomUUID().toString(), kind, nationalId, firstName, lastName,
                trimToNull(d.address()), trimToNull(d.phone()), trimToNull(d.email()), System.currentTimeMillis());
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
