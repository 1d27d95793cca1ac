package org.civicdesk.identity.api;

import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;

/**
 * A staff member's account; never carries the password or its hash.
 *
 * @param username    login name
 * @param displayName full name shown to colleagues
 * @param email       work e-mail, or {@code null}
 * @param department  department code, or {@code null} (admins, operators)
 * @param roles       roles held
 * @param enabled     whether the account may log in
 */
public record StaffAccount(String username, String displayName, String email, String department, Set<Role> roles,
        boolean enabled) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }

    /** This staff member as the actor of an operation. */
    public Actor asActor() {
        return new Actor(username, roles, department);
    }
}
