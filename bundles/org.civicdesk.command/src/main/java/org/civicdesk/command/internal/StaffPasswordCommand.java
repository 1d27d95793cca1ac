package org.civicdesk.command.internal;

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
import org.civicdesk.identity.api.StaffDirectory;

@Service
@Command(scope = "civicdesk", name = "staff-password", description = "Resets a staff member's password")
public class StaffPasswordCommand implements Action {
    @Reference
    StaffDirectory staff;
    @Reference
    Session session;

    @Argument(index = 0, name = "username", required = true)
    @Completion(Completers.StaffNames.class)
    String username;
    @Option(name = "--password", description = "The new password (prompted for when absent)")
    String password;

    @Override
    public Object execute() throws Exception {
        ShellText text = ShellText.of(session, getClass());
        staff.resetPassword(ShellActor.current(staff), username, PasswordPrompt.read(session, password));
        System.out.println(text.say("staff.passwordReset", username));
        return null;
    }
}
