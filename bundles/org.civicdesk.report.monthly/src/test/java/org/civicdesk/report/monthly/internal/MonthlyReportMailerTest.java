package org.civicdesk.report.monthly.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.NewStaffAccount;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.notification.api.MailAttachment;
import org.civicdesk.notification.api.StaffMail;
import org.civicdesk.notification.api.StaffMailException;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.MonthlyReportMail.Mailing;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportFile;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.Reports;
import org.junit.Before;
import org.junit.Test;

/** The job and the on-demand mailing against fakes of the services and the bundle's table on Derby. */
public class MonthlyReportMailerTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");

    private record Sent(String username, String subject, String body, List<MailAttachment> files) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> runs = new ArrayList<>();
    private boolean mailEnabled = true;
    private Instant now = city("2026-12-01T07:00");
    private EmbeddedDataSource derby;

    private static Instant city(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant();
    }

    private static AbstractReport report(String id, boolean byDepartment) {
        return new AbstractReport(id, "Raport " + id, "Report " + id, Set.of(Role.ADMIN, Role.SUPERVISOR)) {
            @Override
            public List<ReportParameter> parameters() {
                return byDepartment ? PERIOD_AND_DEPARTMENT : PERIOD;
            }

            @Override
            public ReportResult run(Actor actor, ReportParameters parameters) {
                throw new UnsupportedOperationException("Reports.run is faked");
            }
        };
    }

    private final Map<String, Report> installed = Map.of("requests-by-type", report("requests-by-type", true),
            "sla-compliance", report("sla-compliance", true), "audit-reads", report("audit-reads", false));

    private final Reports reports = new Reports() {
        @Override
        public List<Report> available(Actor actor) {
            return List.copyOf(installed.values());
        }

        @Override
        public Optional<Report> get(String id) {
            return Optional.ofNullable(installed.get(id));
        }

        @Override
        public ReportResult run(Actor actor, String id, ReportParameters parameters) {
            assertTrue(actor.isSystem());
            runs.add(id + " " + parameters.period() + " " + parameters.department());
            return new ReportResult(List.of(Column.of("n", "Număr", "Count", Column.Type.INTEGER)), List.of());
        }
    };

    private static StaffAccount account(String username, String department, String email, boolean enabled, Role role) {
        return new StaffAccount(username, "Nume " + username, email, department, Set.of(role), enabled);
    }

    private final List<StaffAccount> accounts = List.of(
            account("supervisor", "ROADS", "supervisor@example.ro", true, Role.SUPERVISOR),
            account("raluca", "REG", "raluca@example.ro", true, Role.SUPERVISOR),
            account("former", "ROADS", "former@example.ro", false, Role.SUPERVISOR),
            account("nodept", null, "nodept@example.ro", true, Role.SUPERVISOR),
            account("noaddress", "REG", null, true, Role.SUPERVISOR),
            account("employee", "ROADS", "employee@example.ro", true, Role.EMPLOYEE));

    private final StaffDirectory staff = new StaffDirectory() {
        @Override
        public Optional<StaffAccount> authenticate(String username, char[] password) {
            return Optional.empty();
        }

        @Override
        public Optional<StaffAccount> find(String username) {
            return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
        }

        @Override
        public List<StaffAccount> list() {
            return accounts;
        }

        @Override
        public StaffAccount create(Actor admin, NewStaffAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StaffAccount assign(Actor admin, String username, String department, Set<Role> roles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StaffAccount setEnabled(Actor admin, String username, boolean enabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resetPassword(Actor admin, String username, char[] newPassword) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Department> departments() {
            return List.of(new Department("ROADS", "Drumuri"), new Department("REG", "Registratură"));
        }

        @Override
        public Optional<Department> department(String code) {
            return departments().stream().filter(d -> d.code().equals(code)).findFirst();
        }

        @Override
        public Department saveDepartment(Actor admin, Department department) {
            throw new UnsupportedOperationException();
        }
    };

    private final StaffMail mail = new StaffMail() {
        @Override
        public boolean enabled() {
            return mailEnabled;
        }

        @Override
        public void send(String username, String subject, String body, List<MailAttachment> attachments) {
            if (failing.contains(username)) {
                throw new StaffMailException(StaffMailException.Reason.NOT_ACCEPTED, "refused", null);
            }
            sent.add(new Sent(username, subject, body, attachments));
        }
    };

    private final CityClock clock = new CityClock() {
        @Override
        public ZoneId zone() {
            return CITY;
        }

        @Override
        public Instant now() {
            return now;
        }
    };

    private static MonthlyReportConfig config(String... reportIds) {
        return new MonthlyReportConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MonthlyReportConfig.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String[] reports() {
                return reportIds;
            }

            @Override
            public String format() {
                return "pdf";
            }

            @Override
            public int dayOfMonth() {
                return 1;
            }

            @Override
            public int hour() {
                return 7;
            }

            @Override
            public String language() {
                return "ro";
            }
        };
    }

    private static CityHall city() {
        return new CityHall() {
            @Override
            public String name(String language) {
                return "en".equals(language) ? "Demo Town Hall" : "Primăria Orașului Demo";
            }

            @Override
            public String portalUrl() {
                return "http://localhost:8181/portal/";
            }
        };
    }

    private MonthlyReportMailer mailer() {
        // The renderer names each file after the report and the department it was narrowed to.
        return new MonthlyReportMailer(derby, reports, (report, parameters, result, format, language) -> new ReportFile(
                report.id() + "_" + parameters.department() + "." + format.extension(), format.contentType(),
                new byte[] {1, 2, 3}), staff, mail, clock, city(), config("requests-by-type, not-installed", "audit-reads",
                "sla-compliance"));
    }

    @Before
    public void database() {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:monthly" + DATABASES.incrementAndGet());
        derby.setCreateDatabase("create");
    }

    @Test
    public void eachHeadGetsLastMonthsReportsOfTheirDepartmentOnceAlsoAfterARestart() {
        mailer().run(null);
        assertEquals(List.of("supervisor", "raluca"), sent.stream().map(Sent::username).toList());
        Sent roads = sent.get(0);
        assertEquals("Primăria Orașului Demo: rapoartele lunii noiembrie 2026 – Drumuri (ROADS)", roads.subject());
        // Not installed, or not narrowed by a department: left out.
        assertEquals(List.of("requests-by-type_ROADS.pdf", "sla-compliance_ROADS.pdf"),
                roads.files().stream().map(MailAttachment::fileName).toList());
        assertTrue(roads.body(), roads.body().contains("- Raport sla-compliance (sla-compliance_ROADS.pdf)"));
        assertEquals("application/pdf", roads.files().get(0).contentType());
        assertTrue(runs.toString(), runs.contains("requests-by-type 2026-11-01..2026-11-30 REG"));

        mailer().run(null);
        now = city("2026-12-31T23:00");
        MonthlyReportMailer restarted = mailer();
        restarted.run(null);
        assertEquals("once per head and month", 2, sent.size());
        Mailing again = restarted.send(Actor.system("test"), YearMonth.of(2026, 11));
        assertEquals(new Mailing(YearMonth.of(2026, 11), 0, 2, 0, List.of("requests-by-type", "sla-compliance")), again);
    }

    @Test
    public void nothingBeforeTheDayAndHourAndNothingWhileMailIsDisabled() {
        now = city("2026-12-01T06:59");
        mailer().run(null);
        assertEquals(0, sent.size());
        now = city("2026-12-01T07:00");
        mailEnabled = false;
        mailer().run(null);
        assertEquals(0, sent.size());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> mailer().send(Actor.system("test"), YearMonth.of(2026, 11)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("disabled"));
        mailEnabled = true;
        mailer().run(null);
        assertEquals("nothing was recorded while disabled: it goes out once enabled", 2, sent.size());
    }

    @Test
    public void aHeadWhoseMailFailedIsTriedAgainAtTheNextRun() {
        failing.add("raluca");
        mailer().run(null);
        assertEquals(List.of("supervisor"), sent.stream().map(Sent::username).toList());
        Mailing manual = mailer().send(Actor.system("test"), YearMonth.of(2026, 11));
        assertEquals(1, manual.failed());
        assertEquals(1, manual.alreadySent());
        failing.clear();
        mailer().run(null);
        mailer().run(null);
        assertEquals(List.of("supervisor", "raluca"), sent.stream().map(Sent::username).toList());
    }

    @Test
    public void onlyAnAdministratorAsksAndOnlyForAMonthThatHasEnded() {
        MonthlyReportMailer mailer = mailer();
        Actor supervisor = accounts.get(0).asActor();
        assertThrows(AccessDeniedException.class, () -> mailer.send(supervisor, YearMonth.of(2026, 11)));
        Actor admin = new Actor("admin", Set.of(Role.ADMIN), null);
        assertThrows(InvalidInputException.class, () -> mailer.send(admin, YearMonth.of(2026, 12)));
        Mailing october = mailer.send(admin, YearMonth.of(2026, 10));
        assertEquals(2, october.sent());
        assertTrue(sent.get(0).subject(), sent.get(0).subject().contains("octombrie 2026"));
    }
}
