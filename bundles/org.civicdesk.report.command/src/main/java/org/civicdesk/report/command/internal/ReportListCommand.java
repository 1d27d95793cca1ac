package org.civicdesk.report.command.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.Reports;

/** {@code civicdesk:report-list}: the reports the shell's user may run. */
@Service
@Command(scope = "civicdesk", name = "report-list", description = "Lists the installed reports you may run")
public class ReportListCommand implements Action {
    @Reference
    Session session;
    @Reference
    Reports reports;
    @Reference
    StaffDirectory staff;

    @Option(name = "--lang", description = "ro or en (default ro)")
    String lang = "ro";

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        List<Report> available = reports.available(ShellActor.current(staff));
        ShellTable table = new ShellTable();
        table.column(text.say("column.id"));
        table.column(text.say("column.name"));
        table.column(text.say("column.parameters"));
        table.column(text.say("column.roles"));
        for (Report r : available) {
            table.addRow().addContent(r.id(), r.name(lang), r.parameters().stream()
                    .map(p -> p.required() ? p.id() : "[" + p.id() + "]").collect(Collectors.joining(" ")),
                    r.roles().stream().map(role -> role.id()).sorted().collect(Collectors.joining(",")));
        }
        table.print(System.out);
        System.out.println(text.say("reports.available", available.size()));
        return null;
    }
}
