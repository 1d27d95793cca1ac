package org.civicdesk.report.standard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk standard reports", description = "Thresholds and lists of the standard reports")
@interface StandardReportsConfig {
    @AttributeDefinition(description = "audit-reads: a staff member reading more citizens' data entries than this in one "
            + "day is listed as above the threshold", min = "1")
    int dailyReadThreshold() default 100;

    @AttributeDefinition(description = "audit-reads: the audit actions that are reads of a person's data")
    String[] readActions() default {"citizen.read", "citizen.lookup", "citizen.profile", "interaction.read", "tax.read",
        "tax.summary"};

    @AttributeDefinition(description = "sla-compliance: the request types whose overdue requests are listed (complaints)")
    String[] complaintTypes() default {"complaint"};

    @AttributeDefinition(description = "The most rows of a list under a report (overdue complaints, reads per citizen)",
            min = "1")
    int listLimit() default 500;
}
