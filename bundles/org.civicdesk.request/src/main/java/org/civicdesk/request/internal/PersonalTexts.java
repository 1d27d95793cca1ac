package org.civicdesk.request.internal;

import java.util.List;

import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.ServiceRequest;

/**
 * Free text about a person that an append-only table keeps (a request's description, place, answers and history, a
 * contact's remarks, a rating's comment, the contact a reporter without a national id left and what they wrote), sealed
 * with the person's key: their erasure (for a reporter, the retention job) leaves it noise while the rows and their
 * chain stay whole. Text about nobody in particular (an anonymous request's) is kept as it is.
 */
final class PersonalTexts {
    private final CitizenKeys keys;

    PersonalTexts(CitizenKeys keys) {
        this.keys = keys;
    }

    /** {@code text} sealed for the person {@code citizenId}; as it is for nobody; nothing for a person erased. */
    String sealed(String citizenId, String text) {
        if (text == null || citizenId == null) {
            return text;
        }
        try {
            return keys.seal(citizenId, text);
        } catch (IllegalStateException erased) {
            return null; // what would be said about a person erased is not kept
        }
    }

    /** The keyed hash of a search token ({@link CitizenKeys#searchToken}). */
    long searchToken(String token) {
        return keys.searchToken(token);
    }

    /**
     * What {@code stored} says, opened with the key of {@code citizenId}; nothing once the person was erased, or when it
     * was sealed for someone else (a contact that went on to identify another person is that person's).
     */
    String opened(String citizenId, String stored) {
        if (stored == null || citizenId == null) {
            return stored;
        }
        try {
            return keys.open(citizenId, stored).orElse(null);
        } catch (IllegalStateException someoneElses) {
            return null;
        }
    }

    /**
     * The request as stored, its description and place opened with the key of its citizen, or of its reporter when it
     * has no citizen ({@link #keyOf}).
     */
    ServiceRequest opened(ServiceRequest stored) {
        String key = keyOf(stored.citizenId(), stored.number().toString());
        Location place = stored.location();
        Location opened = place == null || place.address() == null ? place
                : new Location(place.lat(), place.lon(), opened(key, place.address()));
        return new ServiceRequest(stored.number(), stored.trackingCode(), stored.type(), stored.channel(),
                stored.citizenId(), opened(key, stored.description()), opened, stored.department(), stored.status(),
                stored.assignee(), stored.registeredAt(), stored.deadline(), stored.lastChangeAt(), stored.overdue(),
                stored.priority(), stored.escalation(), stored.receivedOn());
    }

    /**
     * A page of requests as stored, opened: the keys of their people (and of the reporters whose words were sealed) are
     * read in one go first.
     */
    List<ServiceRequest> opened(List<ServiceRequest> stored) {
        preload(stored.stream().filter(r -> r.citizenId() != null || CitizenKeys.isSealed(r.description()))
                .map(r -> keyOf(r.citizenId(), r.number().toString())).distinct().toList());
        return stored.stream().map(this::opened).toList();
    }

    /** Reads these keys ({@link #keyOf}) in one go, before what they sealed is opened one by one. */
    void preload(List<String> keysOf) {
        keys.preload(keysOf);
    }

    /**
     * An event of a request as stored, its comment and attachment's name opened with {@code key} (the request's
     * {@link #keyOf}).
     */
    RequestEvent opened(String key, RequestEvent stored) {
        if (key == null || stored.comment() == null && stored.attachmentName() == null) {
            return stored;
        }
        return new RequestEvent(stored.sequence(), stored.time(), stored.kind(), stored.actor(), stored.status(),
                stored.assignee(), opened(key, stored.comment()), opened(key, stored.attachmentName()),
                stored.attachmentRef(), stored.level(), stored.deadline(), stored.detail());
    }

    /**
     * Whose key seals what request {@code number} says: its citizen's, or else its reporter's — a reporter without a
     * national id who left a contact; what a request with neither says is kept as written, and opens as it is.
     */
    static String keyOf(String citizenId, String number) {
        return citizenId != null ? citizenId : reporterOf(number);
    }

    /**
     * Whose key seals what is added later to the request {@code number} as stored (a comment, an attachment's name, a
     * rating's words): its citizen's; its reporter's when what they wrote at filing was sealed (they left a contact);
     * none for an anonymous request, whose history is kept as written.
     */
    static String sealingKeyOf(String citizenId, String number, String storedDescription) {
        return citizenId != null ? citizenId : CitizenKeys.isSealed(storedDescription) ? reporterOf(number) : null;
    }

    /** The id a reporter without a national id is keyed by: they have no record, only the request they filed. */
    static String reporterOf(String requestNumber) {
        return "reporter:" + requestNumber;
    }

    /** Destroys the key of the reporter of {@code requestNumber}: the contact they left, and what they wrote, are gone. */
    void forgetReporter(String requestNumber) {
        keys.forget(reporterOf(requestNumber));
    }
}
