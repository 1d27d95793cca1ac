package org.civicdesk.request.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.EnumIds;

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
 * @param statusNames    what each status is called, per language, where the type names it itself: status to
 *                       language to name; the others read as {@link #STANDARD_STATUS_NAMES} says (since 2.7)
 * @param caller         whom staff may file it for: only an identified citizen, anyone, or anyone who leaves a
 *                       contact (since 2.7)
 */
public record RequestType(String code, Map<String, String> names, String department, int slaDays,
        String initialStatus, List<String> statuses, Map<String, List<String>> transitions,
        Set<String> finalStatuses, List<RequestAttribute> attributes, EscalationRule escalation, QualityCriteria quality,
        Map<String, Map<String, String>> statusNames, Caller caller) {

    /**
     * Whom staff may file a request of a type for, on the phone or at the desk.
     *
     * @since 2.7
     */
    public enum Caller {
        /** Only a citizen found on record (by national id) and verified: a certificate, a permit, social aid. */
        IDENTIFIED,
        /** Anyone, even a caller who gives no name: a pothole, a broken street light. */
        ANONYMOUS,
        /** Anyone who leaves a phone number or an e-mail address to be answered at: a complaint. */
        CONTACT;

        /** The configuration's and the API's word for it: {@code identified}, {@code anonymous}, {@code contact}. */
        public String id() {
            return EnumIds.id(this);
        }

        /** @throws org.civicdesk.core.api.InvalidInputException for another word */
        public static Caller parse(String id) {
            return EnumIds.parse(Caller.class, id, "caller");
        }
    }

    /**
     * The names of the statuses of the default workflow, in Romanian and English: what staff and citizens read
     * instead of the codes.
     *
     * @since 2.7
     */
    public static final Map<String, Map<String, String>> STANDARD_STATUS_NAMES = Map.of(
            "registered", Map.of("ro", "Înregistrată", "en", "Registered"),
            "assigned", Map.of("ro", "Repartizată", "en", "Assigned"),
            "in_progress", Map.of("ro", "În lucru", "en", "In progress"),
            "waiting_for_citizen", Map.of("ro", "Așteaptă cetățeanul", "en", "Waiting for the citizen"),
            "resolved", Map.of("ro", "Rezolvată", "en", "Resolved"),
            "rejected", Map.of("ro", "Respinsă", "en", "Rejected"),
            "closed", Map.of("ro", "Închisă", "en", "Closed"));

    public RequestType {
        names = Map.copyOf(names);
        statuses = List.copyOf(statuses);
        transitions = Map.copyOf(transitions);
        finalStatuses = Set.copyOf(finalStatuses);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        escalation = escalation == null ? EscalationRule.defaults(code) : escalation;
        quality = quality == null ? QualityCriteria.defaults(slaDays) : quality;
        statusNames = statusNames == null ? Map.of() : Map.copyOf(statusNames);
        caller = caller == null ? Caller.IDENTIFIED : caller;
    }

    /** A type filed for identified citizens only, its statuses named as given. */
    public RequestType(String code, Map<String, String> names, String department, int slaDays, String initialStatus,
            List<String> statuses, Map<String, List<String>> transitions, Set<String> finalStatuses,
            List<RequestAttribute> attributes, EscalationRule escalation, QualityCriteria quality,
            Map<String, Map<String, String>> statusNames) {
        this(code, names, department, slaDays, initialStatus, statuses, transitions, finalStatuses, attributes, escalation,
                quality, statusNames, null);
    }

    /** A type whose statuses read as {@link #STANDARD_STATUS_NAMES} says, or as their codes. */
    public RequestType(String code, Map<String, String> names, String department, int slaDays, String initialStatus,
            List<String> statuses, Map<String, List<String>> transitions, Set<String> finalStatuses,
            List<RequestAttribute> attributes, EscalationRule escalation, QualityCriteria quality) {
        this(code, names, department, slaDays, initialStatus, statuses, transitions, finalStatuses, attributes, escalation,
                quality, null, null);
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

    /**
     * What {@code status} is called in {@code language}: the type's own name, else the standard one, in that language
     * or else in Romanian; else the code itself.
     *
     * @since 2.7
     */
    public String statusName(String status, String language) {
        Map<String, String> named = statusNames.getOrDefault(status, STANDARD_STATUS_NAMES.get(status));
        return named == null ? status : named.getOrDefault(language, named.getOrDefault("ro", status));
    }

    /** Whether the workflow allows going from {@code from} to {@code to}. */
    public boolean allows(String from, String to) {
        return transitions.getOrDefault(from, List.of()).contains(to);
    }

    public boolean isFinal(String status) {
        return finalStatuses.contains(status);
    }
}
