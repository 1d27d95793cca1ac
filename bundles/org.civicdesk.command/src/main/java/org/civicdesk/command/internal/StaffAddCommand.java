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
import org.civicdesk.identity.api.NewStaffAccount;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;

@Service
@Command(scope = "civicdesk", name = "staff-add", description = "Creates a staff account (asks for the password)")
public class StaffAddCommand implements Action {
    @Reference
    StaffDirectory staff;
    @Reference
    Session session;

    @Argument(index = 0, name = "username", required = true, description = "Login name, lower case")
    String username;
    @Argument(index = 1, name = "displayName", required = true, description = "Full name, quoted")
    String displayName;
    @Option(name = "--role", aliases = "-r", multiValued = true, required = true,
            description = "operator, employee, supervisor, admin or dpo (repeat for several)")
    List<String> roles;
    @Option(name = "--department", aliases = "-d", description = "Department code")
    @Completion(Completers.DepartmentCodes.class)
    String department;
    @Option(name = "--email", description = "Work e-mail")
    String email;
    @Option(name = "--password", description = "The password (prompted for when absent; avoid on shared terminals)")
    String password;

    @Override
    public Object execute() throws Exception {
        ShellText text = ShellText.of(session, getClass());
        Set<Role> parsed = Role.parseAll(roles);
        StaffAccount created = staff.create(ShellActor.current(staff), new NewStaffAccount(username, displayName, email,
                department == null ? null : department.toUpperCase(Locale.ROOT), parsed,
                PasswordPrompt.read(session, password)));
        System.out.println(text.say("staff.created", created.username(), created.displayName()));
        return null;
    }
}
