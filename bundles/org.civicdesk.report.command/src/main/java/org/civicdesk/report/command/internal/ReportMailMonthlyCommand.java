package org.civicdesk.report.command.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.report.api.MonthlyReportMail;

/**
 * {@code civicdesk:report-mail-monthly [--month YYYY-MM]}: mails a month's reports now to the department heads who
 * have not had them (by default last month's), as the monthly job does on its day; an administrator's way to send a
 * month again after an outage or to try the setup. Present while the monthly report mail is installed.
 */
@Service
@Command(scope = "civicdesk", name = "report-mail-monthly",
        description = "Mails a month's reports now to the department heads who have not had them yet")
public class ReportMailMonthlyCommand implements Action {
    @Reference
    Session session;
    @Reference
    MonthlyReportMail monthly;
    @Reference
    StaffDirectory staff;
    @Reference
    CityClock clock;

    @Option(name = "--month", description = "The month, YYYY-MM (default: last month in the city)")
    String month;

    @Override
    public Object execute() throws Exception {
        ShellText text = ShellText.of(session, getClass());
        YearMonth which;
        try {
            which = month == null ? YearMonth.from(clock.today()).minusMonths(1) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "report.month");
        }
        MonthlyReportMail.Mailing done = monthly.send(ShellActor.current(staff), which);
        System.out.println(text.say("report.mailed", done.month(), String.join(", ", done.reports()), done.sent(),
                done.alreadySent(), done.failed()));
        return null;
    }
}
