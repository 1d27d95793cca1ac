package org.civicdesk.report.monthly.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.notification.api.MailAttachment;
import org.civicdesk.notification.api.StaffMail;
import org.civicdesk.notification.api.StaffMailException;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.report.api.MonthlyReportMail;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportFile;
import org.civicdesk.report.api.ReportFormat;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportRenderer;
import org.civicdesk.report.api.Reports;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly report mail: an hourly cluster job that, once the configured day and hour have come in the city, mails
 * each department head the previous month's reports for their department, one message per head; and the same on
 * demand for a given month ({@link MonthlyReportMail}, the shell's {@code civicdesk:report-mail-monthly}).
 *
 * <p>A head's row in {@code CD_MONTHLY_REPORT_MAIL} is inserted in the transaction that sends their message and
 * committed only once the SMTP server accepted it: a head whose mail failed has no row and is tried again at the next
 * run, and a second run (after a restart, on another node, or from the shell at the same time) finds the row, or
 * waits on it and then finds it, and sends nothing. The reports run as the system, audited like every run.
 */
@Component(service = {Job.class, MonthlyReportMail.class},
        configurationPid = MonthlyReportMailer.PID,
        property = {Job.ID + "=" + MonthlyReportMailer.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=3600000"})
@Designate(ocd = MonthlyReportConfig.class)
public class MonthlyReportMailer implements Job, MonthlyReportMail {
    static final String PID = "org.civicdesk.report.monthly";
    static final String JOB = "report-mail-monthly";
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportMailer.class);
    private static final int MAX_REPORTS_TEXT = 500;

    private final Jdbc jdbc;
    private final Reports reports;
    private final ReportRenderer renderer;
    private final StaffDirectory staff;
    private final StaffMail mail;
    private final CityClock clock;
    private final CityHall city;
    private final Actor system = Actor.system("report-monthly");
    private volatile Settings settings;

    /** The configuration as one value, read once per change. */
    private record Settings(boolean enabled, List<String> reports, ReportFormat format, int dayOfMonth, int hour,
            String language) {
    }

    @Activate
    public MonthlyReportMailer(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference Reports reports, @Reference ReportRenderer renderer, @Reference StaffDirectory staff,
            @Reference StaffMail mail, @Reference CityClock clock, @Reference CityHall city, MonthlyReportConfig config) {
        SchemaMigrations.update(dataSource, MonthlyReportMailer.class);
        this.jdbc = new Jdbc(dataSource);
        this.reports = reports;
        this.renderer = renderer;
        this.staff = staff;
        this.mail = mail;
        this.clock = clock;
        this.city = city;
        modified(config);
    }

    @Modified
    void modified(MonthlyReportConfig config) {
        String language = "en".equals(config.language() == null ? "" : config.language().strip()) ? "en" : "ro";
        this.settings = new Settings(config.enabled(), List.copyOf(ConfiguredValues.of(config.reports())),
                ReportFormat.parse(config.format()), config.dayOfMonth(), config.hour(), language);
    }

    @Override
    public void run(JobContext context) {
        Settings s = settings;
        if (!s.enabled() || !mail.enabled()) {
            // Mail disabled: nothing is recorded, so the month goes out once it is enabled.
            return;
        }
        Optional<YearMonth> due = MonthlySchedule.due(clock.now(), clock.zone(), s.dayOfMonth(), s.hour());
        if (due.isPresent()) {
            Mailing done = mailing(s, due.get());
            if (done.sent() + done.failed() > 0) {
                LOG.info("Monthly reports of {}: {} department heads mailed, {} failed", done.month(), done.sent(),
                        done.failed());
            }
        }
    }

    @Override
    public Mailing send(Actor actor, YearMonth month) {
        if (!actor.isSystem() && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator sends the monthly reports");
        }
        if (month == null || !MonthlySchedule.ended(month, clock.now(), clock.zone())) {
            throw InvalidInputException.of("month", "report.monthEnded");
        }
        if (!mail.enabled()) {
            throw new IllegalStateException("mail is disabled (enabled in etc/org.civicdesk.notification.cfg): "
                    + "nothing was sent");
        }
        return mailing(settings, month);
    }

    /** Mails {@code month} to every head without a row for it; counts what happened. */
    private Mailing mailing(Settings s, YearMonth month) {
        List<Report> chosen = new ArrayList<>();
        for (String id : s.reports()) {
            // Not installed, or not one a department narrows: left out, as the configuration's description says.
            reports.get(id).filter(r -> r.parameters().stream().anyMatch(p -> ReportParameters.DEPARTMENT.equals(p.id())))
                    .ifPresent(chosen::add);
        }
        List<String> ids = chosen.stream().map(Report::id).toList();
        if (chosen.isEmpty()) {
            return new Mailing(month, 0, 0, 0, ids);
        }
        Set<String> done = alreadySent(month);
        int sent = 0;
        int already = 0;
        int failed = 0;
        for (StaffAccount head : heads()) {
            if (done.contains(head.username())) {
                already++;
                continue;
            }
            switch (mailHead(s, month, head, chosen)) {
                case SENT -> sent++;
                case ALREADY -> already++;
                default -> failed++;
            }
        }
        return new Mailing(month, sent, already, failed, ids);
    }

    private enum Outcome { SENT, ALREADY, FAILED }

    /** The department heads: enabled supervisors with a department and an e-mail address. */
    private List<StaffAccount> heads() {
        return staff.list().stream().filter(a -> a.enabled() && a.roles().contains(Role.SUPERVISOR))
                .filter(a -> a.department() != null && !a.department().isBlank())
                .filter(a -> a.email() != null && !a.email().isBlank()).toList();
    }

    private Set<String> alreadySent(YearMonth month) {
        return new HashSet<>(jdbc.query("reading the monthly report mail already sent",
                "SELECT USERNAME FROM CD_MONTHLY_REPORT_MAIL WHERE REPORT_MONTH = ?", rs -> rs.getString(1), 0,
                month.toString()));
    }

    private Outcome mailHead(Settings s, YearMonth month, StaffAccount head, List<Report> chosen) {
        String department = head.department();
        List<MailAttachment> files = new ArrayList<>();
        List<MonthlyMessage.Item> items = new ArrayList<>();
        try {
            ReportParameters parameters = new ReportParameters(month.atDay(1), month.atEndOfMonth(),
                    Map.of(ReportParameters.DEPARTMENT, department));
            for (Report report : chosen) {
                ReportFile file = renderer.render(report, parameters, reports.run(system, report.id(), parameters),
                        s.format(), s.language());
                files.add(new MailAttachment(file.fileName(), file.contentType(), file.content()));
                items.add(new MonthlyMessage.Item(report.name(s.language()), file.fileName()));
            }
        } catch (RuntimeException e) {
            // The department and the failure's kind only: no name, no address in the log.
            LOG.warn("Monthly reports of {} for the head of department {} not made ({}); tried again at the next run",
                    month, department, e.getClass().getSimpleName());
            return Outcome.FAILED;
        }
        String departmentName = staff.department(department).map(Department::name).orElse(null);
        MonthlyMessage message = MonthlyMessage.of(s.language(), city.name(s.language()), month, department, departmentName,
                items);
        String sentReports = String.join(",", chosen.stream().map(Report::id).toList());
        try {
            jdbc.inTransaction(c -> {
                // The row first: a concurrent run waits on it here, and finds it once this one commits.
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_MONTHLY_REPORT_MAIL (REPORT_MONTH, "
                        + "USERNAME, DEPARTMENT, REPORTS, SENT_MS) VALUES (?, ?, ?, ?, ?)")) {
                    Jdbc.bind(ps, month.toString(), head.username(), department,
                            sentReports.length() > MAX_REPORTS_TEXT ? sentReports.substring(0, MAX_REPORTS_TEXT)
                                    : sentReports, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                mail.send(head.username(), message.subject(), message.body(), files);
                return null;
            });
            return Outcome.SENT;
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return Outcome.ALREADY;
            }
            LOG.warn("Monthly reports of {} for the head of department {} not recorded (SQLState {}); tried again at the "
                    + "next run", month, department, e.getSQLState());
            return Outcome.FAILED;
        } catch (StaffMailException e) {
            // Its message names no one (see StaffMailException).
            LOG.warn("Monthly reports of {} for the head of department {} not sent: {} ({}); tried again at the next run",
                    month, department, e.getMessage(), e.reason());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            LOG.warn("Monthly reports of {} for the head of department {} not sent ({}); tried again at the next run",
                    month, department, e.getClass().getSimpleName());
            return Outcome.FAILED;
        }
    }
}
