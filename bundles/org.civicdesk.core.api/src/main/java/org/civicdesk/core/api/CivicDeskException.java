package org.civicdesk.core.api;

/**
 * Base of the exceptions CivicDesk services throw for a request they refuse. Each subtype
 * maps to one HTTP status and one shell message; none of them means the system failed.
 */
public abstract class CivicDeskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CivicDeskException(String message) {
        super(message);
    }

    protected CivicDeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
