package org.civicdesk.core.api;

/**
 * A stored record or file no longer matches the hash it was stored with: it was altered or
 * damaged behind the application. Nothing is served from it; an administrator must restore it.
 */
public class IntegrityException extends CivicDeskException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed its check, without personal data */
    public IntegrityException(String message) {
        super(message);
    }
}
