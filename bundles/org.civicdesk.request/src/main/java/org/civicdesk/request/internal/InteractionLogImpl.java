package org.civicdesk.request.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.RecordDigest;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Periods;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.InteractionOutcome;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The interactions of {@link InteractionLog}, kept as a start row and appended steps. */
@Component(service = InteractionLog.class)
public class InteractionLogImpl implements InteractionLog {
    private static final String INFO_KIND = "interaction";
    private static final int MAX_REMARKS = 2000;
    private static final int MAX_LIST = 200;

    private final JpaTransactions tx;
    private final Jdbc jdbc;
    private final CitizenRegistry citizens;
    private final RequestRegistry requests;
    private final ChannelCatalog channels;
    private final AuditLog audit;
    private final PersonalTexts texts;

    @Activate
    public InteractionLogImpl(@Reference(target = "(osgi.unit.name=civicdesk-request)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenRegistry citizens, @Reference RequestRegistry requests, @Reference ChannelCatalog channels,
            @Reference AuditLog audit, @Reference CitizenKeys keys) {
        this.tx = new JpaTransactions(emf);
        this.jdbc = new Jdbc(dataSource);
        this.citizens = citizens;
        this.requests = requests;
        this.channels = channels;
        this.audit = audit;
        this.texts = new PersonalTexts(keys);
        SchemaMigrations.update(dataSource, InteractionLogImpl.class);
    }

    @Override
    public Interaction start(Actor actor, Channel channel) {
        if (Visibility.contractorOnly(actor)) {
            throw new org.civicdesk.core.api.AccessDeniedException("a contractor takes no contacts with citizens");
        }
        ChannelCatalogImpl.installed(channels, channel);
        InteractionEntity entity = new InteractionEntity(UUID.randomUUID().toString(), channel.id(), actor.username(),
                Instant.now().toEpochMilli());
        tx.run(em -> {
            em.persist(entity);
            audited(em, new AuditEvent(actor.username(), "interaction.start", INFO_KIND, "interaction", entity.getId(),
                    "channel=" + channel.id()), InteractionRecords.start(entity));
        });
        return derive(entity, List.of());
    }

    @Override
    public Interaction identify(Actor actor, String interactionId, String citizenId, boolean verified) {
        if (citizenId == null || citizenId.isBlank()) {
            throw InvalidInputException.of("citizenId", "interaction.citizen");
        }
        citizens.get(actor, citizenId.strip(), "identify the citizen of an interaction")
                .orElseThrow(() -> new NotFoundException("no citizen " + citizenId));
        return append(actor, interactionId, (id, seq, at, before) -> InteractionEventEntity.identified(id, seq, at,
                actor.username(), citizenId.strip(), verified), new AuditEvent(actor.username(), "interaction.identify",
                INFO_KIND, "citizen", citizenId.strip(), "interaction=" + interactionId + " verified=" + verified));
    }

    @Override
    public Interaction link(Actor actor, String interactionId, RequestNumber request) {
        if (request == null) {
            throw InvalidInputException.of("request", "interaction.request");
        }
        requests.get(actor, request);
        return append(actor, interactionId, (id, seq, at, before) -> InteractionEventEntity.linked(id, seq, at,
                actor.username(), request.toString()), new AuditEvent(actor.username(), "interaction.link", INFO_KIND,
                "interaction", interactionId, "request=" + request));
    }

    @Override
    public Interaction close(Actor actor, String interactionId, InteractionOutcome outcome, String remarks) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "interaction.outcome");
        }
        String text = remarks == null || remarks.isBlank() ? null : remarks.strip();
        if (text != null && text.length() > MAX_REMARKS) {
            throw InvalidInputException.of("remarks", "interaction.remarks", MAX_REMARKS);
        }
        return append(actor, interactionId,
                (id, seq, at, before) -> InteractionEventEntity.closed(id, seq, at, actor.username(), outcome.id(),
                        texts.sealed(before.citizenId(), text)),
                new AuditEvent(actor.username(), "interaction.close", INFO_KIND, "interaction", interactionId,
                        "outcome=" + outcome.id()));
    }

    private interface Step {
        /** The step to append, knowing the interaction as it stands ({@code before}). */
        InteractionEventEntity next(String interactionId, int sequence, long at, Interaction before);
    }

    /** Writes the change's audit entry in the change's own transaction: both commit, or neither. */
    private void audited(EntityManager em, AuditEvent event, RecordDigest written) {
        JpaTransactions.onConnection(em, c -> audit.record(c, event, written));
    }

    /** Appends a step to an open interaction the actor took, checking the state it derives to, with its audit entry. */
    private Interaction append(Actor actor, String interactionId, Step step, AuditEvent audited) {
        try {
            return tx.call(em -> {
                InteractionEntity entity = find(em, interactionId);
                if (!entity.getStaff().equals(actor.username()) && !actor.has(Role.ADMIN)) {
                    throw new ConflictException("interaction " + interactionId + " is " + entity.getStaff() + "'s");
                }
                List<InteractionEventEntity> events = new ArrayList<>(events(em, List.of(interactionId)));
                Interaction before = derive(entity, events);
                if (!before.open()) {
                    throw new ConflictException("interaction " + interactionId + " is closed");
                }
                InteractionEventEntity event = step.next(interactionId, events.size() + 1, Instant.now().toEpochMilli(), before);
                if (event.getKind() == InteractionEventEntity.Kind.CLOSED
                        && InteractionOutcome.REQUEST_FILED.id().equals(event.getOutcome()) && before.requests().isEmpty()) {
                    throw InvalidInputException.of("outcome", "interaction.noRequest");
                }
                em.persist(event);
                audited(em, audited, InteractionRecords.step(event));
                events.add(event);
                return derive(entity, events);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("interaction " + interactionId + " changed at the same time; try again");
            }
            throw e;
        }
    }

    @Override
    public Interaction get(Actor actor, String interactionId) {
        Interaction found = tx.read(em -> {
            InteractionEntity entity = find(em, interactionId);
            if (!entity.getStaff().equals(actor.username()) && !actor.has(Role.SUPERVISOR) && !actor.has(Role.ADMIN)) {
                throw new NotFoundException("no interaction " + interactionId);
            }
            return derive(entity, events(em, List.of(interactionId)));
        });
        if (found.citizenId() != null) {
            audit.record(new AuditEvent(actor.username(), "interaction.read", INFO_KIND, "citizen", found.citizenId(),
                    "interaction=" + interactionId));
        }
        return found;
    }

    @Override
    public List<Interaction> ofCitizen(Actor actor, String citizenId, int limit) {
        if (!actor.has(Role.OPERATOR) && !actor.has(Role.SUPERVISOR) && !actor.has(Role.ADMIN)) {
            return List.of();
        }
        int wanted = bounded(limit);
        // Newest identification first, a page at a time: a citizen with thousands of contacts costs one page. Found in
        // plain SQL (a grouped JPQL query is translated again at each call: a third of a 360° view's time), and most
        // people have had no contact at all: then no entity is loaded.
        List<String> first = newestContacts(citizenId, 0, wanted);
        List<Interaction> found = first.isEmpty() ? List.of() : tx.read(em -> {
            // An interaction later identified as someone else is skipped, so a short page asks for the next.
            List<Interaction> theirs = new ArrayList<>();
            List<String> ids = first;
            for (int offset = 0; theirs.size() < wanted; offset += wanted) {
                if (offset > 0) {
                    ids = newestContacts(citizenId, offset, wanted);
                }
                load(em, ids).stream().filter(i -> citizenId.equals(i.citizenId())).limit(wanted - theirs.size())
                        .forEach(theirs::add);
                if (ids.size() < wanted) {
                    break;
                }
            }
            return theirs;
        });
        audit.record(new AuditEvent(actor.username(), "interaction.list", INFO_KIND, "citizen", citizenId,
                "results=" + found.size()));
        return found;
    }

    @Override
    public List<Interaction> mine(Actor actor, int limit) {
        return tx.read(em -> {
            List<String> ids = em.createQuery("SELECT i.id FROM InteractionEntity i WHERE i.staff = ?1"
                    + " ORDER BY i.startedMillis DESC", String.class).setParameter(1, actor.username())
                    .setMaxResults(bounded(limit)).getResultList();
            return load(em, ids).stream().sorted(Comparator.comparing((Interaction i) -> !i.open())
                    .thenComparing(Interaction::startedAt, Comparator.reverseOrder())).toList();
        });
    }

    @Override
    public List<Interaction> between(Actor actor, Instant from, Instant to, int limit) {
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only a supervisor or an administrator sees every contact");
        }
        Periods.require(from, to, LONGEST_PERIOD_DAYS);
        if (limit < 1 || limit > MAX_PERIOD_LIST) {
            throw InvalidInputException.of("limit", "limit.range", MAX_PERIOD_LIST);
        }
        List<Interaction> found = tx.read(em -> {
            List<String> ids = em.createQuery("SELECT i.id FROM InteractionEntity i WHERE i.startedMillis >= ?1"
                    + " AND i.startedMillis < ?2 ORDER BY i.startedMillis", String.class)
                    .setParameter(1, from.toEpochMilli()).setParameter(2, to.toEpochMilli()).setMaxResults(limit)
                    .getResultList();
            List<Interaction> loaded = new ArrayList<>();
            // A page of ids at a time: an IN list of thousands is more than some databases take.
            for (int i = 0; i < ids.size(); i += MAX_LIST) {
                loaded.addAll(load(em, ids.subList(i, Math.min(ids.size(), i + MAX_LIST))));
            }
            return loaded.stream().sorted(Comparator.comparing(Interaction::startedAt)).toList();
        });
        audit.record(new AuditEvent(actor.username(), "interaction.list", INFO_KIND, "interaction", null,
                "from=" + from + " to=" + to + " results=" + found.size()));
        return found;
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw InvalidInputException.of("limit", "limit.range", MAX_LIST);
        }
        return limit;
    }

    private static InteractionEntity find(EntityManager em, String interactionId) {
        InteractionEntity entity = interactionId == null ? null : em.find(InteractionEntity.class, interactionId);
        if (entity == null) {
            throw new NotFoundException("no interaction " + interactionId);
        }
        return entity;
    }

    /** The interactions with these ids, newest first. */
    /** The ids of the contacts that identified {@code citizenId}, the latest identification first. */
    private List<String> newestContacts(String citizenId, int offset, int count) {
        return jdbc.query("find a person's contacts", "SELECT INTERACTION_ID, MAX(OCCURRED_MS) AS LATEST FROM "
                + "CD_INTERACTION_EVENT WHERE CITIZEN_ID = ? GROUP BY INTERACTION_ID ORDER BY LATEST DESC, INTERACTION_ID "
                + "OFFSET " + offset + " ROWS FETCH NEXT " + count + " ROWS ONLY", rs -> rs.getString(1), 0, citizenId);
    }

    private List<Interaction> load(EntityManager em, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<InteractionEventEntity>> byInteraction = new LinkedHashMap<>();
        for (InteractionEventEntity e : events(em, ids)) {
            byInteraction.computeIfAbsent(e.getInteractionId(), k -> new ArrayList<>()).add(e);
        }
        return em.createQuery("SELECT i FROM InteractionEntity i WHERE i.id IN ?1 ORDER BY i.startedMillis DESC",
                InteractionEntity.class).setParameter(1, ids).getResultList().stream()
                .map(i -> derive(i, byInteraction.getOrDefault(i.getId(), List.of()))).toList();
    }

    private static List<InteractionEventEntity> events(EntityManager em, List<String> ids) {
        return em.createQuery("SELECT e FROM InteractionEventEntity e WHERE e.interactionId IN ?1"
                + " ORDER BY e.interactionId, e.sequence", InteractionEventEntity.class).setParameter(1, ids)
                .getResultList();
    }

    /** The interaction's state: the last identification wins; links add up; the close ends it. */
    private Interaction derive(InteractionEntity start, List<InteractionEventEntity> events) {
        String citizenId = null;
        boolean verified = false;
        List<RequestNumber> linked = new ArrayList<>();
        InteractionOutcome outcome = null;
        Instant ended = null;
        String remarks = null;
        for (InteractionEventEntity e : events) {
            switch (e.getKind()) {
                case IDENTIFIED -> {
                    citizenId = e.getCitizenId();
                    verified = e.isVerified();
                }
                case LINKED -> {
                    RequestNumber number = RequestNumber.parse(e.getRequestNumber());
                    if (!linked.contains(number)) {
                        linked.add(number);
                    }
                }
                case CLOSED -> {
                    outcome = InteractionOutcome.parse(e.getOutcome());
                    ended = Instant.ofEpochMilli(e.getOccurredMillis());
                    remarks = texts.opened(citizenId, e.getRemarks());
                }
                default -> throw new IllegalStateException("unknown interaction step " + e.getKind());
            }
        }
        return new Interaction(start.getId(), new Channel(start.getChannel()), start.getStaff(),
                Instant.ofEpochMilli(start.getStartedMillis()), citizenId, verified, linked, outcome, ended, remarks);
    }
}
