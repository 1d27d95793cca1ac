package org.civicdesk.request.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.CitizenDetails;

/**
 * A request as taken on a channel.
 *
 * @param type        request type code
 * @param channel     channel of origin
 * @param citizen     who files it, found by national id or registered; details without a national id
 *                    are kept with the request as its contact only (a web report that leaves an
 *                    e-mail address); {@code null} for an anonymous report
 * @param description what the citizen asks or reports
 * @param location    where, or {@code null}
 * @param attributes  answers to the type's {@link RequestAttribute attributes}, by attribute code
 * @param reference   the channel's own name for what the request is filed from (e.g. a hash of an e-mail's
 *                    Message-ID), or {@code null}: not stored with the request, only handed to
 *                    {@link RequestEventListener#onFiled} so that the channel recognises its own filing inside
 *                    the filing's transaction; at most {@link #MAX_REFERENCE} characters
 * @param receivedOn  the day a letter reached the city hall, when the front desk registers it later: the deadline
 *                    counts from that day; only on the {@link Channel#DESK desk} channel, not in the future, at most
 *                    a year back; {@code null} for today (since 2.3)
 */
public record NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location,
        Map<String, List<String>> attributes, String reference, LocalDate receivedOn) {

    /** Longest description: what the registry stores. */
    public static final int MAX_DESCRIPTION = 4000;
    /** Longest address of the place. */
    public static final int MAX_ADDRESS = 300;
    /** Longest {@link #reference()}. */
    public static final int MAX_REFERENCE = 200;

    /**
     * @throws InvalidInputException when the description or the place's address is longer than
     *         stored or holds control characters (a description keeps its line breaks), or an
     *         attribute has no answers list, or the reference is longer than allowed
     */
    public NewRequest {
        TextInput.text("description", description, MAX_DESCRIPTION);
        TextInput.line("location.address", location == null ? null : location.address(), MAX_ADDRESS);
        if (attributes != null && attributes.entrySet().stream().anyMatch(a -> a.getKey() == null || a.getValue() == null)) {
            throw InvalidInputException.of("attributes", "attribute.values");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        TextInput.line("reference", reference, MAX_REFERENCE);
    }

    /** A request received the day it is filed. */
    public NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location,
            Map<String, List<String>> attributes, String reference) {
        this(type, channel, citizen, description, location, attributes, reference, null);
    }

    /** A request filed without a reference of the channel's. */
    public NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location,
            Map<String, List<String>> attributes) {
        this(type, channel, citizen, description, location, attributes, null, null);
    }

    /** A request of a type that asks nothing besides the description and the place. */
    public NewRequest(String type, Channel channel, CitizenDetails citizen, String description, Location location) {
        this(type, channel, citizen, description, location, Map.of(), null, null);
    }
}
