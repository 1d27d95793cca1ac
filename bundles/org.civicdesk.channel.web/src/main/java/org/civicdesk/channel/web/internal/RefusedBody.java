package org.civicdesk.channel.web.internal;

/**
 * A request whose body cannot be taken: too large (413), of a type the endpoint does not read
 * (415) or not readable as its type says (400). Nothing has been looked at or stored.
 */
final class RefusedBody extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    RefusedBody(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that answers it. */
    int status() {
        return status;
    }
}
