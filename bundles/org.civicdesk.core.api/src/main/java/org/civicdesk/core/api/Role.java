package org.civicdesk.core.api;

import java.util.Locale;

/** The staff roles of R1. A staff member may hold several. */
public enum Role {
    /** Call-centre operator: answers callers, registers requests. */
    OPERATOR,
    /** Department employee: works on the requests assigned to them. */
    EMPLOYEE,
    /** Department supervisor: sees and assigns every request of the department. */
    SUPERVISOR,
    /** Administrator: manages staff, request types and features. */
    ADMIN;

    /** The lower-case name used in JAAS role principals and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role id, case-insensitively.
     *
     * @throws InvalidInputException for an unknown role
     */
    public static Role parse(String id) {
        if (id != null) {
            for (Role role : values()) {
                if (role.id().equalsIgnoreCase(id.trim())) {
                    return role;
                }
            }
        }
        throw new InvalidInputException("role", "unknown role '" + id + "'; expected operator, employee, supervisor or admin");
    }
}
