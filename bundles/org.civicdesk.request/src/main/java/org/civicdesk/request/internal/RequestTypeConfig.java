package org.civicdesk.request.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One request type per factory configuration {@code org.civicdesk.request.type-<code>.cfg}. */
@ObjectClassDefinition(name = "CivicDesk request type",
        description = "A predefined request type: department, deadline and workflow.")
public @interface RequestTypeConfig {
    @AttributeDefinition(name = "Code", description = "Stable code, lower case, e.g. pothole")
    String code();

    @AttributeDefinition(name = "Name (Romanian)")
    String name_ro();

    @AttributeDefinition(name = "Name (English)")
    String name_en();

    @AttributeDefinition(name = "Department", description = "Code of the responsible department")
    String department();

    @AttributeDefinition(name = "Deadline (working days)", min = "1")
    int slaDays() default 30;

    @AttributeDefinition(name = "Statuses", description = "Every status of the workflow; the first is the initial one.")
    String[] statuses() default {"registered", "assigned", "in_progress", "waiting_for_citizen", "resolved", "rejected",
            "closed"};

    @AttributeDefinition(name = "Transitions", description = "Allowed changes as from>to")
    String[] transitions() default {"registered>assigned", "registered>in_progress", "registered>rejected",
            "assigned>in_progress", "assigned>rejected", "in_progress>waiting_for_citizen",
            "waiting_for_citizen>in_progress", "in_progress>resolved", "in_progress>rejected", "resolved>closed",
            "resolved>in_progress"};

    @AttributeDefinition(name = "Final statuses", description = "Statuses in which a request is done")
    String[] finalStatuses() default {"resolved", "rejected", "closed"};

    @AttributeDefinition(name = "Attributes", required = false, description = "Codes of the questions a request of "
            + "this type answers besides its description, in order, comma separated. Each code is described by a "
            + "property attribute.<code> = datatype | required or optional | question in Romanian | question in "
            + "English [| key: Romanian / English, key: Romanian / English] where datatype is string, number, "
            + "datetime, text, singlevaluelist or multivaluelist and the last part lists a list's values.")
    String attributes() default "";

    @AttributeDefinition(name = "Caller", description = "Whom staff may file it for on the phone or at the desk: "
            + "identified (a citizen on record, verified), anonymous (anyone, no name needed) or contact (anyone who "
            + "leaves a phone number or an e-mail address)", options = {
                @Option(label = "Identified citizens only", value = "identified"),
                @Option(label = "Anyone, even anonymous", value = "anonymous"),
                @Option(label = "Anyone who leaves a contact", value = "contact")})
    String caller() default "identified";

    @AttributeDefinition(name = "Warn at (% of the deadline)", min = "0", max = "99", description = "The share of the "
            + "deadline's working days after which the assignee is warned that the deadline nears; 0 warns nobody.")
    int warnAtPercent() default 75;

    @AttributeDefinition(name = "Escalate", required = false, description = "true: a request past its deadline "
            + "escalates (level 1: the department's supervisors, priority high; level 2: see below); false: it is only "
            + "shown as overdue. Empty: complaints escalate, other types do not.")
    String escalate() default "";

    @AttributeDefinition(name = "Level 2 after (working days)", min = "1",
            description = "Working days past the deadline after which level 2 follows level 1.")
    int level2AfterDays() default 5;

    @AttributeDefinition(name = "Level 2 tells", description = "The role told at level 2 (priority urgent): its "
            + "holders in the request's department, and those of no department.")
    String level2Role() default "admin";

    @AttributeDefinition(name = "Pause status", required = false, description = "The status in which the request "
            + "waits for the citizen: its deadline stands still and moves by the working days waited. Empty: none.")
    String pauseStatus() default "waiting_for_citizen";

    @AttributeDefinition(name = "Quality: first response (hours)", min = "1", description = "Hours from an assignment to "
            + "the assignee's first action on the request: what contractors and staff are measured against.")
    int quality_firstResponseHours() default 24;

    @AttributeDefinition(name = "Quality: resolution (working days)", min = "0",
            description = "Working days from an assignment to the resolution; 0: the deadline's.")
    int quality_resolveDays() default 0;

    @AttributeDefinition(name = "Quality: most reopened (%)", min = "0", max = "100",
            description = "The most resolved requests, in percent, that may come back.")
    int quality_maxReopenPercent() default 10;
}
