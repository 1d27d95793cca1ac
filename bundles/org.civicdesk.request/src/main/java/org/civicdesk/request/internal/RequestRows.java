package org.civicdesk.request.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.Tuple;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Selection;

import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.Priority;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.ServiceRequest;

/**
 * The columns a list of requests shows, selected as values: a page of 50 is one query, where
 * selecting the entities makes the provider load each of them again by its key.
 */
final class RequestRows {
    private final Path<Integer> year;
    private final Path<Integer> sequence;
    private final Path<String> trackingCode;
    private final Path<String> type;
    private final Path<String> channel;
    private final Path<String> citizenId;
    private final Path<String> description;
    private final Path<Double> lat;
    private final Path<Double> lon;
    private final Path<String> address;
    private final Path<String> department;
    private final Path<Long> registered;
    private final Path<String> deadline;
    private final Path<String> status;
    private final Path<String> assignee;
    private final Path<Long> lastChange;
    private final Path<Boolean> finished;
    private final Path<String> priority;
    private final Path<Integer> escalation;
    private final Path<String> pausedSince;
    private final Path<String> receivedOn;

    RequestRows(Root<RequestEntity> r, Root<RequestStateEntity> s) {
        year = r.get(RequestEntity_.year);
        sequence = r.get(RequestEntity_.sequence);
        trackingCode = r.get(RequestEntity_.trackingCode);
        type = r.get(RequestEntity_.type);
        channel = r.get(RequestEntity_.channel);
        citizenId = r.get(RequestEntity_.citizenId);
        description = r.get(RequestEntity_.description);
        lat = r.get(RequestEntity_.lat);
        lon = r.get(RequestEntity_.lon);
        address = r.get(RequestEntity_.address);
        department = r.get(RequestEntity_.department);
        registered = r.get(RequestEntity_.registeredMillis);
        deadline = s.get(RequestStateEntity_.deadline);
        status = s.get(RequestStateEntity_.status);
        assignee = s.get(RequestStateEntity_.assignee);
        lastChange = s.get(RequestStateEntity_.lastChangeMillis);
        finished = s.get(RequestStateEntity_.finished);
        priority = s.get(RequestStateEntity_.priority);
        escalation = s.get(RequestStateEntity_.escalationLevel);
        pausedSince = s.get(RequestStateEntity_.pausedSince);
        receivedOn = r.get(RequestEntity_.receivedOn);
    }

    /** What to select: every column {@link #toDto} reads. */
    List<Selection<?>> selection() {
        return List.of(year, sequence, trackingCode, type, channel, citizenId, description, lat, lon, address, department,
                registered, deadline, status, assignee, lastChange, finished, priority, escalation, pausedSince, receivedOn);
    }

    /** One selected row as a request; {@code today} decides whether it is overdue. */
    ServiceRequest toDto(Tuple row, LocalDate today) {
        LocalDate due = LocalDate.parse(row.get(deadline));
        Double latitude = row.get(lat);
        String place = row.get(address);
        Location location = latitude == null && place == null ? null : new Location(latitude, row.get(lon), place);
        boolean done = Boolean.TRUE.equals(row.get(finished));
        String waitingSince = row.get(pausedSince);
        String received = row.get(receivedOn);
        return new ServiceRequest(new RequestNumber(row.get(year), row.get(sequence)), row.get(trackingCode), row.get(type),
                new Channel(row.get(channel)), row.get(citizenId), row.get(description), location, row.get(department),
                row.get(status), row.get(assignee), Instant.ofEpochMilli(row.get(registered)), due,
                Instant.ofEpochMilli(row.get(lastChange)), RequestRegistryImpl.overdue(done,
                        waitingSince == null ? null : LocalDate.parse(waitingSince), due, today),
                Priority.valueOf(row.get(priority).toUpperCase(java.util.Locale.ROOT)), row.get(escalation),
                received == null ? null : LocalDate.parse(received));
    }
}
