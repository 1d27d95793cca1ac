package org.civicdesk.command.internal;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;

@Service
@Command(scope = "civicdesk", name = "staff-list", description = "Lists staff accounts")
public class StaffListCommand implements Action {
    @Reference
    StaffDirectory staff;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Name");
        table.column("Department");
        table.column("Roles");
        table.column("E-mail");
        table.column("Enabled");
        for (StaffAccount a : staff.list()) {
            table.addRow().addContent(a.username(), a.displayName(), Tables.nvl(a.department()),
                    a.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")), Tables.nvl(a.email()),
                    a.enabled() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }
}
