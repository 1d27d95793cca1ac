package org.civicdesk.command.internal;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;

@Service
@Command(scope = "civicdesk", name = "staff-list", description = "Lists staff accounts")
public class StaffListCommand implements Action {
    @Reference
    Session session;
    @Reference
    StaffDirectory staff;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        ShellTable table = new ShellTable();
        table.column(text.say("column.user"));
        table.column(text.say("column.name"));
        table.column(text.say("column.departmentName"));
        table.column(text.say("column.roles"));
        table.column(text.say("column.email"));
        table.column(text.say("column.enabled"));
        for (StaffAccount a : staff.list()) {
            table.addRow().addContent(a.username(), a.displayName(), Tables.nvl(a.department()),
                    a.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")), Tables.nvl(a.email()),
                    text.say(a.enabled() ? "yes" : "no"));
        }
        table.print(System.out);
        return null;
    }
}
