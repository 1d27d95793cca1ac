package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's days summed for the reports ({@link RequestDays}): each day once it is over, the earlier days
 * {@link #DAYS_PER_RUN} at a time, and again each day over whose requests changed status since it was summed. A cluster
 * job: one node sums a day.
 */
@Component(service = Job.class, configurationPid = RequestDaysJob.PID, property = {Job.ID + "=request-days",
    Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=900000"})
public class RequestDaysJob implements Job {
    static final String PID = "org.civicdesk.request.days";
    /** How many days one run sums at most. */
    static final int DAYS_PER_RUN = 400;
    /** A change committed this long after it was stamped is still seen. */
    private static final long COMMIT_MARGIN_MILLIS = 300_000;
    /** Midnight's filings are committed by then. */
    private static final LocalTime OVER_AT = LocalTime.of(0, 10);
    private static final Logger LOG = LoggerFactory.getLogger(RequestDaysJob.class);

    private final RequestDays days;
    private final CityClock clock;
    private volatile long checkedUntil;

    @Activate
    public RequestDaysJob(@Reference RequestStatisticsImpl statistics, @Reference CityClock clock) {
        this.days = statistics.days();
        this.clock = clock;
    }

    @Override
    public void run(JobContext context) throws Exception {
        long started = System.currentTimeMillis();
        ZonedDateTime now = clock.now().atZone(clock.zone());
        LocalDate latest = now.toLocalDate().minusDays(now.toLocalTime().isBefore(OVER_AT) ? 2 : 1);
        LocalDate first = days.firstDay().orElse(null);
        if (first == null || first.isAfter(latest)) {
            return;
        }
        // Changes are looked for since the last run, or (the first run of this node) since a day was last summed.
        long since = (checkedUntil == 0 ? days.summed(first, latest).values().stream().mapToLong(Long::longValue).max()
                .orElse(started) : checkedUntil) - COMMIT_MARGIN_MILLIS;
        int count = days.sumMissing(first, latest, DAYS_PER_RUN);
        Map<LocalDate, Long> summed = days.summed(first, latest);
        // The status of a day's requests moves on after the day: sum again the days whose requests changed since.
        for (Map.Entry<LocalDate, Long> changed : days.changedSince(since).entrySet()) {
            Long at = summed.get(changed.getKey());
            if (at != null && at < changed.getValue()) {
                days.sum(changed.getKey());
                count++;
            }
        }
        checkedUntil = started;
        if (count > 0) {
            LOG.info("Registry: {} days summed for the reports", count);
        }
    }
}
