package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.StaffDirectory;

/** Department commands; small enough to share one file. */
public final class DepartmentCommands {
    private DepartmentCommands() {
    }

    @Service
    @Command(scope = "civicdesk", name = "department-list", description = "Lists departments")
    public static class List implements Action {
        @Reference
        Session session;
        @Reference
        StaffDirectory staff;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            ShellTable table = new ShellTable();
            table.column(text.say("column.code"));
            table.column(text.say("column.name"));
            for (Department d : staff.departments()) {
                table.addRow().addContent(d.code(), d.name());
            }
            table.print(System.out);
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "department-save", description = "Creates or renames a department")
    public static class Save implements Action {
        @Reference
        Session session;
        @Reference
        StaffDirectory staff;

        @Argument(index = 0, name = "code", required = true, description = "Upper-case code, e.g. ROADS")
        String code;
        @Argument(index = 1, name = "name", required = true, description = "Display name, quoted")
        String name;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            Department saved = staff.saveDepartment(ShellActor.current(staff), new Department(code, name));
            System.out.println(text.say("department.saved", saved.code(), saved.name()));
            return null;
        }
    }
}
