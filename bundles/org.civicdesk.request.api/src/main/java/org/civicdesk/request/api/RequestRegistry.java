package org.civicdesk.request.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Page;
import org.civicdesk.identity.api.CitizenDetails;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The central store of requests (R3, R5, R6). Visibility: admins and operators see every
 * request (operators to answer callers), supervisors their department's, employees those
 * assigned to them; a request the actor may not see is reported as not found. Every read and
 * every change is audited.
 */
@ProviderType
public interface RequestRegistry {

    /**
     * Registers a request: gives it the next registration number of the year, computes its
     * deadline and records its first history event, all at once.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for an unknown type, invalid citizen or empty description
     */
    ServiceRequest file(Actor actor, NewRequest request);

    /** A request the actor may see. @throws org.civicdesk.core.api.NotFoundException otherwise */
    ServiceRequest get(Actor actor, RequestNumber number);

    /**
     * The request with this tracking code, for the citizen following it without an account
     * (R5). Callers must show only what is public: number, type, status, dates, department.
     */
    Optional<ServiceRequest> track(String trackingCode);

    /**
     * The answers to the type's attributes given when the request was filed, by attribute code in
     * the type's order; empty when it asked none.
     *
     * @throws org.civicdesk.core.api.NotFoundException when the actor may not see the request
     */
    Map<String, List<String>> attributes(Actor actor, RequestNumber number);

    /**
     * The contact a reporter without a national id left with the request (no national id in it),
     * if any. Personal data: the read is audited.
     *
     * @throws org.civicdesk.core.api.NotFoundException when the actor may not see the request
     */
    Optional<CitizenDetails> contact(Actor actor, RequestNumber number);

    /** The full history of a request, oldest first. */
    List<RequestEvent> history(Actor actor, RequestNumber number);

    /** Requests the actor may see that match the query, overdue first, then newest first. */
    Page<ServiceRequest> search(Actor actor, RequestQuery query, int offset, int limit);

    /**
     * Requests the actor may see that match the query, the most recently registered first, without
     * counting them all: what a public feed pages through, fast however many requests are stored.
     */
    List<ServiceRequest> newest(Actor actor, RequestQuery query, int offset, int limit);

    /**
     * The open requests of a department per assignee (the key {@code ""} for those not assigned
     * yet): a supervisor's view of who carries what.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor supervises the department or is an admin
     */
    Map<String, Long> workload(Actor actor, String department);

    /**
     * Appends a change to a request's history and returns its new state.
     *
     * @throws org.civicdesk.core.api.ConflictException     for a transition the workflow does not allow
     * @throws org.civicdesk.core.api.AccessDeniedException when the actor may see but not change it
     */
    ServiceRequest apply(Actor actor, RequestNumber number, RequestChange change);

    /**
     * Appends several changes to a request's history in one transaction, in order: all of them or, when one is refused,
     * none (a status change with an internal note beside it). Returns the request's state after the last.
     *
     * @throws org.civicdesk.core.api.InvalidInputException when no change is given
     * @since 2.7
     */
    ServiceRequest apply(Actor actor, RequestNumber number, List<RequestChange> changes);

    /**
     * The citizen's rating of their request, given with its tracking code (the secret they follow it
     * with): recorded once, in the request's history, only once the request is in a final status of
     * its type. Nothing is stored when it is refused.
     *
     * @param trackingCode the request's tracking code
     * @param score        1 to 5
     * @param comment      the citizen's words, or {@code null}
     * @throws org.civicdesk.core.api.InvalidInputException for a malformed code, a score outside 1–5 or a
     *         comment that {@link Rating#check} refuses
     * @throws org.civicdesk.core.api.NotFoundException     when no request has this code
     * @throws org.civicdesk.core.api.ConflictException     when the request is not closed yet or was rated already
     * @since 2.2
     */
    Rating rate(String trackingCode, int score, String comment);

    /**
     * The rating of the request with this tracking code, if its citizen gave one: what the portal
     * shows them. Callers must show only the score to the public.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a malformed code
     * @since 2.2
     */
    Optional<Rating> trackRating(String trackingCode);

    /**
     * The citizen's rating of a request the actor may see, if one was given.
     *
     * @throws org.civicdesk.core.api.NotFoundException when the actor may not see the request
     * @since 2.2
     */
    Optional<Rating> rating(Actor actor, RequestNumber number);

    /**
     * The ratings given in {@code [from, to)} of the requests the actor may see, oldest first: what a
     * satisfaction report counts. The read is audited.
     *
     * @since 2.2
     */
    List<Rating> ratings(Actor actor, Instant from, Instant to);

    /**
     * When the latest change to any request was recorded (a filing or a later event), in milliseconds
     * since the epoch, or 0 when there is no request: one indexed read. A cache of what public lists
     * show is stale once this moves. A change committed just after one recorded later may not move
     * it, so such a cache also ages out on its own.
     *
     * @since 2.4
     */
    long lastChange();

    /**
     * Writes requests registered before CivicDesk, with their status changes, as filing and later changes write them:
     * each numbered in its registration year after what that year has numbered, each record with its audit entry (so
     * integrity verification covers them as it covers every other), all in one transaction: all of them or none. Days
     * the reports had summed are summed again. For a city's archive: an administrator only; the batch is audited.
     *
     * @return the numbers given, in the order of {@code requests}
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor is an administrator
     * @throws org.civicdesk.core.api.InvalidInputException for an unknown type or citizen, a status the type does not
     *         have, a time in the future or before the one it follows, an empty description, or more than
     *         {@link #MAX_IMPORT} requests; nothing is written
     * @since 2.5
     */
    List<RequestNumber> importPast(Actor actor, List<PastRequest> requests);

    /**
     * The citizens a retention period has passed for: every request of theirs finished, each longer ago than its type's
     * period — finished before {@code cutoffs.get(type)}, or before {@code otherwise} for a type not in it ({@code null}:
     * a type without a period keeps its citizens) — in the order of their ids, after {@code after}.
     *
     * @param after the last id of the previous page, or {@code ""}
     * @since 2.6
     */
    List<String> citizensPastRetention(Map<String, Instant> cutoffs, Instant otherwise, String after, int limit);

    /**
     * Forgets the contacts that reporters without a national id left on requests a retention period has passed for —
     * finished before {@code cutoffs.get(type)}, or before {@code otherwise} for a type not in it ({@code null}: a type
     * without a period keeps them): their key is destroyed, so the name, address, phone and e-mail sealed with it are
     * gone, while the request stays whole. At most {@code limit} requests; audited.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException unless the actor is the system or an administrator
     * @return how many requests' contacts were forgotten
     * @since 2.10
     */
    int forgetReportersPastRetention(Actor actor, Map<String, Instant> cutoffs, Instant otherwise, int limit);

    /** Most requests {@link #importPast} takes at once. */
    int MAX_IMPORT = 1000;
}
