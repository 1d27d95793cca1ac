package org.civicdesk.request.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.civicdesk.escalation.cfg}: how often deadlines are checked (the steps are each type's). */
@ObjectClassDefinition(name = "CivicDesk escalation",
        description = "Checks the deadlines of open requests: warnings, escalation levels 1 and 2 (see the request types).")
public @interface EscalationConfig {
    @AttributeDefinition(name = "Interval (seconds)", min = "1",
            description = "Seconds between two checks, once per cluster when several nodes share the database.")
    int intervalSeconds() default 300;
}
