package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;

import javax.persistence.EntityManager;
import javax.persistence.Tuple;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Page;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.ServiceRequest;

/**
 * The registry's lists: searches, newest-first pages and a department's workload, each read through
 * {@link RequestFilter} so that what a viewer may see is decided in one place, and each search
 * recorded in the audit trail.
 */
final class RequestLists {
    private static final int MAX_PAGE = 1000;
    private static final String INFO_KIND = "request";
    /** How many of the newest registrations {@link #newest} first looks among, at least. */
    private static final long FIRST_WINDOW = 500;
    /** How many matches a search counts at least before it calls the total a lower bound. */
    static final int COUNTED = 1000;

    private final JpaTransactions tx;
    private final AuditLog audit;
    private final CityClock clock;

    RequestLists(JpaTransactions tx, AuditLog audit, CityClock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    private static void checkRange(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "offset must be 0 or more and limit between 1 and " + MAX_PAGE);
        }
    }

    /**
     * A page of what {@code q} matches that {@code actor} may see, audited: the open requests first, the oldest deadline
     * (so the longest overdue) first, then the finished ones, newest first. Each part is read within a window of its own
     * index (the open requests by deadline, all by registration) that grows until the page is full, so that a page costs
     * about the same with a thousand requests or a million. The total is exact up to {@link #COUNTED} matches beyond the
     * page; past that it is a lower bound ({@link Page#exact()} false): counting a million rows for "1–50 of …" is what
     * made the console's first screen slow.
     */
    Page<ServiceRequest> search(Actor actor, RequestQuery q, int offset, int limit) {
        checkRange(offset, limit);
        LocalDate today = clock.today();
        Page<ServiceRequest> page = tx.read(em -> {
            int wanted = offset + limit;
            if (q.text() != null && !q.text().isBlank()) {
                // Words are looked for in every request whatever the order (no index helps): one pass, sorted as below.
                return inOnePass(em, actor, q, offset, limit, today);
            }
            List<ServiceRequest> open = Boolean.TRUE.equals(q.done()) ? List.of() : openFirst(em, actor, q, wanted, today);
            List<ServiceRequest> items = new ArrayList<>();
            if (open.size() > offset) {
                items.addAll(open.subList(offset, Math.min(wanted, open.size())));
            }
            if (open.size() < wanted && !Boolean.FALSE.equals(q.done()) && !Boolean.TRUE.equals(q.overdue())) {
                // Fewer open matches than the page reaches: that is all of them; the finished ones follow.
                int closedOffset = Math.max(0, offset - open.size());
                items.addAll(newestWithin(em, actor, q.done(true), closedOffset, limit - items.size(), today));
            }
            return counted(em, actor, q, items, offset, limit, today);
        });
        audit.record(new AuditEvent(actor.username(), "request.search", INFO_KIND, "request", null,
                "filter=" + q + " results=" + page.total() + (page.exact() ? "" : "+")));
        return page;
    }

    /** A page of what {@code q} matches, open requests first by deadline, then the newest: one query, one count. */
    private Page<ServiceRequest> inOnePass(EntityManager em, Actor actor, RequestQuery q, int offset, int limit,
            LocalDate today) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> rows = cb.createTupleQuery();
        Root<RequestEntity> r = rows.from(RequestEntity.class);
        Root<RequestStateEntity> s = rows.from(RequestStateEntity.class);
        RequestRows columns = new RequestRows(r, s);
        // A finished request's deadline does not order it: the newest come first among them.
        javax.persistence.criteria.Expression<String> openDeadline = cb.<String>selectCase()
                .when(cb.isFalse(s.get(RequestStateEntity_.finished)), s.get(RequestStateEntity_.deadline)).otherwise("");
        rows.multiselect(columns.selection()).where(new RequestFilter(cb, r, s).of(actor, q, today, clock.zone()))
                .orderBy(cb.asc(s.get(RequestStateEntity_.finished)), cb.asc(openDeadline),
                        cb.desc(r.get(RequestEntity_.registeredMillis)), cb.desc(r.get(RequestEntity_.number)));
        List<ServiceRequest> items = em.createQuery(rows).setFirstResult(offset).setMaxResults(limit).getResultList()
                .stream().map(row -> columns.toDto(row, today)).toList();
        return counted(em, actor, q, items, offset, limit, today);
    }

    /**
     * The first {@code wanted} open requests matching {@code q}, the oldest deadline first: read among the open requests
     * with the earliest deadlines (CD_STATE_OPEN), a window growing until it holds {@code wanted} matches or all of them.
     */
    private List<ServiceRequest> openFirst(EntityManager em, Actor actor, RequestQuery q, int wanted, LocalDate today) {
        if (q.status() != null && !anyOpenIn(em, q.status())) {
            // A final status (resolved): no window of open requests would hold one, however far it grew.
            return List.of();
        }
        return windowed(Math.max(FIRST_WINDOW, wanted * 8L), nth -> openDeadlineAt(em, nth),
                until -> openUntil(em, actor, q, until, wanted, today), wanted);
    }

    /** The first {@code wanted} open requests matching {@code q} with a deadline until {@code until} (null: any). */
    private List<ServiceRequest> openUntil(EntityManager em, Actor actor, RequestQuery q, String until, int wanted,
            LocalDate today) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> rows = cb.createTupleQuery();
        Root<RequestEntity> r = rows.from(RequestEntity.class);
        Root<RequestStateEntity> s = rows.from(RequestStateEntity.class);
        RequestRows columns = new RequestRows(r, s);
        Predicate filter = cb.and(new RequestFilter(cb, r, s).of(actor, q, today, clock.zone()),
                cb.isFalse(s.get(RequestStateEntity_.finished)));
        if (until != null) {
            filter = cb.and(filter, cb.lessThanOrEqualTo(s.get(RequestStateEntity_.deadline), until));
        }
        rows.multiselect(columns.selection()).where(filter).orderBy(cb.asc(s.get(RequestStateEntity_.deadline)),
                cb.desc(r.get(RequestEntity_.registeredMillis)), cb.desc(r.get(RequestEntity_.number)));
        return em.createQuery(rows).setMaxResults(wanted).getResultList().stream().map(row -> columns.toDto(row, today))
                .toList();
    }

    /**
     * Reads within the first {@code window} entries of an index ({@code boundaryAt} gives the value of its n-th entry,
     * null past its end), the window growing sixteenfold until {@code read} gives {@code wanted} items or the window
     * is the whole index: a planner that cannot know a page stops early (Derby) would otherwise sort every match.
     */
    private static <B> List<ServiceRequest> windowed(long window, LongFunction<B> boundaryAt,
            Function<B, List<ServiceRequest>> read, int wanted) {
        long size = window;
        while (true) {
            B boundary = size == Long.MAX_VALUE ? null : boundaryAt.apply(size);
            List<ServiceRequest> found = read.apply(boundary);
            if (boundary == null || found.size() == wanted) {
                return found;
            }
            size = size > Integer.MAX_VALUE / 16 ? Long.MAX_VALUE : size * 16;
        }
    }

    /** Whether any open request is in {@code status} (CD_STATE_OPEN_STATUS). */
    private static boolean anyOpenIn(EntityManager em, String status) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> numbers = cb.createQuery(String.class);
        Root<RequestStateEntity> s = numbers.from(RequestStateEntity.class);
        numbers.select(s.get(RequestStateEntity_.number)).where(cb.isFalse(s.get(RequestStateEntity_.finished)),
                cb.equal(s.get(RequestStateEntity_.status), status));
        return !em.createQuery(numbers).setMaxResults(1).getResultList().isEmpty();
    }

    /** The deadline of the {@code nth} open request by deadline, or null when fewer are open. */
    private static String openDeadlineAt(EntityManager em, long nth) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> deadlines = cb.createQuery(String.class);
        Root<RequestStateEntity> s = deadlines.from(RequestStateEntity.class);
        deadlines.select(s.get(RequestStateEntity_.deadline)).where(cb.isFalse(s.get(RequestStateEntity_.finished)))
                .orderBy(cb.asc(s.get(RequestStateEntity_.finished)), cb.asc(s.get(RequestStateEntity_.deadline)));
        List<String> found = em.createQuery(deadlines).setFirstResult((int) nth - 1).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** {@code items} as the page at {@code offset}, with the matches counted up to {@link #COUNTED} beyond it. */
    private Page<ServiceRequest> counted(EntityManager em, Actor actor, RequestQuery q, List<ServiceRequest> items,
            int offset, int limit, LocalDate today) {
        long bound = Math.max(COUNTED, offset + limit);
        long counted = countUpTo(em, actor, q, bound + 1, today);
        boolean exact = counted <= bound;
        return new Page<>(items, exact ? counted : bound, offset, limit, exact);
    }

    /** How many requests match, counted no further than {@code atMost}. */
    private long countUpTo(EntityManager em, Actor actor, RequestQuery q, long atMost, LocalDate today) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> numbers = cb.createQuery(String.class);
        Root<RequestEntity> r = numbers.from(RequestEntity.class);
        Root<RequestStateEntity> s = numbers.from(RequestStateEntity.class);
        numbers.select(r.get(RequestEntity_.number)).where(new RequestFilter(cb, r, s).of(actor, q, today, clock.zone()));
        return em.createQuery(numbers).setMaxResults((int) atMost).getResultList().size();
    }

    /** A newest-first page of what {@code q} matches that {@code actor} may see, with no count; audited. */
    List<ServiceRequest> newest(Actor actor, RequestQuery q, int offset, int limit) {
        checkRange(offset, limit);
        LocalDate today = clock.today();
        List<ServiceRequest> items = tx.read(em -> newestWithin(em, actor, q, offset, limit, today));
        audit.record(new AuditEvent(actor.username(), "request.search", INFO_KIND, "request", null,
                "filter=" + q + " newest offset=" + offset + " results=" + items.size()));
        return items;
    }

    /** A newest-first page of what {@code q} matches that {@code actor} may see. */
    private List<ServiceRequest> newestWithin(EntityManager em, Actor actor, RequestQuery q, int offset, int limit,
            LocalDate today) {
        // A citizen's requests lead their own index (CD_REQUEST_CITIZEN_NEWEST): the database reads a page from its
        // top. Other filters are read within the newest registrations first (CD_REQUEST_NEWEST).
        return windowed(q.citizenId() == null ? Math.max(FIRST_WINDOW, (offset + limit) * 8L) : Long.MAX_VALUE,
                nth -> registeredAt(em, nth), since -> newestSince(em, actor, q, since, offset, limit, today), limit);
    }

    /** The registration time of the {@code nth} newest request (from CD_REQUEST_NEWEST), or null when there are fewer. */
    private static Long registeredAt(EntityManager em, long nth) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> times = cb.createQuery(Long.class);
        Root<RequestEntity> r = times.from(RequestEntity.class);
        times.select(r.get(RequestEntity_.registeredMillis))
                .orderBy(cb.desc(r.get(RequestEntity_.registeredMillis)), cb.desc(r.get(RequestEntity_.number)));
        List<Long> found = em.createQuery(times).setFirstResult((int) nth - 1).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A newest-first page of what {@code q} matches among the requests registered since {@code since} (null: all). */
    private List<ServiceRequest> newestSince(EntityManager em, Actor actor, RequestQuery q, Long since, int offset,
            int limit, LocalDate today) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> rows = cb.createTupleQuery();
        Root<RequestEntity> r = rows.from(RequestEntity.class);
        Root<RequestStateEntity> s = rows.from(RequestStateEntity.class);
        RequestRows columns = new RequestRows(r, s);
        Predicate filter = new RequestFilter(cb, r, s).of(actor, q, today, clock.zone());
        if (since != null) {
            filter = cb.and(filter, cb.ge(r.get(RequestEntity_.registeredMillis), since));
        }
        rows.multiselect(columns.selection()).where(filter)
                .orderBy(cb.desc(r.get(RequestEntity_.registeredMillis)), cb.desc(r.get(RequestEntity_.number)));
        return em.createQuery(rows).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(row -> columns.toDto(row, today)).toList();
    }

    /** Open requests of a department by assignee ("" for none). */
    Map<String, Long> workload(Actor actor, String department) {
        if (department == null || department.isBlank()) {
            throw new InvalidInputException("department", "say which department");
        }
        if (!Visibility.canAssign(actor, department)) {
            throw new AccessDeniedException("only a supervisor of " + department + " or an administrator sees its workload");
        }
        Map<String, Long> load = new TreeMap<>();
        tx.read(em -> em.createQuery("SELECT s.assignee, COUNT(s) FROM RequestEntity r, RequestStateEntity s"
                + " WHERE s.number = r.number AND r.department = ?1 AND s.finished = false GROUP BY s.assignee",
                Object[].class).setParameter(1, department).getResultList())
                .forEach(row -> load.put(row[0] == null ? "" : (String) row[0], ((Number) row[1]).longValue()));
        return load;
    }
}
