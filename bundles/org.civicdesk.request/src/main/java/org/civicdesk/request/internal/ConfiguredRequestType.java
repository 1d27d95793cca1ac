package org.civicdesk.request.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    private final RequestType type;

    @Activate
    public ConfiguredRequestType(RequestTypeConfig config) {
        this.type = toType(config);
    }

    RequestType type() {
        return type;
    }

    static RequestType toType(RequestTypeConfig c) {
        if (c.code() == null || !c.code().matches("[a-z][a-z0-9_-]{1,49}")) {
            throw new IllegalArgumentException("request type code must be 2-50 lower-case letters, digits, '_' or '-'");
        }
        if (c.statuses().length == 0) {
            throw new IllegalArgumentException("request type " + c.code() + " has no statuses");
        }
        List<String> statuses = List.of(c.statuses());
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        for (String t : c.transitions()) {
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
                statuses, transitions, Set.of(c.finalStatuses()));
    }
}
