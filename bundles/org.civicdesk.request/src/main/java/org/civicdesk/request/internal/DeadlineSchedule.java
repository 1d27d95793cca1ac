package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.civicdesk.request.api.EscalationRule;
import org.civicdesk.request.api.RequestType;

/**
 * When a request's deadline is chased (R7), from its type's {@link EscalationRule} and the working calendar: the day of
 * its next step, and the steps due on a day. Level 0 is the warning to the assignee on the working day by which the
 * rule's share of the deadline's working days has passed; level 1 comes the day after the deadline (the first day the
 * request is overdue); level 2 the day after the rule's further working days past the deadline. A warning is moot once
 * the deadline has passed: an overdue request goes straight to level 1 (and 2 when that is due too).
 */
final class DeadlineSchedule {
    private final WorkingCalendar calendar;

    DeadlineSchedule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The day the assignee is warned, or {@code null} when the type warns nobody. */
    LocalDate warningDay(RequestType type, LocalDate deadline) {
        int percent = type.escalation().warnAtPercent();
        if (percent == 0) {
            return null;
        }
        int elapsed = type.slaDays() * percent / 100;
        return calendar.subtractWorkingDays(deadline, type.slaDays() - elapsed);
    }

    /** The day level 2 is due. */
    LocalDate level2Day(RequestType type, LocalDate deadline) {
        return calendar.addWorkingDays(deadline, type.escalation().level2AfterDays()).plusDays(1);
    }

    /**
     * The day of the request's next step as seen on {@code today}, or {@code null} when none will come (done, waiting
     * for the citizen, or nothing more to escalate). It may lie before {@code today}: then it is due now.
     *
     * @param level the highest level reached, or {@code null}
     */
    LocalDate nextStep(RequestType type, LocalDate deadline, Integer level, boolean waiting, boolean finished,
            LocalDate today) {
        if (finished || waiting || type == null) {
            return null;
        }
        int reached = level == null ? -1 : level;
        LocalDate warning = warningDay(type, deadline);
        if (reached < 0 && warning != null && !today.isAfter(deadline)) {
            return warning;
        }
        if (!type.escalation().escalates()) {
            return null;
        }
        if (reached < 1) {
            return deadline.plusDays(1);
        }
        return reached < 2 ? level2Day(type, deadline) : null;
    }

    /** The levels due on {@code today}, in order (e.g. {@code [1, 2]} for a letter found long overdue); may be empty. */
    List<Integer> due(RequestType type, LocalDate deadline, Integer level, LocalDate today) {
        int reached = level == null ? -1 : level;
        List<Integer> steps = new ArrayList<>();
        if (type.escalation().escalates()) {
            if (today.isAfter(deadline) && reached < 1) {
                steps.add(1);
            }
            if (!today.isBefore(level2Day(type, deadline)) && reached < 2) {
                steps.add(2);
            }
        }
        LocalDate warning = warningDay(type, deadline);
        if (steps.isEmpty() && reached < 0 && warning != null && !today.isBefore(warning) && !today.isAfter(deadline)) {
            steps.add(0);
        }
        return steps;
    }
}
