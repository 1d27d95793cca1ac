package org.civicdesk.request.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Predicate;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;

/** Who may see and change which request (R1): the one place these rules live. */
final class Visibility {
    private Visibility() {
    }

    /** Admins and operators see every request; supervisors their department's; employees theirs. */
    static boolean seesAll(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.OPERATOR);
    }

    /** {@link #canSee} as a query condition over a request's department and its state's assignee. */
    static Predicate visible(CriteriaBuilder cb, Actor actor, Expression<String> department, Expression<String> assignee) {
        if (seesAll(actor)) {
            return cb.conjunction();
        }
        List<Predicate> allowed = new ArrayList<>();
        if (actor.has(Role.SUPERVISOR) && actor.department() != null) {
            allowed.add(cb.equal(department, actor.department()));
        }
        if (actor.has(Role.EMPLOYEE) || actor.has(Role.CONTRACTOR)) {
            allowed.add(cb.equal(assignee, actor.username()));
        }
        return allowed.isEmpty() ? cb.disjunction() : cb.or(allowed.toArray(new Predicate[0]));
    }

    /** {@link #canSee} as an SQL condition over a request's department and its state's assignee (columns named so). */
    static SqlWhere visibleSql(Actor actor, String department, String assignee) {
        if (seesAll(actor)) {
            return new SqlWhere("1 = 1");
        }
        List<String> allowed = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (actor.has(Role.SUPERVISOR) && actor.department() != null) {
            allowed.add(department + " = ?");
            values.add(actor.department());
        }
        if (actor.has(Role.EMPLOYEE) || actor.has(Role.CONTRACTOR)) {
            allowed.add(assignee + " = ?");
            values.add(actor.username());
        }
        return allowed.isEmpty() ? new SqlWhere("1 = 0") : new SqlWhere("(" + String.join(" OR ", allowed) + ")",
                values.toArray());
    }

    static boolean canSee(Actor actor, String department, String assignee) {
        return seesAll(actor) || supervises(actor, department) || isAssignee(actor, assignee);
    }

    static boolean canAssign(Actor actor, String department) {
        return actor.has(Role.ADMIN) || supervises(actor, department);
    }

    static boolean canChangeStatus(Actor actor, String department, String assignee) {
        return actor.has(Role.ADMIN) || supervises(actor, department) || isAssignee(actor, assignee);
    }

    static boolean supervises(Actor actor, String department) {
        return actor.has(Role.SUPERVISOR) && actor.department() != null && actor.department().equals(department);
    }

    static boolean isAssignee(Actor actor, String assignee) {
        return (actor.has(Role.EMPLOYEE) || actor.has(Role.CONTRACTOR)) && Objects.equals(actor.username(), assignee);
    }

    /**
     * A contractor and nothing more (R4): it works on the requests assigned to it only through comments, attachments and
     * the {@link #CONTRACTOR_STATUSES} steps (starting the work, and resolving it); it files nothing and writes to no
     * citizen.
     */
    static boolean contractorOnly(Actor actor) {
        return actor.has(Role.CONTRACTOR) && !actor.has(Role.EMPLOYEE) && !actor.has(Role.SUPERVISOR)
                && !actor.has(Role.OPERATOR) && !actor.has(Role.ADMIN);
    }

    /** The statuses a contractor moves a request to, as the workflow allows. */
    static final Set<String> CONTRACTOR_STATUSES = Set.of("in_progress", "resolved");
}
