package org.civicdesk.request.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A predefined kind of request (R4), read from configuration: who handles it, how long it may
 * take, and its workflow.
 *
 * @param code           stable code, e.g. {@code pothole}
 * @param names          display name per language ({@code ro}, {@code en})
 * @param department     code of the responsible department
 * @param slaDays        resolution deadline in working days
 * @param initialStatus  status of a newly registered request
 * @param statuses       every status of the workflow, in order
 * @param transitions    allowed status changes: from status to the statuses it may go to
 * @param finalStatuses  statuses in which the request is done (no longer overdue)
 * @param attributes     the questions a request of this type answers besides its description, in order
 * @param escalation     how its deadline is chased (since 2.3)
 * @param quality        what the work on it is measured against (since 2.3)
 */
public record RequestType(String code, Map<String, String> names, String department, int slaDays,
        String initialStatus, List<String> statuses, Map<String, List<String>> transitions,
        Set<String> finalStatuses, List<RequestAttribute> attributes, EscalationRule escalation, QualityCriteria quality) {

    public RequestType {
        names = Map.copyOf(names);
        statuses = List.copyOf(statuses);
        transitions = Map.copyOf(transitions);
        finalStatuses = Set.copyOf(finalStatuses);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        escalation = escalation == null ? EscalationRule.defaults(code) : escalation;
        quality = quality == null ? QualityCriteria.defaults(slaDays) : quality;
    }

    /** A type whose work is measured as {@link QualityCriteria#defaults} says. */
    public RequestType(String code, Map<String, String> names, String department, int slaDays, String initialStatus,
            List<String> statuses, Map<String, List<String>> transitions, Set<String> finalStatuses,
            List<RequestAttribute> attributes, EscalationRule escalation) {
        this(code, names, department, slaDays, initialStatus, statuses, transitions, finalStatuses, attributes, escalation,
                null);
    }

    /** A type whose deadline is chased as {@link EscalationRule#defaults} says. */
    public RequestType(String code, Map<String, String> names, String department, int slaDays, String initialStatus,
            List<String> statuses, Map<String, List<String>> transitions, Set<String> finalStatuses,
            List<RequestAttribute> attributes) {
        this(code, names, department, slaDays, initialStatus, statuses, transitions, finalStatuses, attributes, null);
    }

    /** A type that asks nothing besides the description and the place. */
    public RequestType(String code, Map<String, String> names, String department, int slaDays, String initialStatus,
            List<String> statuses, Map<String, List<String>> transitions, Set<String> finalStatuses) {
        this(code, names, department, slaDays, initialStatus, statuses, transitions, finalStatuses, List.of(), null);
    }

    /** The name in {@code language}, falling back to Romanian, then to the code. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("ro", code));
    }

    /** Whether the workflow allows going from {@code from} to {@code to}. */
    public boolean allows(String from, String to) {
        return transitions.getOrDefault(from, List.of()).contains(to);
    }

    public boolean isFinal(String status) {
        return finalStatuses.contains(status);
    }
}
