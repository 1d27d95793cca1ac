package org.civicdesk.scheduler.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.civicdesk.scheduler.api.Job;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * What a job service's properties say: its id, whether it runs once per cluster, and its
 * schedule, as the Quartz triggers that carry it out.
 *
 * @param periodMillis the fixed interval, or {@code null}
 * @param cron         the cron expression, or {@code null}
 */
record JobSchedule(String id, boolean cluster, Long periodMillis, String cron) {
    /** Quartz's columns hold 200 characters of a name; a trigger's name adds a suffix to the id. */
    static final int MAX_ID = 150;
    static final String GROUP = "civicdesk";

    /**
     * Reads a job service's properties.
     *
     * @throws IllegalArgumentException saying what is wrong, for a job that cannot be scheduled
     */
    static JobSchedule of(Map<String, ?> properties) {
        Object id = properties.get(Job.ID);
        if (!(id instanceof String) || ((String) id).isBlank() || ((String) id).length() > MAX_ID) {
            throw new IllegalArgumentException(Job.ID + " must be a non-blank String of at most " + MAX_ID
                    + " characters, not " + id);
        }
        Object scope = properties.get(Job.SCOPE);
        if (scope != null && !Job.CLUSTER.equals(scope) && !Job.NODE.equals(scope)) {
            throw new IllegalArgumentException(Job.SCOPE + " must be " + Job.CLUSTER + " or " + Job.NODE + ", not " + scope);
        }
        Long period = period(properties.get(Job.PERIOD));
        Object cron = properties.get(Job.CRON);
        if (cron != null && !(cron instanceof String && CronExpression.isValidExpression((String) cron))) {
            throw new IllegalArgumentException(Job.CRON + " is not a Quartz cron expression: " + cron);
        }
        if (period == null && cron == null) {
            throw new IllegalArgumentException("a job needs " + Job.PERIOD + " or " + Job.CRON);
        }
        return new JobSchedule((String) id, Job.CLUSTER.equals(scope), period, (String) cron);
    }

    private static Long period(Object value) {
        if (value == null) {
            return null;
        }
        long millis;
        try {
            millis = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            millis = 0;
        }
        if (millis <= 0) {
            throw new IllegalArgumentException(Job.PERIOD + " must be a positive number of milliseconds, not " + value);
        }
        return millis;
    }

    JobKey key() {
        return new JobKey(id, GROUP);
    }

    /** The triggers of this schedule: an interval that starts now, and a cron expression. */
    Set<Trigger> triggers() {
        Set<Trigger> triggers = new LinkedHashSet<>();
        if (periodMillis != null) {
            // Runs that could not start in time (a node down, every worker busy) are skipped, not run in a burst.
            triggers.add(TriggerBuilder.newTrigger().withIdentity(id + "/period", GROUP).forJob(key()).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(periodMillis)
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
        }
        if (cron != null) {
            triggers.add(TriggerBuilder.newTrigger().withIdentity(id + "/cron", GROUP).forJob(key())
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getDefault())
                            .withMisfireHandlingInstructionDoNothing())
                    .build());
        }
        return triggers;
    }

    /** Whether the triggers a scheduler holds for the job already carry out this schedule. */
    boolean carriedOutBy(List<? extends Trigger> existing) {
        Set<Trigger> wanted = triggers();
        if (existing.size() != wanted.size()) {
            return false;
        }
        for (Trigger want : wanted) {
            boolean found = false;
            for (Trigger have : existing) {
                found |= have.getKey().equals(want.getKey()) && same(want, have);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Trigger want, Trigger have) {
        if (want instanceof SimpleTrigger w && have instanceof SimpleTrigger h) {
            return w.getRepeatInterval() == h.getRepeatInterval();
        }
        if (want instanceof CronTrigger w && have instanceof CronTrigger h) {
            return w.getCronExpression().equals(h.getCronExpression())
                    && w.getTimeZone().getID().equals(h.getTimeZone().getID());
        }
        return false;
    }
}
