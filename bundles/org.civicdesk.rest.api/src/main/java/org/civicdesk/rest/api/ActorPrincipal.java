package org.civicdesk.rest.api;

import java.security.Principal;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.Actor;

/** The principal of an authenticated API call, carrying the staff member as an {@link Actor}. */
public final class ActorPrincipal implements Principal {
    private final Actor actor;

    public ActorPrincipal(Actor actor) {
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.username();
    }

    /**
     * The actor of the current call.
     *
     * @throws NotAuthorizedException on a method that is {@code @PermitAll} and called anonymously
     *         where it needs a staff member (a {@code 401} for the caller, not a failure of the API)
     */
    public static Actor of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof ActorPrincipal p) {
            return p.actor();
        }
        throw new NotAuthorizedException("log in with a CivicDesk staff account", "Basic realm=\"CivicDesk\"");
    }
}
