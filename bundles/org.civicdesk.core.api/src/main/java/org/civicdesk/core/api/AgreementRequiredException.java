package org.civicdesk.core.api;

/**
 * The staff member has not accepted the confidentiality agreement in force, so no citizen data is shown to them, nor
 * changed by them, until they do (R20).
 */
public class AgreementRequiredException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public AgreementRequiredException(String message) {
        super(message);
    }
}
