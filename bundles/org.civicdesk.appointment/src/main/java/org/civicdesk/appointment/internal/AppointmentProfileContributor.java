package org.civicdesk.appointment.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.civicdesk.appointment.api.Appointment;
import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.api.AbstractCitizenProfileContributor;
import org.civicdesk.datasource.api.CitizenProfileContributor;
import org.civicdesk.datasource.api.Fact;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.identity.api.Citizen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The citizen's appointments in the 360° view (R3): the latest ones, each with its service, time, counter and where it
 * stands, so that the operator on the phone sees what the caller booked.
 */
@Component(service = CitizenProfileContributor.class,
        property = CitizenProfileContributor.ID_PROPERTY + "=" + AppointmentProfileContributor.SOURCE)
public class AppointmentProfileContributor extends AbstractCitizenProfileContributor {
    static final String SOURCE = "appointments";
    private static final int SHOWN = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final AppointmentsImpl appointments;

    @Activate
    public AppointmentProfileContributor(@Reference AppointmentsImpl appointments) {
        this.appointments = appointments;
    }

    /** Nothing without a viewer: which appointments may be shown depends on who looks. */
    @Override
    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
        return List.of();
    }

    @Override
    public List<ProfileSection> sections(Actor viewer, Citizen citizen, Locale locale) {
        List<Appointment> found = appointments.ofCitizen(citizen.id(), SHOWN).stream()
                .filter(a -> AppointmentsImpl.mayHandle(viewer, a.department())).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        ResourceBundle m = ResourceBundle.getBundle("org.civicdesk.appointment.internal.Messages", locale,
                AppointmentProfileContributor.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String language = "en".equals(locale.getLanguage()) ? "en" : "ro";
        List<Fact> facts = found.stream().map(a -> {
            String name = appointments.service(a.service()).map(s -> s.name(language)).orElse(a.service());
            String when = LocalDateTime.ofInstant(a.start(), appointments.zone()).format(WHEN);
            String counter = a.counter() == null || a.counter().isBlank() ? "" : ", " + a.counter();
            String request = a.requestNumber() == null ? "" : ", " + m.getString("request") + " " + a.requestNumber();
            return new Fact(name, when + counter + request + " — "
                    + m.getString("status." + a.status().name().toLowerCase(Locale.ROOT)));
        }).toList();
        return List.of(new ProfileSection(SOURCE, m.getString("title"), "appointment", facts));
    }
}
