package org.civicdesk.appointment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The reminder the day before an appointment ({@code etc/org.civicdesk.appointment.reminder.cfg}). */
@ObjectClassDefinition(name = "CivicDesk appointment reminder",
        description = "An e-mail to the citizen the day before the appointment, when they have an address.")
public @interface ReminderConfig {
    @AttributeDefinition(description = "Send reminders at all")
    boolean enabled() default true;

    @AttributeDefinition(name = "civicdesk.job.period", description = "Milliseconds between two looks for tomorrow's "
            + "appointments not yet reminded (once per cluster)")
    long civicdesk_job_period() default 600_000L;
}
