package org.civicdesk.appointment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments at the counters. A slot never holds more bookings than its capacity, whatever the
 * number of callers and nodes booking at once: the database refuses a second booking of a place.
 * Every change (booking, cancellation, move, check-in) is a new record written with its audit entry
 * in one transaction; nothing is updated or deleted.
 */
@ProviderType
public interface Appointments {
    /** The most days {@link #slots} covers at once. */
    int MAX_DAYS = 31;

    /** The services offered by appointment now, ordered by department and code. */
    List<BookableService> services();

    /**
     * The slots still to come between two days (both included), with their free places: none on weekends,
     * on public holidays or on a service's closed days.
     *
     * @param department only this department's services, or every one when {@code null}
     * @param service    only this service, or every one when {@code null}
     * @throws org.civicdesk.core.api.InvalidInputException for a missing or reversed range, or one over {@link #MAX_DAYS}
     */
    List<Slot> slots(String department, String service, LocalDate from, LocalDate to);

    /**
     * Books the first free place of a slot for a citizen, on behalf of a staff member (the operator on
     * the phone, the front desk).
     *
     * @throws org.civicdesk.core.api.InvalidInputException for an unknown service, no such slot, a slot past, an
     *                                                       unknown citizen or a malformed request number
     * @throws org.civicdesk.core.api.ConflictException     when the slot is full, or the citizen holds it already
     */
    Appointment book(Actor actor, NewAppointment booking);

    /**
     * Books as {@link #book}, for a citizen who proved who they are themselves (CNP and PIN on the portal).
     */
    Appointment bookForCitizen(Citizen citizen, NewAppointment booking);

    /**
     * Cancels an appointment: its place is free again.
     *
     * @throws org.civicdesk.core.api.NotFoundException for an unknown id
     * @throws org.civicdesk.core.api.ConflictException for an appointment cancelled, moved or checked in already
     */
    Appointment cancel(Actor actor, String id);

    /**
     * Moves an appointment to another slot (of the same service unless one is named): the new booking and the
     * old one's end commit together, or neither when the new slot is full.
     *
     * @param service the new slot's service, or {@code null} for the same
     * @return the new appointment
     */
    Appointment move(Actor actor, String id, String service, Instant start);

    /**
     * Checks the citizen in at the front desk, on the day of the appointment.
     *
     * @throws org.civicdesk.core.api.ConflictException on another day, or for an appointment not booked
     */
    Appointment checkIn(Actor actor, String id);

    /** An appointment by id. */
    Optional<Appointment> get(Actor actor, String id);

    /** A citizen's appointments, the latest slot first, at most {@code limit}. */
    List<Appointment> ofCitizen(Actor actor, String citizenId, int limit);
}
