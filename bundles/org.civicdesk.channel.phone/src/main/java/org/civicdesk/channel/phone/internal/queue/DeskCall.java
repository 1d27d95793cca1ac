package org.civicdesk.channel.phone.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The caller on an operator's line, as the console pops it up.
 *
 * @param citizenId     the caller when the robot identified them by PIN ({@code verified}), or the one
 *                      citizen whose phone is the caller's number, or {@code null}
 * @param matches       how many citizens have the caller's number
 * @param interactionId the interaction started for the operator
 * @param openRequests  the caller's requests still open, the newest first: what they are likely calling about
 */
public record DeskCall(String callId, String pbxChannel, String caller, String language, String citizenId,
        boolean verified, int matches, String interactionId, Instant at, List<OpenRequest> openRequests) {

    /** One of the caller's open requests, with whoever handles it (whom the caller may be transferred to). */
    public record OpenRequest(String number, String type, String status, String assignee, LocalDate deadline) {
    }
}
