package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.persistence.DaySums;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.PastRequest;
import org.civicdesk.request.api.PastRequest.PastChange;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestType;

/**
 * Requests registered before CivicDesk, written as filing and later changes write them ({@link
 * org.civicdesk.request.api.RequestRegistry#importPast}): checked first, whole, so that bad input writes nothing; then
 * numbered in their registration year in the order they were registered, each record with its audit entry.
 */
final class PastRequests {
    /** A request checked against the registry's types: what is written for it. */
    record Checked(PastRequest request, RequestType type, Location location, int index) {
    }

    private PastRequests() {
    }

    /**
     * Checks every request before anything is written.
     *
     * @param knownCitizens the citizens on record among those the requests name
     */
    static List<Checked> check(List<PastRequest> requests, java.util.function.Function<String, RequestType> typeOf,
            Set<String> knownCitizens, Instant now) {
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            PastRequest past = requests.get(i);
            String at = "requests[" + i + "].";
            if (past == null) {
                throw InvalidInputException.of("requests[" + i + "]", "import.missing");
            }
            RequestType type = typeOf.apply(past.type());
            if (past.description() == null || past.description().isBlank()) {
                throw InvalidInputException.of(at + "description", "description.required");
            }
            if (past.registeredAt().isAfter(now)) {
                throw InvalidInputException.of(at + "registeredAt", "import.future");
            }
            if (past.citizenId() != null && !knownCitizens.contains(past.citizenId())) {
                throw InvalidInputException.of(at + "citizenId", "import.citizen", past.citizenId());
            }
            Instant previous = past.registeredAt();
            for (PastChange change : past.changes()) {
                if (change.at().isBefore(previous) || change.at().isAfter(now)) {
                    throw InvalidInputException.of(at + "changes", "import.changeOrder");
                }
                if (!type.statuses().contains(change.status())) {
                    throw InvalidInputException.of(at + "changes", "import.status", type.code(), String.valueOf(change.status()),
                            String.valueOf(type.statuses()));
                }
                previous = change.at();
            }
            checked.add(new Checked(past, type, past.location(), i));
        }
        return checked;
    }

    /**
     * Writes the checked requests in {@code c}, numbered after what each registration year has numbered ({@code
     * sequences} takes that many numbers of a year and gives the last), and forgets the days the reports had summed
     * that they change.
     *
     * @return the numbers given, in the order the requests were given
     */
    static List<RequestNumber> write(Connection c, Actor actor, List<Checked> requests, Numbering sequences,
            WorkingCalendar calendar, DeadlineSchedule schedule, AuditLog audit, Supplier<String> trackingCodes,
            ZoneId zone, LocalDate today, DaySums summedDays, PersonalTexts texts) throws SQLException {
        RequestNumber[] numbers = new RequestNumber[requests.size()];
        List<Checked> inOrder = new ArrayList<>(requests);
        inOrder.sort(Comparator.comparing((Checked r) -> r.request().registeredAt()).thenComparingInt(Checked::index));
        Set<LocalDate> touched = new TreeSet<>();
        int i = 0;
        while (i < inOrder.size()) {
            int year = LocalDate.ofInstant(inOrder.get(i).request().registeredAt(), zone).getYear();
            int end = i;
            while (end < inOrder.size()
                    && LocalDate.ofInstant(inOrder.get(end).request().registeredAt(), zone).getYear() == year) {
                end++;
            }
            int sequence = sequences.take(c, year, end - i) - (end - i);
            for (Checked r : inOrder.subList(i, end)) {
                RequestNumber number = new RequestNumber(year, ++sequence);
                numbers[r.index()] = number;
                touched.addAll(writeOne(c, actor, r, number, calendar, schedule, audit, trackingCodes.get(), zone, today,
                        texts));
            }
            i = end;
        }
        summedDays.forget(c, touched);
        return List.of(numbers);
    }

    /** Writes one request, its history and its state; gives the days its records fall on. */
    private static Set<LocalDate> writeOne(Connection c, Actor actor, Checked checked, RequestNumber number,
            WorkingCalendar calendar, DeadlineSchedule schedule, AuditLog audit, String trackingCode, ZoneId zone,
            LocalDate today, PersonalTexts texts) throws SQLException {
        PastRequest past = checked.request();
        RequestType type = checked.type();
        Location where = checked.location();
        LocalDate registered = LocalDate.ofInstant(past.registeredAt(), zone);
        LocalDate deadline = calendar.addWorkingDays(registered, type.slaDays());
        String citizenId = past.citizenId();
        String description = past.description().strip();
        String place = where == null ? null : where.address();
        RequestEntity entity = new RequestEntity(number.year(), number.sequence(), number.toString(), trackingCode,
                type.code(), past.channel().id(), citizenId, texts.sealed(citizenId, description),
                where == null ? null : where.lat(), where == null ? null : where.lon(), texts.sealed(citizenId, place),
                type.department(), past.registeredAt().toEpochMilli(), deadline.toString(), null);
        RequestEventEntity created = new RequestEventEntity(entity.getNumber(), 1, past.registeredAt().toEpochMilli(),
                EventKind.CREATED, actor.username(), type.initialStatus(), null, null, null, null);
        RequestStateEntity state = new RequestStateEntity(entity, deadline);
        state.apply(created.toDto(), type.isFinal(type.initialStatus()));
        entity.insert(c);
        created.insert(c);
        RequestWords.insert(c, texts, entity.getNumber(), RequestWords.of(entity.getNumber(), description, place));
        audit.record(c, new AuditEvent(actor.username(), "request.import", "request", "request", entity.getNumber(),
                "type=" + type.code() + " channel=" + past.channel().id()), RequestRecords.filing(entity, List.of(), created));
        Set<LocalDate> days = new TreeSet<>(List.of(registered));
        int sequence = 1;
        for (PastChange change : past.changes()) {
            RequestEventEntity event = new RequestEventEntity(entity.getNumber(), ++sequence, change.at().toEpochMilli(),
                    EventKind.STATUS_CHANGED, change.actor(), change.status(), null,
                    change.comment() == null || change.comment().isBlank() ? null : texts.sealed(citizenId,
                            change.comment().strip()), null, null);
            event.insert(c);
            state.apply(event.toDto(), type.isFinal(change.status()));
            audit.record(c, new AuditEvent(actor.username(), "request.import." + EventKind.STATUS_CHANGED.name()
                    .toLowerCase(Locale.ROOT), "request", "request", entity.getNumber(), "status=" + change.status()),
                    RequestRecords.event(event));
            days.add(LocalDate.ofInstant(change.at(), zone));
        }
        state.nextStep(schedule.nextStep(type, deadline, null, false, state.isFinished(), today));
        state.insert(c);
        return days;
    }

    /** Takes numbers of a registration year. */
    @FunctionalInterface
    interface Numbering {
        /** Takes {@code count} numbers of {@code year} under its counter's lock; gives the last one taken. */
        int take(Connection c, int year, int count) throws SQLException;
    }
}
