package org.civicdesk.appointment.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.PersonalData;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.persistence.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A person's appointments at the counters, with their cancellation, check-in and reminder. */
@Component(service = PersonalData.class)
public class AppointmentPersonalData implements PersonalData {
    private final Jdbc jdbc;

    @Activate
    public AppointmentPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_APPOINTMENT", "CD_APPOINTMENT_CANCEL", "CD_APPOINTMENT_CHECKIN", "CD_APPOINTMENT_REMINDER");
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        return List.of(PersonalDataSet.labelled(PersonalDataSet.labels(getClass(), language), "appointments",
                List.of("service", "slot", "place", "counter", "request", "channel", "booked", "bookedBy", "cancelled",
                        "checkedIn", "reminded"), jdbc.texts("read a person's appointments", "SELECT a.SERVICE_CODE, "
                        + "a.SLOT_START_MS, a.PLACE, a.COUNTER, a.REQUEST_NUMBER, a.CHANNEL, a.BOOKED_MS, a.BOOKED_BY, "
                        + "c.CANCELLED_MS, k.CHECKED_IN_MS, r.QUEUED_MS FROM CD_APPOINTMENT a "
                        + "LEFT JOIN CD_APPOINTMENT_CANCEL c ON c.APPOINTMENT_ID = a.ID "
                        + "LEFT JOIN CD_APPOINTMENT_CHECKIN k ON k.APPOINTMENT_ID = a.ID "
                        + "LEFT JOIN CD_APPOINTMENT_REMINDER r ON r.APPOINTMENT_ID = a.ID "
                        + "WHERE a.CITIZEN_ID = ? ORDER BY a.SLOT_START_MS", zone, citizen.id())));
    }
}
