package org.civicdesk.notification.api;

/**
 * Why {@link StaffMail} sent nothing. Its message names neither the recipient nor their address, so that it may be
 * logged.
 *
 * @since 1.3
 */
public class StaffMailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Reason {
        /** Mail is disabled in {@code etc/org.civicdesk.notification.cfg}: try again once it is enabled. */
        DISABLED,
        /** No enabled staff account of that name with an e-mail address: trying again changes nothing. */
        NO_ADDRESS,
        /** The SMTP server could not be reached or did not accept the message: worth trying again later. */
        NOT_ACCEPTED
    }

    private final Reason reason;

    public StaffMailException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why nothing was sent. */
    public Reason reason() {
        return reason;
    }
}
