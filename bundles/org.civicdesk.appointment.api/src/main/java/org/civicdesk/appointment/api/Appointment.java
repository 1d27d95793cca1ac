package org.civicdesk.appointment.api;

import java.time.Instant;

/**
 * An appointment as its records tell it.
 *
 * @param id            its id
 * @param service       the service's code
 * @param department    the service's department
 * @param counter       where the citizen goes
 * @param start         the slot's start
 * @param end           the slot's end
 * @param place         which of the slot's places it holds (1 to the capacity)
 * @param citizenId     the citizen's id in the citizen registry
 * @param requestNumber the request it is about ({@code 2026/000123}), or {@code null}
 * @param channel       where it was booked: {@code phone}, {@code desk}, {@code web}, …
 * @param bookedBy      who booked it: a staff user name, or {@code citizen:<id>} on the portal
 * @param bookedAt      when
 * @param movedFrom     the appointment this one replaces, or {@code null}
 * @param status        where it stands now
 * @param closedAt      when it was cancelled, moved or checked in, or {@code null}
 * @param closedBy      by whom, or {@code null}
 * @param movedTo       the appointment that replaced it, or {@code null}
 */
public record Appointment(String id, String service, String department, String counter, Instant start, Instant end,
        int place, String citizenId, String requestNumber, String channel, String bookedBy, Instant bookedAt,
        String movedFrom, AppointmentStatus status, Instant closedAt, String closedBy, String movedTo) {

    /** Whether it still holds its place: booked or checked in. */
    public boolean isActive() {
        return status == AppointmentStatus.BOOKED || status == AppointmentStatus.CHECKED_IN;
    }
}
