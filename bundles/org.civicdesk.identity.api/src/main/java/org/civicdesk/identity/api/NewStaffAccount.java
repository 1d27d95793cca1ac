package org.civicdesk.identity.api;

import java.util.Set;

import org.civicdesk.core.api.Role;

/** What it takes to create a staff account; the password is hashed and then forgotten. */
public record NewStaffAccount(String username, String displayName, String email, String department, Set<Role> roles,
        char[] password) {
}
