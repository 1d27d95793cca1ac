package org.civicdesk.report.monthly.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "CivicDesk monthly report mail",
        description = "The previous month's reports mailed to each department head (an enabled supervisor with a "
                + "department and an e-mail address) once a month; the SMTP server is the notifications'")
@interface MonthlyReportConfig {
    @AttributeDefinition(description = "Mail the reports on the day and hour below; false: only when an administrator "
            + "runs civicdesk:report-mail-monthly")
    boolean enabled() default true;

    @AttributeDefinition(description = "The reports to send, by id; one that is not installed or takes no department "
            + "is left out")
    String[] reports() default {"requests-by-type", "sla-compliance", "backlog-ageing"};

    @AttributeDefinition(description = "The files' format", options = {@Option(label = "PDF", value = "pdf"),
        @Option(label = "Excel (XLSX)", value = "xlsx"), @Option(label = "CSV", value = "csv")})
    String format() default "pdf";

    @AttributeDefinition(description = "The day of the month, in the city, from which last month's reports go out "
            + "(a later day than the month has: its last)", min = "1", max = "31")
    int dayOfMonth() default 1;

    @AttributeDefinition(description = "The hour of that day, in the city, from which they go out (0-23)", min = "0",
            max = "23")
    int hour() default 7;

    @AttributeDefinition(description = "The language of the message and the files: ro or en",
            options = {@Option(label = "Română", value = "ro"), @Option(label = "English", value = "en")})
    String language() default "ro";
}
