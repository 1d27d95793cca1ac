package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The registry's side of chasing deadlines (R7), for {@link DeadlineWatch}: which requests have a step due, and taking
 * a request's steps. A service of this bundle only (its package is not exported).
 */
public interface DeadlineKeeper {
    /**
     * The requests whose next escalation step is due on {@code today}, after the position {@code (afterStep,
     * afterNumber)} in the order of step day then number: each as {@code "<step day> <number>"}, the next page's
     * position. Start with {@code ("", "")}.
     */
    List<String> escalationsDue(LocalDate today, String afterStep, String afterNumber, int max);

    /**
     * Takes the steps due on {@code today} for one request in one transaction: an {@code ESCALATED} event per level,
     * the priority raised, the listeners told, the next step worked out. Returns how many steps were taken (0 also
     * when the request changed at the same time: the next run takes it again).
     */
    int escalate(String number, LocalDate today);

    /**
     * Takes the steps due on {@code today} for each of {@code numbers} in one transaction: what {@link #escalate} does
     * for each, committed together (a pass over a million requests is not a million commits). All or nothing: when it
     * throws, nothing of it is kept and the caller takes the requests one by one.
     *
     * @return how many steps were taken
     */
    int escalateAll(List<String> numbers, LocalDate today);
}
