package org.civicdesk.notification.api;

import java.util.List;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Messages between staff (R22): to a colleague or to a department, pushed to the open consoles of
 * whoever receives them ({@link StaffMessageListener}) and kept, append-only, for both sides. They are
 * staff's own words, not citizen records: sending is audited, reading one's own is not.
 *
 * @since 1.5
 */
@ProviderType
public interface StaffMessages {
    /** The most characters a message may have. */
    int MAX_BODY = 2000;

    /** The most messages {@link #mine} gives at once. */
    int MAX_MINE = 200;

    /**
     * Sends a message, in one transaction with its audit entry: every recipient gets it, or none.
     *
     * @return the message as kept
     * @throws org.civicdesk.core.api.InvalidInputException when it names neither or both of a person and a
     *                                                      department, the text is empty or too long, or the request
     *                                                      number is malformed
     * @throws org.civicdesk.core.api.NotFoundException     when there is no such enabled colleague or department, or
     *                                                      the department has nobody else in it
     */
    StaffMessage send(Actor actor, NewStaffMessage message);

    /**
     * The messages the actor received or sent, newest first.
     *
     * @param limit   at most this many, 1 to {@link #MAX_MINE}
     * @param afterId only those with a greater id (0 for all): what a console that reconnects missed
     * @throws org.civicdesk.core.api.InvalidInputException when the limit is out of range
     */
    List<StaffMessage> mine(Actor actor, int limit, long afterId);
}
