/**
 * Appointments at the city hall's counters (R8): the services departments publish with their
 * slots (days, hours, duration, places per slot; public holidays from the registry's calendar),
 * and the bookings made by staff for a caller or by citizens on the portal — booked, cancelled,
 * moved and checked in at the front desk, every step an append-only record.
 */
@Export
@Version("1.0.0")
package org.civicdesk.appointment.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
