package org.civicdesk.core.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs an operation: a staff member, or a system component acting on its own
 * (a channel, the demo seeder). Every service call that reads personal data or changes a
 * record takes an actor, so that visibility rules and the audit trail are applied in one place.
 *
 * @param username   staff user name, or {@code system:<component>} for system actors
 * @param roles      the roles the actor holds
 * @param department department code of the staff member, or {@code null}
 */
public record Actor(String username, Set<Role> roles, String department) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    /** An actor for work a component does on its own behalf; it holds every role. */
    public static Actor system(String component) {
        return new Actor("system:" + component, Set.of(Role.values()), null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSystem() {
        return username.startsWith("system:");
    }
}
