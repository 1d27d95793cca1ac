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
@Command(scope = "civicdesk", name = "staff-disable",
        description = "Disables a staff account (it can no longer log in); --enable re-enables it")
public class StaffEnableCommand implements Action {
    @Reference
    Session session;
    @Reference
    StaffDirectory staff;

    @Argument(index = 0, name = "username", required = true)
    @Completion(Completers.StaffNames.class)
    String username;
    @Option(name = "--enable", description = "Enable the account again")
    boolean enable;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        staff.setEnabled(ShellActor.current(staff), username, enable);
        System.out.println(text.say(enable ? "staff.enabled" : "staff.disabled", username));
        return null;
    }
}
