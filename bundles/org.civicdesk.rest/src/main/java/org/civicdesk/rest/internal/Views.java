package org.civicdesk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.NationalIds;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.ServiceRequest;

/** The JSON shapes of the API, separate from the service DTOs so the wire format is stable. */
final class Views {
    private Views() {
    }

    record LocationBody(Double lat, Double lon, String address) {
        Location toLocation() {
            return new Location(lat, lon, address);
        }
    }

    record CitizenBody(String cnp, String cui, String nationalId, String firstName, String lastName, String companyName,
            String address, String phone, String email) {
    }

    /** {@code receivedAt}: the day (YYYY-MM-DD) a letter reached the front desk, when registered later. */
    record FileRequestBody(String type, String channel, CitizenBody citizen, String description, LocationBody location,
            Map<String, List<String>> attributes, String receivedAt) {
    }

    /**
     * A change of a request. {@code visibility} of a status change's comment: {@code public} (the citizen reads it: the
     * portal, Open311, the status e-mail — the default) or {@code internal} (a note for staff only).
     */
    record ChangeBody(String kind, String assignee, String status, String comment, String text, String attachmentName,
            String attachmentRef, String visibility) {
    }

    /** An interaction as the API shows it: ids and numbers as text. */
    record InteractionView(String id, String channel, String staff, Instant startedAt, String citizenId,
            boolean verified, List<String> requests, String outcome, Instant endedAt, String remarks, boolean open,
            String self) {
        static InteractionView of(Interaction i) {
            return new InteractionView(i.id(), i.channel().id(), i.staff(), i.startedAt(), i.citizenId(), i.verified(),
                    i.requests().stream().map(Object::toString).toList(), i.outcome() == null ? null : i.outcome().id(),
                    i.endedAt(), i.remarks(), i.open(), "/api/v1/interactions/" + i.id());
        }
    }

    record RequestView(String number, String trackingCode, String type, String channel, String citizenId,
            String description, LocationBody location, String department, String status, String assignee,
            Instant registeredAt, LocalDate deadline, Instant lastChangeAt, boolean overdue, String self,
            String track, List<EventView> history, Map<String, List<String>> attributes, ContactView contact,
            RatingView rating, String priority, Integer escalation, LocalDate receivedAt) {

        static RequestView of(ServiceRequest r, List<RequestEvent> history) {
            return of(r, history, null, null, null);
        }

        /**
         * The whole request: with its history, the answers to its type's questions, a reporter's contact and the
         * citizen's rating (also shown on its history event).
         */
        static RequestView of(ServiceRequest r, List<RequestEvent> history, Map<String, List<String>> attributes,
                CitizenDetails contact, Rating rating) {
            Location l = r.location();
            return new RequestView(r.number().toString(), r.trackingCode(), r.type(), r.channel().id(), r.citizenId(),
                    r.description(), l == null ? null : new LocationBody(l.lat(), l.lon(), l.address()), r.department(),
                    r.status(), r.assignee(), r.registeredAt(), r.deadline(), r.lastChangeAt(), r.overdue(),
                    "/api/v1/requests/" + r.number(), "/api/v1/track/" + r.trackingCode(),
                    history == null ? null : history.stream().map(e -> EventView.of(e, rating)).toList(), attributes,
                    contact == null ? null : new ContactView(contact.firstName(), contact.lastName(), contact.phone(),
                            contact.email()), RatingView.of(rating), r.priority().id(), r.escalation(), r.receivedOn());
        }
    }

    /** The citizen's rating of a closed request: 1 to 5 and their words. */
    record RatingView(int score, String comment, Instant ratedAt) {
        static RatingView of(Rating rating) {
            return rating == null ? null : new RatingView(rating.score(), rating.comment(), rating.ratedAt());
        }
    }

    /** How to reach a reporter who left no national id. */
    record ContactView(String firstName, String lastName, String phone, String email) {
    }

    /** An entry of the history; a {@code rated} one carries the rating's score and comment. */
    record EventView(int sequence, Instant time, String kind, String actor, String status, String assignee,
            String comment, String attachmentName, String attachmentRef, Integer score, Integer level, LocalDate deadline,
            String detail) {
        static EventView of(RequestEvent e, Rating rating) {
            boolean rated = e.kind() == EventKind.RATED && rating != null;
            return new EventView(e.sequence(), e.time(), e.kind().name().toLowerCase(Locale.ROOT), e.actor(),
                    e.status(), e.assignee(), rated ? rating.comment() : e.comment(), e.attachmentName(),
                    e.attachmentRef(), rated ? rating.score() : null, e.level(), e.deadline(), e.detail());
        }
    }

    record RequestTypeView(String code, String name, Map<String, String> names, String department, int slaDays,
            String initialStatus, List<String> statuses, Map<String, List<String>> transitions,
            Set<String> finalStatuses, List<AttributeView> attributes, Map<String, String> statusNames, String caller) {
        static RequestTypeView of(RequestType t, String language) {
            Map<String, String> statusNames = new LinkedHashMap<>();
            t.statuses().forEach(status -> statusNames.put(status, t.statusName(status, language)));
            return new RequestTypeView(t.code(), t.name(language), t.names(), t.department(), t.slaDays(),
                    t.initialStatus(), t.statuses(), t.transitions(), t.finalStatuses(),
                    t.attributes().stream().map(a -> AttributeView.of(a, language)).toList(), statusNames,
                    t.caller().id());
        }
    }

    /** A request type's question, in the asked language. */
    record AttributeView(String code, String datatype, boolean required, String description, List<ValueView> values) {
        static AttributeView of(RequestAttribute a, String language) {
            return new AttributeView(a.code(), a.datatype().id(), a.required(), a.description(language),
                    a.values().stream().map(v -> new ValueView(v.key(), v.name(language))).toList());
        }
    }

    record ValueView(String key, String name) {
    }

    record CitizenView(String id, String kind, String nationalId, String firstName, String lastName, String name,
            String address, String phone, String email, Instant registered) {
        static CitizenView of(Citizen c) {
            return new CitizenView(c.id(), c.kind().name().toLowerCase(Locale.ROOT), c.nationalId(),
                    c.firstName(), c.lastName(), c.displayName(), c.address(), c.phone(), c.email(), c.registered());
        }
    }

    record PageView<T>(List<T> items, long total, int offset, int limit, boolean totalExact) {
        PageView(List<T> items, long total, int offset, int limit) {
            this(items, total, offset, limit, true);
        }
    }

    /** Picks the national id out of whichever field the client used. */
    static String nationalId(CitizenBody c) {
        String id = c.cnp() != null ? c.cnp() : c.cui() != null ? c.cui() : c.nationalId();
        return id == null ? null : NationalIds.validate(TextInput.line("citizen.cnp", id, CitizenDetails.MAX_NATIONAL_ID));
    }
}
