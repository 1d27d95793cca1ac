package org.civicdesk.request.api;

import java.util.Map;

import org.civicdesk.core.api.Role;

/**
 * What an administrator sets of a request type at run time: its names, the department that answers it, its deadline,
 * whom staff may file it for, and how its deadline is chased. Its workflow, questions and status names stay as its
 * configuration file has them.
 *
 * @param code            the type's code (a new code adds a type)
 * @param names           its name by language: {@code ro} required, {@code en}
 * @param department      the code of the department that answers it
 * @param slaDays         working days to resolve it
 * @param caller          whom staff may file it for
 * @param warnAtPercent   the share of the deadline at which the assignee is warned (0 never)
 * @param escalates       whether a request past its deadline escalates
 * @param level2AfterDays working days past the deadline before level 2
 * @param level2Role      the role told at level 2
 * @since 2.8
 */
public record RequestTypeSettings(String code, Map<String, String> names, String department, int slaDays,
        RequestType.Caller caller, int warnAtPercent, boolean escalates, int level2AfterDays, Role level2Role) {
    public RequestTypeSettings {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    /** A type's settings as they are now. */
    public static RequestTypeSettings of(RequestType type) {
        EscalationRule escalation = type.escalation();
        return new RequestTypeSettings(type.code(), type.names(), type.department(), type.slaDays(), type.caller(),
                escalation.warnAtPercent(), escalation.escalates(), escalation.level2AfterDays(), escalation.level2Role());
    }
}
