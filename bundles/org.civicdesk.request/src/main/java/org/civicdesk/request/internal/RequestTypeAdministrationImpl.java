package org.civicdesk.request.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeAdministration;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.RequestTypeSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Saves a request type as its factory configuration: a change through Configuration Admin (Karaf writes it back into
 * the type's file in {@code etc/}), a new type as a new file there; {@link ConfiguredRequestType} puts either in force as
 * it does a file written by hand. The settings are checked first with the same reading of the configuration, so that a
 * refused one changes nothing.
 */
@Component
public class RequestTypeAdministrationImpl implements RequestTypeAdministration {
    /** How long a saved type is waited for in the catalog. */
    private static final long IN_FORCE_MILLIS = 15_000;
    private static final int MAX_NAME = 200;
    /** A status's code, as the API and the configuration write it. */
    private static final String STATUS = "[a-z][a-z0-9_]{1,39}";
    /** The statuses the console and the robot name without the type's help. */
    private static final Set<String> STANDARD_STATUSES = Set.of("registered", "assigned", "in_progress",
            "waiting_for_citizen", "resolved", "rejected", "closed");

    private final ConfigurationAdmin configurations;
    private final RequestTypeCatalog types;
    private final StaffDirectory staff;
    private final AuditLog audit;

    @Activate
    public RequestTypeAdministrationImpl(@Reference ConfigurationAdmin configurations, @Reference RequestTypeCatalog types,
            @Reference StaffDirectory staff, @Reference AuditLog audit) {
        this.configurations = configurations;
        this.types = types;
        this.staff = staff;
        this.audit = audit;
    }

    @Override
    public RequestType save(Actor actor, RequestTypeSettings settings) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator changes request types");
        }
        String code = settings.code();
        if (code == null || !code.matches(ConfiguredRequestType.CODE)) {
            throw InvalidInputException.of("code", "requestType.code");
        }
        String nameRo = TextInput.line("names.ro", settings.names().get("ro"), MAX_NAME);
        String nameEn = TextInput.line("names.en", settings.names().get("en"), MAX_NAME);
        if (nameRo == null || nameRo.isBlank()) {
            throw InvalidInputException.of("names.ro", "requestType.nameRo");
        }
        String department = settings.department() == null ? "" : settings.department().strip().toUpperCase(Locale.ROOT);
        if (staff.departments().stream().noneMatch(d -> d.code().equals(department))) {
            throw InvalidInputException.of("department", "staff.departmentUnknown", TextInput.line("department", department, 50));
        }
        if (settings.caller() == null || settings.level2Role() == null) {
            throw InvalidInputException.of(settings.caller() == null ? "caller" : "level2Role", "requestType.choose");
        }
        Optional<Configuration> configuration = configuration(code);
        Map<String, Object> properties = new HashMap<>();
        configuration.map(Configuration::getProperties).ifPresent(stored ->
                Collections.list(stored.keys()).forEach(key -> properties.put(key, stored.get(key))));
        properties.put("code", code);
        properties.put("name.ro", nameRo.strip());
        properties.put("name.en", nameEn == null || nameEn.isBlank() ? nameRo.strip() : nameEn.strip());
        properties.put("department", department);
        properties.put("slaDays", Integer.toString(settings.slaDays()));
        properties.put("caller", settings.caller().id());
        properties.put("warnAtPercent", Integer.toString(settings.warnAtPercent()));
        properties.put("escalate", Boolean.toString(settings.escalates()));
        properties.put("level2AfterDays", Integer.toString(settings.level2AfterDays()));
        properties.put("level2Role", settings.level2Role().id());
        if (settings.workflow() != null) {
            // The names the workflow gives are all its statuses have: one cleared goes back to the standard name.
            properties.keySet().removeIf(key -> key.startsWith("status."));
            properties.putAll(workflowProperties(settings.workflow(), types.find(code)));
        }
        // Said in the administrator's language before the type's own check, which only a hand-edited file meets.
        if (settings.slaDays() < 1 || settings.slaDays() > ConfiguredRequestType.MAX_SLA_DAYS) {
            throw InvalidInputException.of("slaDays", "requestType.slaDays");
        }
        RequestType expected;
        try {
            expected = ConfiguredRequestType.toType(ConfigurationView.of(RequestTypeConfig.class, properties), properties);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, e.getMessage());
        }
        try {
            if (configuration.isPresent()) {
                // Karaf writes the change back into the type's file in etc/, keeping its comments.
                configuration.get().update(new Hashtable<>(properties));
            } else {
                writeNewType(code, properties);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the configuration of request type " + code + " could not be saved", e);
        }
        audit.record(new AuditEvent(actor.username(), "requesttype.save", "configuration", "requesttype", code,
                "department=" + department + " slaDays=" + settings.slaDays() + " caller=" + settings.caller().id()
                        + " escalates=" + settings.escalates()
                        + (settings.workflow() == null ? "" : " statuses=" + properties.get("statuses"))));
        return awaitInForce(expected);
    }

    /**
     * The configuration of a workflow, checked: codes as the API writes them, each transition and final status between
     * the type's statuses, every status reachable from the first and, unless final, left by a transition (no request may
     * be stranded), every status the type had still there, and a status of its own named in Romanian.
     */
    static Map<String, Object> workflowProperties(RequestTypeSettings.Workflow workflow, Optional<RequestType> current) {
        List<String> statuses = workflow.statuses();
        if (statuses.isEmpty()) {
            throw InvalidInputException.of("workflow.statuses", "workflow.statuses");
        }
        Set<String> seen = new HashSet<>();
        for (String status : statuses) {
            if (status == null || !status.matches(STATUS) || !seen.add(status)) {
                throw InvalidInputException.of("workflow.statuses", "workflow.statusCode",
                        TextInput.line("status", String.valueOf(status), 50));
            }
        }
        if (current.isPresent()) {
            for (String kept : current.get().statuses()) {
                if (!seen.contains(kept)) {
                    throw InvalidInputException.of("workflow.statuses", "workflow.statusStays", kept);
                }
            }
        }
        List<String> transitions = new ArrayList<>();
        workflow.transitions().forEach((from, targets) -> targets.forEach(to -> {
            if (!seen.contains(from) || !seen.contains(to) || from.equals(to)) {
                throw InvalidInputException.of("workflow.transitions", "workflow.transition", TextInput.line("from", from, 50),
                        TextInput.line("to", to, 50));
            }
            transitions.add(from + ">" + to);
        }));
        if (workflow.finalStatuses().isEmpty() || !seen.containsAll(workflow.finalStatuses())) {
            throw InvalidInputException.of("workflow.finalStatuses", "workflow.finalStatuses");
        }
        for (String status : statuses) {
            if (!workflow.finalStatuses().contains(status) && workflow.transitions().getOrDefault(status, List.of()).isEmpty()) {
                throw InvalidInputException.of("workflow.transitions", "workflow.stranded", status);
            }
        }
        Set<String> reached = new HashSet<>(List.of(statuses.get(0)));
        ArrayDeque<String> next = new ArrayDeque<>(reached);
        while (!next.isEmpty()) {
            for (String to : workflow.transitions().getOrDefault(next.poll(), List.of())) {
                if (reached.add(to)) {
                    next.add(to);
                }
            }
        }
        for (String status : statuses) {
            if (!reached.contains(status)) {
                throw InvalidInputException.of("workflow.transitions", "workflow.unreachable", status, statuses.get(0));
            }
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("statuses", String.join(", ", statuses));
        properties.put("transitions", String.join(", ", transitions));
        properties.put("finalStatuses", String.join(", ", workflow.finalStatuses().stream()
                .sorted(Comparator.comparingInt(statuses::indexOf)).toList()));
        for (String status : statuses) {
            Map<String, String> names = workflow.statusNames().getOrDefault(status, Map.of());
            String ro = TextInput.line("workflow.statusNames." + status + ".ro", names.get("ro"), MAX_NAME);
            String en = TextInput.line("workflow.statusNames." + status + ".en", names.get("en"), MAX_NAME);
            if (ro == null || ro.isBlank()) {
                if (!STANDARD_STATUSES.contains(status)) {
                    throw InvalidInputException.of("workflow.statusNames." + status + ".ro", "workflow.statusName");
                }
                continue;
            }
            if (ro.contains("/") || en != null && en.contains("/")) {
                throw InvalidInputException.of("workflow.statusNames." + status, "workflow.slash");
            }
            properties.put("status." + status, ro.strip() + " / " + (en == null || en.isBlank() ? ro : en).strip());
        }
        return properties;
    }

    /** The type's configuration, where it has one. */
    private Optional<Configuration> configuration(String code) {
        try {
            Configuration[] found = configurations.listConfigurations("(&(service.factoryPid="
                    + ConfiguredRequestType.FACTORY_PID + ")(code=" + code + "))");
            return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("the configuration of request type " + code + " could not be read", e);
        }
    }

    /**
     * A new type is written as the file an administrator would write, {@code etc/org.civicdesk.request.type-<code>.cfg}
     * (UTF-8, whole or not at all): Karaf makes it a configuration, as for a file written by hand.
     */
    private void writeNewType(String code, Map<String, Object> properties) throws IOException {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        Path file = etc.resolve(ConfiguredRequestType.FACTORY_PID + "-" + code + ".cfg");
        Properties written = new Properties();
        properties.forEach((key, value) -> written.setProperty(key, String.valueOf(value)));
        Path partial = Files.createTempFile(etc, ".request-type-" + code, ".tmp");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            written.store(out, " Request type \"" + code + "\", added from the console or the shell"
                    + " (civicdesk:request-type-save). Edit it there or here.");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Configuration Admin hands the change to the type's component on its own thread: the catalog has it soon after. */
    private RequestType awaitInForce(RequestType expected) {
        long deadline = System.currentTimeMillis() + IN_FORCE_MILLIS;
        while (true) {
            Optional<RequestType> now = types.find(expected.code());
            if (now.isPresent() && now.get().equals(expected)) {
                return now.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("request type " + expected.code() + " was saved but is not in force yet");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while request type " + expected.code() + " came in force", e);
            }
        }
    }
}
