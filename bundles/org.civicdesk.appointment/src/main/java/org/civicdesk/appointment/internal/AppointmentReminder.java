package org.civicdesk.appointment.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.appointment.api.Appointment;
import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.notification.api.CitizenMessage;
import org.civicdesk.notification.api.CitizenMessages;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The reminder the day before (R8): once per cluster, every appointment of tomorrow (in the city) still booked and not
 * yet reminded gets its reminder queued through the notifications' outbox, when the citizen has an e-mail address —
 * in the transaction that records it reminded ({@code CD_APPOINTMENT_REMINDER}, one per booking), so that it is queued
 * once whatever the nodes. Without the notifications feature nothing is recorded, and tomorrow's appointments wait.
 */
@Component(service = Job.class, configurationPid = AppointmentReminder.PID,
        property = {Job.ID + "=" + AppointmentReminder.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=600000"})
@Designate(ocd = ReminderConfig.class)
public class AppointmentReminder implements Job {
    static final String PID = "org.civicdesk.appointment.reminder";
    static final String JOB = "appointment-reminder";
    static final String TEMPLATE = "appointment-reminder";
    private static final int PER_RUN = 500;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Jdbc jdbc;
    private final AppointmentsImpl appointments;
    private final CitizenRegistry citizens;
    private final Actor system = Actor.system("appointment.reminder");
    private volatile boolean enabled;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CitizenMessages messages;

    @Activate
    public AppointmentReminder(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference AppointmentsImpl appointments, @Reference CitizenRegistry citizens, ReminderConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.appointments = appointments;
        this.citizens = citizens;
        modified(config);
    }

    @Modified
    void modified(ReminderConfig config) {
        this.enabled = config.enabled();
    }

    @Override
    public void run(JobContext context) {
        CitizenMessages outbox = messages;
        if (!enabled || outbox == null) {
            return;
        }
        ZoneId zone = appointments.zone();
        LocalDate tomorrow = LocalDate.ofInstant(appointments.now(), zone).plusDays(1);
        Instant from = tomorrow.atStartOfDay(zone).toInstant();
        Instant to = tomorrow.plusDays(1).atStartOfDay(zone).toInstant();
        List<Appointment> due = appointments.toRemind(from, to, PER_RUN);
        for (Appointment a : due) {
            remind(outbox, a);
        }
    }

    private void remind(CitizenMessages outbox, Appointment a) {
        Optional<String> address = citizens.get(system, a.citizenId(), "appointment reminder").map(Citizen::email)
                .filter(e -> !e.isBlank());
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_APPOINTMENT_REMINDER (APPOINTMENT_ID, "
                        + "QUEUED_MS) VALUES (?, ?)")) {
                    Jdbc.bind(ps, a.id(), appointments.now().toEpochMilli());
                    ps.executeUpdate();
                }
                if (address.isPresent()) {
                    outbox.queue(c, new CitizenMessage(a.citizenId(), TEMPLATE, null, model(a), "appointment:" + a.id()));
                }
                return null;
            });
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw SqlErrors.unchecked("recording an appointment's reminder", e);
            }
            // Another run recorded it first: queued once, by that run.
        }
    }

    private Map<String, String> model(Appointment a) {
        LocalDateTime start = LocalDateTime.ofInstant(a.start(), appointments.zone());
        Map<String, String> model = new HashMap<>();
        // The city's language decides the name: the sender renders in it when the citizen's own is unknown.
        model.put("serviceName", appointments.service(a.service()).map(s -> s.name("ro")).orElse(a.service()));
        model.put("serviceNameEn", appointments.service(a.service()).map(s -> s.name("en")).orElse(a.service()));
        model.put("date", start.format(DATE));
        model.put("time", start.format(TIME));
        model.put("counter", a.counter() == null ? "" : a.counter());
        model.put("requestNumber", a.requestNumber() == null ? "" : a.requestNumber());
        return model;
    }
}
