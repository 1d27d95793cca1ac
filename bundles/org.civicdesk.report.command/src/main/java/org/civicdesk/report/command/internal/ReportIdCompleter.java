package org.civicdesk.report.command.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.Reports;

/** Completes the ids of the reports the shell's user may run. */
@Service
public class ReportIdCompleter implements Completer {
    @Reference
    Reports reports;
    @Reference
    StaffDirectory staff;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        try {
            reports.available(ShellActor.current(staff)).stream().map(Report::id).forEach(ids.getStrings()::add);
        } catch (RuntimeException e) {
            // Nobody to complete for (no logged-in staff member): offer nothing.
        }
        return ids.complete(session, commandLine, candidates);
    }
}
