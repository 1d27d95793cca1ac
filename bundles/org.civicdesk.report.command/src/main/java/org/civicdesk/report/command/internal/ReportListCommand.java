package org.civicdesk.report.command.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.Reports;

/** {@code civicdesk:report-list}: the reports the shell's user may run. */
@Service
@Command(scope = "civicdesk", name = "report-list", description = "Lists the installed reports you may run")
public class ReportListCommand implements Action {
    @Reference
    Reports reports;
    @Reference
    StaffDirectory staff;

    @Option(name = "--lang", description = "ro or en (default ro)")
    String lang = "ro";

    @Override
    public Object execute() {
        List<Report> available = reports.available(ShellActor.current(staff));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Parameters");
        table.column("Roles");
        for (Report r : available) {
            table.addRow().addContent(r.id(), r.name(lang), r.parameters().stream()
                    .map(p -> p.required() ? p.id() : "[" + p.id() + "]").collect(Collectors.joining(" ")),
                    r.roles().stream().map(role -> role.id()).sorted().collect(Collectors.joining(",")));
        }
        table.print(System.out);
        System.out.println(available.size() + " reports");
        return null;
    }
}
