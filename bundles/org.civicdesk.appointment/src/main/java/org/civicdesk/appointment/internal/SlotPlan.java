package org.civicdesk.appointment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.civicdesk.appointment.api.BookableService;

/** The slots a service's configuration opens, before any booking: pure calendar arithmetic. */
final class SlotPlan {

    /** A slot's start and end. */
    record Times(Instant start, Instant end) {
    }

    private SlotPlan() {
    }

    /** The slots of one day, in order: none on a day the city hall or the service is closed. */
    static List<Times> ofDay(BookableService service, LocalDate day, ZoneId zone, Predicate<LocalDate> workingDay) {
        List<Times> slots = new ArrayList<>();
        if (!workingDay.test(day) || !service.days().contains(day.getDayOfWeek())) {
            return slots;
        }
        for (BookableService.Hours hours : service.hours()) {
            LocalTime start = hours.from();
            while (true) {
                LocalTime end = start.plusMinutes(service.durationMinutes());
                // A slot past midnight, or ending after the hours, is not offered.
                if (end.isBefore(start) || end.isAfter(hours.to())) {
                    break;
                }
                slots.add(new Times(day.atTime(start).atZone(zone).toInstant(), day.atTime(end).atZone(zone).toInstant()));
                start = end;
            }
        }
        return slots;
    }

    /** The slot of the service that starts at {@code start}, if the configuration opens one then. */
    static Optional<Times> find(BookableService service, Instant start, ZoneId zone,
            Predicate<LocalDate> workingDay) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        return ofDay(service, day, zone, workingDay).stream().filter(t -> t.start().equals(start)).findFirst();
    }
}
