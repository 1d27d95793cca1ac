package org.civicdesk.command.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeAdministration;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.RequestTypeSettings;

/** The shell's twin of the console's request type form: what is not given stays as it is. */
@Service
@Command(scope = "civicdesk", name = "request-type-save",
        description = "Adds a request type or changes its names, department, deadline, callers or escalation (audited)")
public class RequestTypeSaveCommand implements Action {
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

    @Override
    public Object execute() {
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
                level2Role == null ? now.level2Role() : Role.parse(level2Role)));
        System.out.println("Saved " + saved.code() + " — " + saved.name("ro") + " (" + saved.department() + ", "
                + saved.slaDays() + " working days)");
        return null;
    }
}
