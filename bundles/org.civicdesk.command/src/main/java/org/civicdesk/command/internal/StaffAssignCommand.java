package org.civicdesk.command.internal;

import java.util.List;
import java.util.Locale;
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
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;

/** The shell's way to do what the console's staff screen does: give an account its roles and department. */
@Service
@Command(scope = "civicdesk", name = "staff-assign",
        description = "Gives a staff account its roles and department (replacing the ones it had)")
public class StaffAssignCommand implements Action {
    @Reference
    Session session;
    @Reference
    StaffDirectory staff;

    @Argument(index = 0, name = "username", required = true)
    @Completion(Completers.StaffNames.class)
    String username;
    @Option(name = "--role", aliases = "-r", multiValued = true, required = true,
            description = "operator, employee, supervisor, admin, dpo or contractor (repeat for several)")
    List<String> roles;
    @Option(name = "--department", aliases = "-d", description = "Department code (none when absent)")
    @Completion(Completers.DepartmentCodes.class)
    String department;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        Set<Role> parsed = Role.parseAll(roles);
        StaffAccount changed = staff.assign(ShellActor.current(staff), username,
                department == null ? null : department.toUpperCase(Locale.ROOT), parsed);
        String roles = changed.roles().stream().map(Role::id).sorted().toList().toString();
        System.out.println(changed.department() == null ? text.say("staff.roles", changed.username(), roles)
                : text.say("staff.rolesIn", changed.username(), roles, changed.department()));
        return null;
    }
}
