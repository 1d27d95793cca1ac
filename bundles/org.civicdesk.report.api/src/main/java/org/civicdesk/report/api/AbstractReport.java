package org.civicdesk.report.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;

/**
 * The base of a report: its id, names and roles given once, the period and an optional department
 * as parameters unless {@link #parameters()} is overridden. Methods added to {@link Report} later
 * get a default here, so that reports extending this class keep compiling.
 */
public abstract class AbstractReport implements Report {
    /** The period and an optional department: what most reports take. */
    protected static final List<ReportParameter> PERIOD_AND_DEPARTMENT = List.of(ReportParameter.FROM, ReportParameter.TO,
            ReportParameter.DEPARTMENT);
    /** The period alone. */
    protected static final List<ReportParameter> PERIOD = List.of(ReportParameter.FROM, ReportParameter.TO);
    /** Those who manage: admins and supervisors. */
    protected static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.SUPERVISOR);

    private final String id;
    private final Map<String, String> names;
    private final Set<Role> roles;

    /**
     * @param id    the report's id
     * @param ro    its title in Romanian
     * @param en    its title in English
     * @param roles who may run it
     */
    protected AbstractReport(String id, String ro, String en, Set<Role> roles) {
        this.id = Objects.requireNonNull(id, "id");
        this.names = Map.of("ro", ro, "en", en);
        this.roles = Set.copyOf(roles);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Map<String, String> names() {
        return names;
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD_AND_DEPARTMENT;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    /**
     * {@code part} of {@code whole} in percent, rounded to one decimal, as a {@link Column.Type#PERCENT} cell holds it;
     * {@code null} when the whole is 0 (no figure, rather than a misleading 0 %).
     */
    protected static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    /**
     * The department the report may show to {@code actor}: admins, data protection officers and system
     * actors any (the one asked for, or all: {@code null}); a supervisor only theirs, asked for or not.
     *
     * @throws AccessDeniedException when a supervisor asks for another department, or a staff member
     *         with none of those roles runs it
     */
    protected static String departmentFor(Actor actor, ReportParameters parameters) {
        String asked = parameters.department();
        if (actor.isSystem() || actor.has(Role.ADMIN) || actor.has(Role.DPO)) {
            return asked;
        }
        if (actor.has(Role.SUPERVISOR) && actor.department() != null) {
            if (asked != null && !asked.equals(actor.department())) {
                throw new AccessDeniedException("a supervisor's reports cover their own department");
            }
            return actor.department();
        }
        throw new AccessDeniedException("this report is for supervisors and admins");
    }
}
