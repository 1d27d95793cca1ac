package org.civicdesk.core.api;

/** The actor is known but their roles do not allow the operation. */
public class AccessDeniedException extends CivicDeskException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
