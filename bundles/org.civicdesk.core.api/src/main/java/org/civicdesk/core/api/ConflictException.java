package org.civicdesk.core.api;

/**
 * The operation contradicts the current state (a workflow transition that is not allowed,
 * a user name already taken). Nothing was changed.
 */
public class ConflictException extends CivicDeskException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
