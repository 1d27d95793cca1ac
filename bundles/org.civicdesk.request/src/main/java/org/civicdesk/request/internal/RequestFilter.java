package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestQuery;

/**
 * A {@link RequestQuery} as a JPA Criteria condition over a request ({@code r}) and its current state
 * ({@code s}), the viewer's {@link Visibility} always part of it: every list, count and page of the
 * registry filters through here, typed by the entities' static metamodel.
 */
final class RequestFilter {
    private final CriteriaBuilder cb;
    private final Root<RequestEntity> r;
    private final Root<RequestStateEntity> s;

    RequestFilter(CriteriaBuilder cb, Root<RequestEntity> r, Root<RequestStateEntity> s) {
        this.cb = cb;
        this.r = r;
        this.s = s;
    }

    /** What {@code actor} may see of the requests matching {@code q}; {@code today} decides what is overdue. */
    Predicate of(Actor actor, RequestQuery q, LocalDate today, ZoneId zone) {
        List<Predicate> all = new ArrayList<>();
        all.add(cb.equal(s.get(RequestStateEntity_.number), r.get(RequestEntity_.number)));
        all.add(Visibility.visible(cb, actor, r.get(RequestEntity_.department), s.get(RequestStateEntity_.assignee)));
        if (q.status() != null) {
            all.add(cb.equal(s.get(RequestStateEntity_.status), q.status()));
        }
        if (q.type() != null) {
            all.add(cb.equal(r.get(RequestEntity_.type), q.type()));
        }
        if (!q.types().isEmpty()) {
            all.add(r.get(RequestEntity_.type).in(q.types().stream().sorted().toList()));
        }
        if (q.department() != null) {
            all.add(cb.equal(r.get(RequestEntity_.department), q.department()));
        }
        if (q.assignee() != null) {
            all.add(cb.equal(s.get(RequestStateEntity_.assignee), q.assignee()));
        }
        if (q.channel() != null) {
            all.add(cb.equal(r.get(RequestEntity_.channel), q.channel().id()));
        }
        if (q.citizenId() != null) {
            all.add(cb.equal(r.get(RequestEntity_.citizenId), q.citizenId()));
        }
        if (q.from() != null) {
            all.add(cb.ge(r.get(RequestEntity_.registeredMillis), q.from().atStartOfDay(zone).toInstant().toEpochMilli()));
        }
        if (q.to() != null) {
            all.add(cb.lt(r.get(RequestEntity_.registeredMillis),
                    q.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
        }
        if (q.done() != null) {
            all.add(cb.equal(s.get(RequestStateEntity_.finished), q.done()));
        }
        if (q.registeredAfter() != null) {
            all.add(cb.ge(r.get(RequestEntity_.registeredMillis), q.registeredAfter().toEpochMilli()));
        }
        if (q.registeredBefore() != null) {
            all.add(cb.lt(r.get(RequestEntity_.registeredMillis), q.registeredBefore().toEpochMilli()));
        }
        if (q.changedAfter() != null) {
            all.add(cb.ge(s.get(RequestStateEntity_.lastChangeMillis), q.changedAfter().toEpochMilli()));
        }
        if (q.changedBefore() != null) {
            all.add(cb.lt(s.get(RequestStateEntity_.lastChangeMillis), q.changedBefore().toEpochMilli()));
        }
        // Deadlines are ISO dates (YYYY-MM-DD): compared as text they compare as dates.
        // Overdue as RequestRegistryImpl.overdue says: past the deadline in force, not done, not waiting for the citizen.
        if (Boolean.TRUE.equals(q.overdue())) {
            all.add(cb.isFalse(s.get(RequestStateEntity_.finished)));
            all.add(cb.isNull(s.get(RequestStateEntity_.pausedSince)));
            all.add(cb.lessThan(s.get(RequestStateEntity_.deadline), today.toString()));
        } else if (Boolean.FALSE.equals(q.overdue())) {
            all.add(cb.or(cb.isTrue(s.get(RequestStateEntity_.finished)), cb.isNotNull(s.get(RequestStateEntity_.pausedSince)),
                    cb.greaterThanOrEqualTo(s.get(RequestStateEntity_.deadline), today.toString())));
        }
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            all.add(cb.or(cb.like(cb.lower(r.get(RequestEntity_.description)), like),
                    cb.like(cb.lower(r.get(RequestEntity_.address)), like), cb.like(r.get(RequestEntity_.number), like)));
        }
        return cb.and(all.toArray(new Predicate[0]));
    }
}
