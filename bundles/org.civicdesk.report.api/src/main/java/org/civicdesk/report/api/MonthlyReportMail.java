package org.civicdesk.report.api;

import java.time.YearMonth;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The monthly report mail to the department heads (installed with the reports while the notifications are): each
 * enabled supervisor with a department and an e-mail address receives, once per month, the previous month's reports
 * for their department as files. It goes out on its own on the configured day and hour
 * ({@code etc/org.civicdesk.report.monthly.cfg}); this service sends a month now, to the heads who have not had it.
 *
 * @since 1.2
 */
@ProviderType
public interface MonthlyReportMail {

    /**
     * What one mailing did.
     *
     * @param month       the month reported on
     * @param sent        the heads mailed now
     * @param alreadySent the heads who had had this month's mail before
     * @param failed      the heads whose mail did not go out (tried again at the next run)
     * @param reports     the reports each message carried, by id
     */
    record Mailing(YearMonth month, int sent, int alreadySent, int failed, List<String> reports) {
        public Mailing {
            reports = List.copyOf(reports);
        }
    }

    /**
     * Mails {@code month}'s reports to every department head who has not had them yet.
     *
     * @param actor who asks: an administrator, or the system
     * @throws org.civicdesk.core.api.AccessDeniedException for anyone else
     * @throws org.civicdesk.core.api.InvalidInputException ({@code month}) for a month that has not ended yet
     * @throws IllegalStateException                        when mail is disabled: nothing is sent, nothing recorded
     */
    Mailing send(Actor actor, YearMonth month);
}
