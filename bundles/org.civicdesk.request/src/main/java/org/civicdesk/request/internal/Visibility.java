package org.civicdesk.request.internal;

import java.util.Objects;

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
        return actor.has(Role.EMPLOYEE) && Objects.equals(actor.username(), assignee);
    }
}
