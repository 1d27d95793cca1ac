package org.civicdesk.request.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;

/**
 * Where a request came in or a contact took place, by its id: {@code phone}, {@code email},
 * {@code web}, {@code desk} or the id of a channel a plug-in adds. The set is open: which channels
 * are installed right now is said by {@link ChannelCatalog}, and a stored request keeps its
 * channel's id after that channel's bundle is gone.
 *
 * @param id lower-case letters, digits and '-', 2 to 30 characters, starting with a letter
 */
public record Channel(String id) {
    /** Declared first: the constants below are checked against it as they are made. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,29}");
    private static final String INTAKE = "channel.";

    /** A call to the city hall, answered by the phone robot or an operator. */
    public static final Channel PHONE = new Channel("phone");
    /** The citizen portal and Open311 clients. */
    public static final Channel WEB = new Channel("web");
    /** An e-mail to the city hall's mailbox. */
    public static final Channel EMAIL = new Channel("email");
    /** The front desk of the city hall. */
    public static final Channel DESK = new Channel("desk");

    /** @throws InvalidInputException when the id is not a channel id */
    public Channel {
        if (id == null || !ID.matcher(id).matches()) {
            throw InvalidInputException.of("channel", "channel.id");
        }
    }

    /**
     * The channel of an id as a client sends it (surrounding blanks and upper case allowed). It
     * says nothing of whether the channel is installed: ask {@link ChannelCatalog}.
     *
     * @throws InvalidInputException for a missing or malformed id
     */
    public static Channel parse(String id) {
        if (id == null || id.isBlank()) {
            throw InvalidInputException.of("channel", "channel.required");
        }
        return new Channel(id.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The actor a channel's intake records its work as, {@code system:channel.<id>}: what the
     * citizen sends through the channel (a new request, an answer that becomes a comment) then
     * carries the channel in the history, where {@link #intakeOf(String)} finds it again.
     *
     * @since 2.2
     */
    public Actor intakeActor() {
        return Actor.system(INTAKE + id);
    }

    /**
     * The channel whose intake an event of the history was recorded by (its {@code actor}), or
     * empty when a person or another component recorded it: e.g. a comment that is the
     * citizen's own answer coming back through the e-mail channel.
     *
     * @since 2.2
     */
    public static Optional<Channel> intakeOf(String actor) {
        String prefix = Actor.system(INTAKE).username();
        if (actor == null || !actor.startsWith(prefix) || !ID.matcher(actor.substring(prefix.length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Channel(actor.substring(prefix.length())));
    }

    @Override
    public String toString() {
        return id;
    }
}
