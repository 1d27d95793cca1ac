package org.civicdesk.request.api;

import java.util.HashSet;
import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;

/**
 * Which citizens a staff member may look up (R20, need to know), the one place this rule lives:
 * operators, supervisors and admins find any citizen (always saying why, see
 * {@link org.civicdesk.identity.api.CitizenRegistry}); an employee reaches only the citizens of the
 * requests they may see, as the {@link RequestRegistry} decides; a contractor (R4) reaches none.
 */
public final class CitizenAccess {
    /** How many of an employee's requests are looked at for their citizens: far more than one person carries. */
    static final int MAX_REQUESTS = 1000;

    private CitizenAccess() {
    }

    /** Whether the actor may search and open every citizen. */
    public static boolean findsAnyCitizen(Actor actor) {
        return actor.isSystem() || actor.has(Role.OPERATOR) || actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
    }

    /**
     * Whether the actor may open this citizen: anyone who finds every citizen, or an employee who may see one of their
     * requests.
     */
    public static boolean mayOpen(RequestRegistry requests, Actor actor, String citizenId) {
        if (findsAnyCitizen(actor)) {
            return true;
        }
        if (!actor.has(Role.EMPLOYEE)) {
            return false;
        }
        RequestQuery ofCitizen = new RequestQuery(null, null, null, null, null, citizenId, null, null, null, null);
        return citizenId != null && requests.search(actor, ofCitizen, 0, 1).total() > 0;
    }

    /** The citizens of the requests the actor may see: all an employee may find (a contractor none). */
    public static Set<String> citizensOfVisibleRequests(RequestRegistry requests, Actor actor) {
        Set<String> ids = new HashSet<>();
        if (!actor.has(Role.EMPLOYEE)) {
            return ids;
        }
        requests.search(actor, RequestQuery.all(), 0, MAX_REQUESTS).items().stream().map(ServiceRequest::citizenId)
                .filter(id -> id != null).forEach(ids::add);
        return ids;
    }
}
