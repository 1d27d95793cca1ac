package org.civicdesk.appointment.api;

/** Where an appointment stands, as its records say. */
public enum AppointmentStatus {
    /** Booked, the citizen expected. */
    BOOKED,
    /** The citizen came and the front desk checked them in. */
    CHECKED_IN,
    /** Cancelled: the place is free again. */
    CANCELLED,
    /** Given up for another slot ({@link Appointment#movedTo()}). */
    MOVED
}
