package org.civicdesk.channel.phone.api;

/**
 * The call is over: the caller hung up, or the exchange dropped the line. Thrown by every
 * {@link RobotCall} method that talks to the caller; a step lets it pass (after saving what must not
 * be lost, such as a message recorded until the hang-up), and the robot ends the call.
 */
public class CallEndedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CallEndedException(String message, Throwable cause) {
        super(message, cause);
    }
}
