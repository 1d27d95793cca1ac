package org.civicdesk.request.api;

import java.util.Locale;
import java.util.regex.Pattern;

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
            throw new InvalidInputException("channel", "a channel id is 2-30 lower-case letters, digits or '-', "
                    + "starting with a letter");
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
            throw new InvalidInputException("channel", "the channel is required");
        }
        return new Channel(id.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id;
    }
}
