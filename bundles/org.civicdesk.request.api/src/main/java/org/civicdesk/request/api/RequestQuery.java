package org.civicdesk.request.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Filter for {@link RequestRegistry#search}; {@code null} fields match anything.
 *
 * @param text             words, each found as the start of a word of the description, place or number, in any
 *                         order, regardless of case and diacritics ("ion popescu" finds "Popescu Ionuț")
 * @param from             registered on or after this day
 * @param to               registered on or before this day
 * @param registeredAfter  registered at or after this instant
 * @param registeredBefore registered before this instant
 * @param changedAfter     last changed at or after this instant
 * @param changedBefore    last changed before this instant
 * @param types            of one of these types; {@code null} or empty for any (as well as {@code type})
 * @param done             in a final status of its type ({@code true}) or not yet ({@code false})
 */
public record RequestQuery(String status, String type, String department, String assignee, Channel channel,
        String citizenId, Boolean overdue, String text, LocalDate from, LocalDate to, Instant registeredAfter,
        Instant registeredBefore, Instant changedAfter, Instant changedBefore, Set<String> types, Boolean done) {

    public RequestQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** A filter by calendar days only. */
    public RequestQuery(String status, String type, String department, String assignee, Channel channel,
            String citizenId, Boolean overdue, String text, LocalDate from, LocalDate to) {
        this(status, type, department, assignee, channel, citizenId, overdue, text, from, to, null, null, null, null, null, null);
    }

    public static RequestQuery all() {
        return new RequestQuery(null, null, null, null, null, null, null, null, null, null);
    }

    /** This filter, also bounding when the request was registered ({@code null} leaves a side open). */
    public RequestQuery registeredBetween(Instant after, Instant before) {
        return new RequestQuery(status, type, department, assignee, channel, citizenId, overdue, text, from, to, after,
                before, changedAfter, changedBefore, types, done);
    }

    /** This filter, also bounding when the request last changed ({@code null} leaves a side open). */
    public RequestQuery changedBetween(Instant after, Instant before) {
        return new RequestQuery(status, type, department, assignee, channel, citizenId, overdue, text, from, to,
                registeredAfter, registeredBefore, after, before, types, done);
    }

    /** This filter, also requiring the request to be done or not ({@code null}: either). */
    public RequestQuery done(Boolean isDone) {
        return new RequestQuery(status, type, department, assignee, channel, citizenId, overdue, text, from, to,
                registeredAfter, registeredBefore, changedAfter, changedBefore, types, isDone);
    }

    /** This filter, also requiring one of these types. */
    public RequestQuery ofTypes(Set<String> anyOf) {
        return new RequestQuery(status, type, department, assignee, channel, citizenId, overdue, text, from, to,
                registeredAfter, registeredBefore, changedAfter, changedBefore, anyOf, done);
    }
}
