package org.civicdesk.report.command.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportFile;
import org.civicdesk.report.api.ReportFormat;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportRenderer;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.civicdesk.report.api.Reports;

/**
 * {@code civicdesk:report-run --from --to [--department] [--format csv|xlsx|pdf] [--out FILE] ID}: runs a report
 * (audited like every run) and prints it as a table, or writes it as a file. The options come before the id:
 * Karaf's shell reads what follows the first argument as arguments.
 */
@Service
@Command(scope = "civicdesk", name = "report-run", description = "Runs a report and prints it, or writes it as a file")
public class ReportRunCommand implements Action {
    @Reference
    Session session;
    @Reference
    Reports reports;
    @Reference
    ReportRenderer renderer;
    @Reference
    StaffDirectory staff;

    @Argument(name = "id", description = "The report's id (see report-list)", required = true)
    @Completion(ReportIdCompleter.class)
    String id;

    @Option(name = "--from", description = "The first day, YYYY-MM-DD", required = true)
    String from;

    @Option(name = "--to", description = "The last day, YYYY-MM-DD (default: the first)")
    String to;

    @Option(name = "--department", description = "Only this department's figures")
    String department;

    @Option(name = "--format", description = "csv, xlsx or pdf: write a file instead of printing")
    String format;

    @Option(name = "--out", description = "The file to write (default: <id>_<from>_<to>.<format> here)")
    String out;

    @Option(name = "--lang", description = "ro or en (default ro)")
    String lang = "ro";

    @Override
    public Object execute() throws Exception {
        ShellText text = ShellText.of(session, getClass());
        Actor actor = ShellActor.current(staff);
        ReportFormat fileFormat = format == null ? null : ReportFormat.parse(format);
        Map<String, String> others = new LinkedHashMap<>();
        if (department != null) {
            others.put(ReportParameters.DEPARTMENT, department);
        }
        ReportParameters parameters = ReportParameters.parse(from, to == null ? from : to, others);
        Report report = reports.get(id).orElseThrow(() -> new NotFoundException("no report '" + id + "' is installed"));
        ReportResult result = reports.run(actor, id, parameters);
        if (fileFormat == null) {
            System.out.println(report.name(lang) + " — " + parameters.period());
            print(result.columns(), result.rows());
            for (ReportTable detail : result.details()) {
                System.out.println();
                System.out.println(detail.name(lang));
                print(detail.columns(), detail.rows());
            }
            return null;
        }
        ReportFile file = renderer.render(report, parameters, result, fileFormat, lang);
        Path target = Path.of(out == null ? file.fileName() : out);
        Files.write(target, file.content());
        System.out.println(text.say("report.written", target.toAbsolutePath(), file.content().length));
        return null;
    }

    private void print(List<Column> columns, List<List<Object>> rows) {
        ShellTable table = new ShellTable();
        columns.forEach(c -> table.column(c.name(lang)));
        for (List<Object> row : rows) {
            table.addRow().addContent(row.stream().map(v -> v == null ? "" : v instanceof LocalDate d ? d.toString()
                    : v instanceof Double n ? String.format(Locale.ROOT, "%.2f", n) : v).toList());
        }
        table.print(System.out);
    }
}
