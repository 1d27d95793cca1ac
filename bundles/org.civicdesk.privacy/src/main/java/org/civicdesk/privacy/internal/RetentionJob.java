package org.civicdesk.privacy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (GDPR art. 5(1)(e)): once per cluster, every person whose requests are all closed for longer than their
 * types' periods is erased, by the system, with the periods as the reason; {@code GET /api/v1/erasures} lists it.
 */
@Component(service = Job.class, configurationPid = RetentionJob.PID,
        property = {Job.ID + "=" + RetentionJob.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=3600000"})
@Designate(ocd = RetentionConfig.class)
public class RetentionJob implements Job {
    static final String PID = "org.civicdesk.privacy.retention";
    static final String JOB = "privacy-retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final String EVERY_OTHER = "*";

    private final DataSubjectRights rights;
    private final RequestRegistry requests;
    private final CitizenRegistry citizens;
    private final CityClock clock;
    private final Actor system = Actor.system("privacy.retention");
    private volatile RetentionConfig config;
    private volatile Map<String, String> periods;

    @Activate
    public RetentionJob(@Reference DataSubjectRights rights, @Reference RequestRegistry requests,
            @Reference CitizenRegistry citizens, @Reference CityClock clock, RetentionConfig config) {
        this.rights = rights;
        this.requests = requests;
        this.citizens = citizens;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(RetentionConfig config) {
        Map<String, String> parsed = new HashMap<>();
        // A .cfg gives "a=P1Y, b=P2Y" as one value, ConfigAdmin an array: each entry either way.
        for (String entry : org.civicdesk.core.api.ConfiguredValues.of(config.periods())) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a retention period is type=period, not " + entry);
            }
            String period = entry.substring(equals + 1).strip();
            amount(period); // refused here, not at the first run
            parsed.put(entry.substring(0, equals).strip(), period);
        }
        this.periods = Map.copyOf(parsed);
        this.config = config;
    }

    /** An ISO-8601 period (calendar years and months) or duration (hours, seconds). */
    private static java.time.temporal.TemporalAmount amount(String period) {
        try {
            return period.contains("T") ? Duration.parse(period) : Period.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 period or duration: " + period, e);
        }
    }

    /** The moment {@code period} before {@code now}, in the city's calendar (a year is a calendar year). */
    private Instant cutoff(String period, Instant now) {
        return now.atZone(clock.zone()).minus(amount(period)).toInstant();
    }

    @Override
    public void run(JobContext context) {
        RetentionConfig current = config;
        if (!current.enabled()) {
            return;
        }
        Instant now = Instant.now();
        Map<String, Instant> cutoffs = new HashMap<>();
        periods.forEach((type, period) -> {
            if (!type.equals(EVERY_OTHER)) {
                cutoffs.put(type, cutoff(period, now));
            }
        });
        Instant otherwise = periods.containsKey(EVERY_OTHER) ? cutoff(periods.get(EVERY_OTHER), now) : null;
        int erased = 0;
        String after = "";
        while (erased < current.perRun()) {
            List<String> page = requests.citizensPastRetention(cutoffs, otherwise, after, 200);
            if (page.isEmpty()) {
                break;
            }
            for (String id : page) {
                after = id;
                if (erased >= current.perRun() || citizens.erased(id)) {
                    continue;
                }
                try {
                    rights.erase(system, id, "retention: every request closed for longer than its type's period ("
                            + String.join(", ", periods.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                    .sorted().toList()) + ")");
                    erased++;
                } catch (RuntimeException e) {
                    // The type only: a message may name the person.
                    LOG.warn("Retention could not erase a person: {}", e.getClass().getName());
                }
            }
        }
        if (erased > 0) {
            LOG.info("Retention erased {} people", erased);
        }
        // Reporters without a national id have no record to erase: the contact they left is forgotten instead.
        int forgotten = requests.forgetReportersPastRetention(system, cutoffs, otherwise, current.perRun());
        if (forgotten > 0) {
            LOG.info("Retention forgot the contacts left on {} requests", forgotten);
        }
    }
}
