package org.civicdesk.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk citizen PINs", description = "PINs citizens identify with on the phone and the portal")
public @interface CitizenPinsConfig {
    @AttributeDefinition(name = "PIN digits", min = "4", max = "12")
    int digits() default 6;

    @AttributeDefinition(name = "Wrong PINs before the lock", min = "1")
    int attempts() default 3;

    @AttributeDefinition(name = "Lock (minutes)", min = "1")
    int lockMinutes() default 30;

    @AttributeDefinition(name = "PBKDF2 iterations", min = "10000")
    int iterations() default 100_000;
}
