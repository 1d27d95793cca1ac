package org.civicdesk.request.api;

import java.util.Locale;

import org.civicdesk.core.api.Role;

/**
 * How a request type's deadline is chased (R7): a warning to the assignee once a share of the
 * time allowed has passed; at the deadline (once it has passed) escalation level 1, the department's
 * supervisors told and the priority raised; some working days later level 2, to the holders of a
 * role. A request waiting for the citizen in one of the pause statuses is not chased, and the
 * working days it waits move its deadline.
 *
 * @param warnAtPercent     the share of the deadline's working days after which the assignee is warned, 1 to 99;
 *                          0 warns nobody
 * @param escalates         whether a request past its deadline escalates (levels 1 and 2)
 * @param level2AfterDays   working days past the deadline after which level 2 follows level 1
 * @param level2Role        whom level 2 tells: holders of this role in the request's department or in none
 * @param pauseStatus       the status in which the request waits for the citizen and its deadline stands still,
 *                          or {@code null}
 * @since 2.3
 */
public record EscalationRule(int warnAtPercent, boolean escalates, int level2AfterDays, Role level2Role,
        String pauseStatus) {
    /** The status CivicDesk's workflows wait for the citizen in. */
    public static final String WAITING_FOR_CITIZEN = "waiting_for_citizen";
    /** The type that escalates unless its configuration says otherwise (R7). */
    public static final String COMPLAINT = "complaint";

    public EscalationRule {
        if (warnAtPercent < 0 || warnAtPercent > 99) {
            throw new IllegalArgumentException("warnAtPercent must be between 0 and 99");
        }
        if (level2AfterDays < 1) {
            throw new IllegalArgumentException("level2AfterDays must be 1 or more");
        }
        if (level2Role == null) {
            throw new IllegalArgumentException("level2Role is required");
        }
    }

    /** What a type without its own settings does: warn at 75 %, escalate complaints only, level 2 after 5 days. */
    public static EscalationRule defaults(String typeCode) {
        return new EscalationRule(75, COMPLAINT.equals(typeCode == null ? null : typeCode.toLowerCase(Locale.ROOT)), 5,
                Role.ADMIN, WAITING_FOR_CITIZEN);
    }
}
