package org.civicdesk.request.api;

import java.time.Instant;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The record of every contact with a citizen (R11), kept like request history: each step is
 * appended, nothing is changed or removed. A staff member starts an interaction when a contact
 * begins, identifies the citizen, links the requests filed, and closes it with an outcome.
 *
 * <p>Staff see their own interactions; supervisors and administrators every one; an operator
 * also sees a citizen's past interactions in the 360° view. Every read of a citizen's
 * interactions is audited.
 */
@ProviderType
public interface InteractionLog {
    /** Begins a contact on {@code channel}, taken by {@code actor}. */
    Interaction start(Actor actor, Channel channel);

    /**
     * Says who the citizen is, and whether their identity was verified.
     *
     * @throws org.civicdesk.core.api.NotFoundException if the interaction or the citizen does not exist
     * @throws org.civicdesk.core.api.ConflictException if the interaction is closed
     */
    Interaction identify(Actor actor, String interactionId, String citizenId, boolean verified);

    /** Links a request filed (or talked about) during the contact. */
    Interaction link(Actor actor, String interactionId, RequestNumber request);

    /**
     * Ends the contact.
     *
     * @throws org.civicdesk.core.api.InvalidInputException if the outcome is missing, or is
     *         {@link InteractionOutcome#REQUEST_FILED} with no request linked
     */
    Interaction close(Actor actor, String interactionId, InteractionOutcome outcome, String remarks);

    /** One interaction, if the actor may see it. */
    Interaction get(Actor actor, String interactionId);

    /** A citizen's interactions, newest first, at most {@code limit}. Audited. */
    List<Interaction> ofCitizen(Actor actor, String citizenId, int limit);

    /** The actor's own interactions, newest first, at most {@code limit}; the open ones among them first. */
    List<Interaction> mine(Actor actor, int limit);

    /**
     * Every contact started in [{@code from}, {@code to}), whoever took it and on whatever channel, oldest first, at most
     * {@code limit}: the call centre's log of a day. Supervisors and administrators only; each listing is audited.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException for anyone else
     * @throws org.civicdesk.core.api.InvalidInputException when the period is empty or longer than
     *         {@link #LONGEST_PERIOD_DAYS} days, or the limit is not between 1 and {@link #MAX_PERIOD_LIST}
     * @since 2.7
     */
    List<Interaction> between(Actor actor, Instant from, Instant to, int limit);

    /** The longest period {@link #between} lists. */
    int LONGEST_PERIOD_DAYS = 31;
    /** The most contacts {@link #between} returns at once. */
    int MAX_PERIOD_LIST = 2000;
}
