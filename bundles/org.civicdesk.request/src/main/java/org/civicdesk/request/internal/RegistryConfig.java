package org.civicdesk.request.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk request registry",
        description = "Calendar used for resolution deadlines.")
public @interface RegistryConfig {
    @AttributeDefinition(name = "Time zone", description = "The city hall's time zone: it decides the registration year and day.")
    String zone() default "Europe/Bucharest";

    @AttributeDefinition(name = "Public holidays", description = "Days (YYYY-MM-DD) not counted as working days.")
    String[] holidays() default {};
}
