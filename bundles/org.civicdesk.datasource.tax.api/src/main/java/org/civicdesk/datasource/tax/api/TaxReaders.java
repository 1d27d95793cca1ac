package org.civicdesk.datasource.tax.api;

import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;

/**
 * Who may read tax data (R9, R20, need to know): the front office that answers callers about
 * their taxes and the supervisors and admins above it, never a department's employees. The one
 * rule behind {@link TaxInquiry}, the tax section of the 360° view and {@code /citizens/{id}/taxes}.
 */
public final class TaxReaders {
    /** The roles that may read tax data; components acting on their own hold them all. */
    public static final Set<Role> ROLES = Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN);

    private TaxReaders() {
    }

    /** Whether the actor may read taxpayers' records. */
    public static boolean mayRead(Actor actor) {
        return ROLES.stream().anyMatch(actor::has);
    }
}
