package org.civicdesk.request.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.Role;
import org.civicdesk.request.api.EscalationRule;
import org.civicdesk.request.api.QualityCriteria;
import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A request type defined by one factory configuration. Adding, editing or deleting the
 * {@code .cfg} file adds, changes or removes the type at run time.
 */
@Component(service = ConfiguredRequestType.class, configurationPid = ConfiguredRequestType.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RequestTypeConfig.class, factory = true)
public class ConfiguredRequestType {
    static final String FACTORY_PID = "org.civicdesk.request.type";
    /** What a type's code may be: 2-50 lower-case letters, digits, '_' or '-', starting with a letter. */
    static final String CODE = "[a-z][a-z0-9_-]{1,49}";
    /** The longest deadline a type may have: ten years of working days, beyond any legal term. */
    static final int MAX_SLA_DAYS = 3650;

    private final RequestType type;

    @Activate
    public ConfiguredRequestType(RequestTypeConfig config, Map<String, Object> properties) {
        this.type = toType(config, properties);
    }

    RequestType type() {
        return type;
    }

    static RequestType toType(RequestTypeConfig c, Map<String, ?> properties) {
        if (c.code() == null || !c.code().matches(CODE)) {
            throw new IllegalArgumentException("request type code must be 2-50 lower-case letters, digits, '_' or '-'");
        }
        if (c.slaDays() < 1 || c.slaDays() > MAX_SLA_DAYS) {
            throw new IllegalArgumentException("request type " + c.code() + ": slaDays is between 1 and " + MAX_SLA_DAYS
                    + " working days");
        }
        // A file lists them on one line, separated by commas; Configuration Admin may hold an array.
        List<String> statuses = List.copyOf(ConfiguredValues.of(c.statuses()));
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("request type " + c.code() + " has no statuses");
        }
        Set<String> finalStatuses = ConfiguredValues.of(c.finalStatuses());
        for (String status : finalStatuses) {
            if (!statuses.contains(status)) {
                throw new IllegalArgumentException("request type " + c.code() + ": final status '" + status
                        + "' is not one of its statuses");
            }
        }
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        for (String t : ConfiguredValues.of(c.transitions())) {
            String[] fromTo = t.split(">");
            if (fromTo.length != 2 || !statuses.contains(fromTo[0].trim()) || !statuses.contains(fromTo[1].trim())) {
                throw new IllegalArgumentException("request type " + c.code() + ": bad transition '" + t + "'");
            }
            transitions.computeIfAbsent(fromTo[0].trim(), k -> new ArrayList<>()).add(fromTo[1].trim());
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("ro", c.name_ro() == null ? c.code() : c.name_ro());
        names.put("en", c.name_en() == null ? names.get("ro") : c.name_en());
        return new RequestType(c.code(), names, c.department().toUpperCase(Locale.ROOT), c.slaDays(), statuses.get(0),
                statuses, transitions, finalStatuses, attributes(c, properties), escalation(c, statuses),
                quality(c), statusNames(c.code(), statuses, properties), caller(c));
    }

