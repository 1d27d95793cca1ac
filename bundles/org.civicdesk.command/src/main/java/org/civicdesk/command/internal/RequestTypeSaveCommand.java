package org.civicdesk.command.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeAdministration;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.RequestTypeSettings;
import org.civicdesk.request.api.RequestTypeSettings.Workflow;

/** The shell's twin of the console's request type form: what is not given stays as it is. */
@Service
@Command(scope = "civicdesk", name = "request-type-save",
        description = "Adds a request type or changes its names, department, deadline, callers or escalation (audited)")
public class RequestTypeSaveCommand implements Action {
    @Reference
    Session session;
    @Reference
    RequestTypeAdministration administration;
    @Reference
    RequestTypeCatalog types;
    @Reference
    StaffDirectory staff;

    @Argument(index = 0, name = "code", required = true, description = "The type's code, e.g. pothole")
    String code;
    @Option(name = "--name-ro", description = "Name in Romanian (required for a new type)")
    String nameRo;
    @Option(name = "--name-en", description = "Name in English")
    String nameEn;
    @Option(name = "--department", description = "Code of the department that answers it (required for a new type)")
    @Completion(Completers.DepartmentCodes.class)
    String department;
    @Option(name = "--sla-days", description = "Working days to resolve it")
    Integer slaDays;
    @Option(name = "--caller", description = "Whom staff may file it for: identified, anonymous or contact")
    String caller;
    @Option(name = "--warn-at-percent", description = "Share of the deadline at which the assignee is warned (0 never)")
    Integer warnAtPercent;
    @Option(name = "--escalates", description = "Whether a request past its deadline escalates: true or false")
    Boolean escalates;
    @Option(name = "--level2-after-days", description = "Working days past the deadline before level 2")
    Integer level2AfterDays;
    @Option(name = "--level2-role", description = "The role told at level 2, e.g. admin or supervisor")
    String level2Role;
    @Option(name = "--statuses", description = "The workflow's statuses, comma separated, the first where requests start; "
            + "the type's statuses stay")
    String statuses;
    @Option(name = "--transitions", description = "The changes allowed, comma separated from>to, in quotes (the shell "
            + "takes a bare > for a redirection), e.g. \"in_progress>on_site,on_site>resolved\"")
    String transitions;
    @Option(name = "--final-statuses", description = "The statuses in which a request is done, comma separated")
    String finalStatuses;
    @Option(name = "--status-name", multiValued = true, description = "What the type calls a status: code=Romanian/English "
            + "(repeat it for each)")
    List<String> statusNames;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        RequestTypeSettings now = types.find(code).map(RequestTypeSettings::of).orElse(new RequestTypeSettings(code,
                Map.of(), null, 30, RequestType.Caller.IDENTIFIED, 75, true, 5, Role.ADMIN));
        Map<String, String> names = new HashMap<>(now.names());
        if (nameRo != null) {
            names.put("ro", nameRo);
        }
        if (nameEn != null) {
            names.put("en", nameEn);
        }
        RequestType saved = administration.save(ShellActor.current(staff), new RequestTypeSettings(code, names,
                department == null ? now.department() : department, slaDays == null ? now.slaDays() : slaDays,
                caller == null ? now.caller() : RequestType.Caller.parse(caller),
                warnAtPercent == null ? now.warnAtPercent() : warnAtPercent, escalates == null ? now.escalates() : escalates,
                level2AfterDays == null ? now.level2AfterDays() : level2AfterDays,
                level2Role == null ? now.level2Role() : Role.parse(level2Role), workflow(now.workflow())));
        System.out.println(text.say("type.saved", saved.code(), saved.name(ShellText.language(session)),
                saved.department(), saved.slaDays()));
        return null;
    }

    /** The workflow as changed by the options given, or {@code null} (kept) when none is. */
    private Workflow workflow(Workflow now) {
        if (statuses == null && transitions == null && finalStatuses == null && statusNames == null) {
            return null;
        }
        Workflow base = now == null ? new Workflow(List.of(), Map.of(), Set.of(), Map.of()) : now;
        Map<String, List<String>> next = base.transitions();
        if (transitions != null) {
            next = new LinkedHashMap<>();
            for (String transition : ConfiguredValues.of(transitions)) {
                String[] fromTo = transition.split(">", 2);
                if (fromTo.length != 2) {
                    throw InvalidInputException.of("transitions", "command.transition", transition);
                }
                next.computeIfAbsent(fromTo[0], k -> new ArrayList<>()).add(fromTo[1]);
            }
        }
        Map<String, Map<String, String>> names = new LinkedHashMap<>(base.statusNames());
        for (String given : statusNames == null ? List.<String>of() : statusNames) {
            String[] codeNames = given.split("=", 2);
            if (codeNames.length != 2) {
                throw InvalidInputException.of("status-name", "command.statusName", given);
            }
            String[] roEn = codeNames[1].split("/", 2);
            names.put(codeNames[0].strip(), Map.of("ro", roEn[0].strip(), "en", (roEn.length == 2 ? roEn[1] : roEn[0]).strip()));
        }
        return new Workflow(statuses == null ? base.statuses() : List.copyOf(ConfiguredValues.of(statuses)), next,
                finalStatuses == null ? base.finalStatuses() : ConfiguredValues.of(finalStatuses), names);
    }
}
