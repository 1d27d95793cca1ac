package org.civicdesk.appointment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One service by appointment per factory configuration {@code org.civicdesk.appointment.service-<code>.cfg}. */
@ObjectClassDefinition(name = "CivicDesk service by appointment",
        description = "A service a department offers at a counter, with its slots.")
public @interface ServiceConfig {
    @AttributeDefinition(name = "Code", description = "Stable code: lower-case letters, digits and -, e.g. id-card")
    String code();

    @AttributeDefinition(name = "Name (Romanian)")
    String name_ro();

    @AttributeDefinition(name = "Name (English)")
    String name_en();

    @AttributeDefinition(name = "Department", description = "Code of the department that offers it")
    String department();

    @AttributeDefinition(name = "Counter", description = "Where the citizen goes, as told to them")
    String counter();

    @AttributeDefinition(name = "Days", description = "Days of the week it is open: mon, tue, wed, thu, fri, sat, sun "
            + "(public holidays are always closed)")
    String[] days() default {"mon", "tue", "wed", "thu", "fri"};

    @AttributeDefinition(name = "Hours", description = "Opening hours, HH:MM-HH:MM, comma separated")
    String[] hours() default {"09:00-12:00"};

    @AttributeDefinition(name = "Slot length (minutes)", min = "5", max = "480")
    int durationMinutes() default 30;

    @AttributeDefinition(name = "Places per slot", min = "1", max = "500")
    int capacity() default 1;
}