    private static RequestType.Caller caller(RequestTypeConfig c) {
        try {
            return RequestType.Caller.parse(c.caller() == null ? "identified" : c.caller());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("request type " + c.code() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The names the type gives its statuses, each from its {@code status.<code> = Romanian / English} property: a
     * status of its own, or a standard one called otherwise here. The others keep the standard names.
     */
    static Map<String, Map<String, String>> statusNames(String type, List<String> statuses, Map<String, ?> properties) {
        Map<String, Map<String, String>> named = new LinkedHashMap<>();
        for (String status : statuses) {
            Object spec = properties.get("status." + status);
            if (spec == null || spec.toString().isBlank()) {
                continue;
            }
            String[] names = spec.toString().split("/", 2);
            if (names[0].isBlank()) {
                throw new IllegalArgumentException("request type " + type + ": status." + status
                        + " must read: Romanian / English");
            }
            named.put(status, Map.of("ro", names[0].strip(), "en", (names.length == 2 ? names[1] : names[0]).strip()));
        }
        return named;
    }

    /** What the work on the type is measured against; see {@link QualityCriteria}. */
    static QualityCriteria quality(RequestTypeConfig c) {
        try {
            return new QualityCriteria(c.quality_firstResponseHours(),
                    c.quality_resolveDays() == 0 ? c.slaDays() : c.quality_resolveDays(), c.quality_maxReopenPercent());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("request type " + c.code() + ": " + e.getMessage(), e);
        }
    }

    /** How the type's deadline is chased; see {@link EscalationRule}. */
    static EscalationRule escalation(RequestTypeConfig c, List<String> statuses) {
        String escalate = c.escalate() == null ? "" : c.escalate().strip().toLowerCase(Locale.ROOT);
        if (!escalate.isEmpty() && !escalate.equals("true") && !escalate.equals("false")) {
            throw new IllegalArgumentException("request type " + c.code() + ": escalate must be true, false or empty");
        }
        String pause = c.pauseStatus() == null || c.pauseStatus().isBlank() ? null : c.pauseStatus().strip();
        if (pause != null && !statuses.contains(pause)) {
            // A type whose workflow has no such status simply never pauses.
            pause = null;
        }
        try {
            return new EscalationRule(c.warnAtPercent(), escalate.isEmpty()
                    ? EscalationRule.defaults(c.code()).escalates() : Boolean.parseBoolean(escalate),
                    c.level2AfterDays(), Role.parse(c.level2Role()), pause);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("request type " + c.code() + ": " + e.getMessage(), e);
        }
    }

    /** The attributes named by {@code attributes}, each read from its {@code attribute.<code>} property. */
    static List<RequestAttribute> attributes(RequestTypeConfig c, Map<String, ?> properties) {
        List<RequestAttribute> attributes = new ArrayList<>();
        for (String code : c.attributes().split(",")) {
            code = code.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("[a-z][a-z0-9_]{0,49}")) {
                throw new IllegalArgumentException("request type " + c.code() + ": attribute code '" + code
                        + "' must be lower-case letters, digits or '_'");
            }
            Object spec = properties.get("attribute." + code);
            if (spec == null) {
                throw new IllegalArgumentException("request type " + c.code() + ": attribute." + code + " is missing");
            }
            attributes.add(attribute(c.code(), code, spec.toString()));
        }
        return attributes;
    }

    private static RequestAttribute attribute(String type, String code, String spec) {
        String[] parts = spec.split("\\|");
        if (parts.length < 4 || !(parts[1].strip().equals("required") || parts[1].strip().equals("optional"))) {
            throw new IllegalArgumentException("request type " + type + ": attribute." + code
                    + " must read: datatype | required or optional | question (ro) | question (en) [| values]");
        }
        RequestAttribute.Datatype datatype;
        try {
            datatype = RequestAttribute.Datatype.parse(parts[0].strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("request type " + type + ": attribute." + code + ": " + e.getMessage(), e);
        }
        List<RequestAttribute.Value> values = new ArrayList<>();
        if (parts.length > 4) {
            for (String value : parts[4].split(",")) {
                String[] keyNames = value.split(":", 2);
                String[] names = keyNames.length == 2 ? keyNames[1].split("/", 2) : new String[0];
                if (names.length == 0 || keyNames[0].isBlank()) {
                    throw new IllegalArgumentException("request type " + type + ": attribute." + code
                            + ": a value must read key: Romanian / English");
                }
                values.add(new RequestAttribute.Value(keyNames[0].strip(), Map.of("ro", names[0].strip(),
                        "en", (names.length == 2 ? names[1] : names[0]).strip())));
            }
        }
        if (datatype.isList() == values.isEmpty()) {
            throw new IllegalArgumentException("request type " + type + ": attribute." + code
                    + (datatype.isList() ? " lists no values" : " has values but is not a list"));
        }
        return new RequestAttribute(code, datatype, parts[1].strip().equals("required"),
                Map.of("ro", parts[2].strip(), "en", parts[3].strip()), values);
    }
}
