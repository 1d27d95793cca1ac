package org.civicdesk.core.api;

/** The named record does not exist, or the actor may not know that it exists. */
public class NotFoundException extends CivicDeskException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
