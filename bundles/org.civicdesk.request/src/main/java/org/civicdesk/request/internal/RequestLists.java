package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** A page of what {@code q} matches that {@code actor} may see, open overdue requests first; audited. */
    Page<ServiceRequest> search(Actor actor, RequestQuery q, int offset, int limit) {
        checkRange(offset, limit);
        LocalDate today = clock.today();
        Page<ServiceRequest> page = tx.read(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<RequestEntity> cr = count.from(RequestEntity.class);
            count.select(cb.count(cr)).where(new RequestFilter(cb, cr, count.from(RequestStateEntity.class))
                    .of(actor, q, today, clock.zone()));
            CriteriaQuery<Tuple> rows = cb.createTupleQuery();
            Root<RequestEntity> r = rows.from(RequestEntity.class);
            Root<RequestStateEntity> s = rows.from(RequestStateEntity.class);
            RequestRows columns = new RequestRows(r, s);
            // Open overdue requests first (oldest deadline first), then the newest.
            rows.multiselect(columns.selection()).where(new RequestFilter(cb, r, s).of(actor, q, today, clock.zone()))
                    .orderBy(cb.asc(s.get(RequestStateEntity_.finished)), cb.asc(s.get(RequestStateEntity_.deadline)),
                            cb.desc(r.get(RequestEntity_.registeredMillis)));
            List<ServiceRequest> items = em.createQuery(rows).setFirstResult(offset).setMaxResults(limit).getResultList()
                    .stream().map(row -> columns.toDto(row, today)).toList();
            return new Page<>(items, em.createQuery(count).getSingleResult(), offset, limit);
        });
        audit.record(new AuditEvent(actor.username(), "request.search", INFO_KIND, "request", null,
                "filter=" + q + " results=" + page.total()));
        return page;
    }

    /** A newest-first page of what {@code q} matches that {@code actor} may see, with no count; audited. */
    List<ServiceRequest> newest(Actor actor, RequestQuery q, int offset, int limit) {
        checkRange(offset, limit);
        LocalDate today = clock.today();
        List<ServiceRequest> items = tx.read(em -> {
            // A citizen's requests lead their own index (CD_REQUEST_CITIZEN_NEWEST): the database reads a page from its
            // top. Other filters are read within the newest registrations first, a window growing until the page is
            // full: a planner that cannot know the page stops early (Derby) would otherwise sort every match.
            long window = q.citizenId() == null ? Math.max(FIRST_WINDOW, (offset + limit) * 8L) : Long.MAX_VALUE;
            while (true) {
                Long since = window == Long.MAX_VALUE ? null : registeredAt(em, window);
                List<ServiceRequest> page = newestSince(em, actor, q, since, offset, limit, today);
                if (since == null || page.size() == limit) {
                    return page;
                }
                window = window > Integer.MAX_VALUE / 16 ? Long.MAX_VALUE : window * 16;
            }
        });
        audit.record(new AuditEvent(actor.username(), "request.search", INFO_KIND, "request", null,
                "filter=" + q + " newest offset=" + offset + " results=" + items.size()));
        return items;
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
