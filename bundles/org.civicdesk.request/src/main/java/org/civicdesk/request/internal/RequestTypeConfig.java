package org.civicdesk.request.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

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
}
