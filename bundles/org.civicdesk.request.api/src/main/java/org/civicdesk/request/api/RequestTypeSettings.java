package org.civicdesk.request.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.Role;

/**
 * What an administrator sets of a request type at run time: its names, the department that answers it, its deadline,
 * whom staff may file it for, how its deadline is chased, and its workflow. Its questions stay as its configuration file
 * has them.
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
 * @param workflow        its statuses and the changes between them; {@code null} keeps the type's (or, for a new type,
 *                        the standard one)
 * @since 2.8
 */
public record RequestTypeSettings(String code, Map<String, String> names, String department, int slaDays,
        RequestType.Caller caller, int warnAtPercent, boolean escalates, int level2AfterDays, Role level2Role,
        Workflow workflow) {
    public RequestTypeSettings {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    /** Settings that keep the type's workflow. */
    public RequestTypeSettings(String code, Map<String, String> names, String department, int slaDays,
            RequestType.Caller caller, int warnAtPercent, boolean escalates, int level2AfterDays, Role level2Role) {
        this(code, names, department, slaDays, caller, warnAtPercent, escalates, level2AfterDays, level2Role, null);
    }

    /** A type's settings as they are now. */
    public static RequestTypeSettings of(RequestType type) {
        EscalationRule escalation = type.escalation();
        return new RequestTypeSettings(type.code(), type.names(), type.department(), type.slaDays(), type.caller(),
                escalation.warnAtPercent(), escalation.escalates(), escalation.level2AfterDays(), escalation.level2Role(),
                Workflow.of(type));
    }

    /**
     * A type's workflow as an administrator edits it. A status of an existing type stays (its requests and their history
     * name it): statuses are added, transitions and final statuses changed, statuses renamed.
     *
     * @param statuses      every status, the first the one a request starts in
     * @param transitions   the statuses a request may move to, by status
     * @param finalStatuses the statuses in which a request is done
     * @param statusNames   what the type calls a status, by status then language ({@code ro}, {@code en}); a status it does
     *                      not name keeps its standard name, and a status of its own needs one
     * @since 2.9
     */
    public record Workflow(List<String> statuses, Map<String, List<String>> transitions, Set<String> finalStatuses,
            Map<String, Map<String, String>> statusNames) {
        public Workflow {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            Map<String, List<String>> copied = new LinkedHashMap<>();
            if (transitions != null) {
                transitions.forEach((from, to) -> copied.put(from, to == null ? List.of() : List.copyOf(to)));
            }
            transitions = Collections.unmodifiableMap(copied);
            finalStatuses = finalStatuses == null ? Set.of() : Set.copyOf(finalStatuses);
            Map<String, Map<String, String>> names = new LinkedHashMap<>();
            if (statusNames != null) {
                statusNames.forEach((status, byLanguage) -> names.put(status, byLanguage == null ? Map.of()
                        : Map.copyOf(byLanguage)));
            }
            statusNames = Collections.unmodifiableMap(names);
        }

        /** A type's workflow as it is now. */
        public static Workflow of(RequestType type) {
            return new Workflow(type.statuses(), type.transitions(), type.finalStatuses(), type.statusNames());
        }
    }
}
