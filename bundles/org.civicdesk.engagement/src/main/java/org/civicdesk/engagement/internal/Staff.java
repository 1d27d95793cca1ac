package org.civicdesk.engagement.internal;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;

/** Who among the staff may speak for the city hall: supervisors and admins. */
final class Staff {
    private Staff() {
    }

    static void requireSupervisorOrAdmin(Actor actor, String what) {
        if (!(actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN))) {
            throw new AccessDeniedException("only a supervisor or an admin " + what);
        }
    }
}
