package org.civicdesk.core.api;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;


/** The staff roles of R1. A staff member may hold several. */
public enum Role {
    /** Call-centre operator: answers callers, registers requests. */
    OPERATOR,
    /** Department employee: works on the requests assigned to them. */
    EMPLOYEE,
    /** Department supervisor: sees and assigns every request of the department. */
    SUPERVISOR,
    /** Administrator: manages staff, request types and features. */
    ADMIN,
    /**
     * An external executor (a road repair company, a lighting contractor) working for a department (R4): sees only
     * the requests assigned to it, and only comments, adds photos and documents, starts the work and marks it resolved.
     *
     * @since 1.5
     */
    CONTRACTOR,
    /**
     * Data protection officer: reads who read which citizen's data (the audit-reads report), and
     * nothing of the citizens themselves.
     *
     * @since 1.5
     */
    DPO;

    /** The lower-case name used in JAAS role principals and in JSON. */
    public String id() {
        return EnumIds.id(this);
    }

    /**
     * Parses a role id, case-insensitively.
     *
     * @throws InvalidInputException for an unknown role
     */
    public static Role parse(String id) {
        return EnumIds.parse(Role.class, id, "role");
    }

    /**
     * Parses role ids, case-insensitively; none (or {@code null}) is no role.
     *
     * @throws InvalidInputException for an unknown role
     * @since 1.13
     */
    public static Set<Role> parseAll(Collection<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (ids != null) {
            ids.forEach(id -> roles.add(parse(id)));
        }
        return roles;
    }
}
