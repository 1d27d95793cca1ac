package org.civicdesk.channel.phone.internal.queue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums each day of the call centre once it is over (two hours after midnight, when the calls that ran past it have
 * ended), so that reports over months read a row per day and figure instead of every call; the first run sums every
 * earlier day, {@link #DAYS_PER_RUN} at a time. A cluster job: one node sums a day. A day not summed yet is still
 * reported, summed when asked.
 */
@Component(service = Job.class, configurationPid = CallDaysJob.PID, property = {Job.ID + "=phone-call-days",
    Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=900000"})
public class CallDaysJob implements Job {
    static final String PID = "org.civicdesk.channel.phone.calldays";
    /** How many days one run sums at most: a city's years of calls are summed over a few runs. */
    static final int DAYS_PER_RUN = 400;
    private static final Logger LOG = LoggerFactory.getLogger(CallDaysJob.class);
    private static final LocalTime OVER_AT = LocalTime.of(2, 0);

    private final CallCentreLog log;
    private final CityClock clock;

    @Activate
    public CallDaysJob(@Reference CallCentreLog log, @Reference CityClock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void run(JobContext context) throws Exception {
        ZonedDateTime now = clock.now().atZone(clock.zone());
        LocalDate latest = now.toLocalTime().isBefore(OVER_AT) ? now.toLocalDate().minusDays(2)
                : now.toLocalDate().minusDays(1);
        LocalDate earliest = log.firstCallDay().orElse(null);
        if (earliest == null || earliest.isAfter(latest)) {
            return;
        }
        int summed = log.sumDaysOver(earliest, latest, DAYS_PER_RUN);
        if (summed > 0) {
            LOG.info("Call centre: {} days summed for the reports", summed);
        }
    }
}
