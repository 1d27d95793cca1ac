package org.civicdesk.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk citizen PINs", description = "PINs citizens identify with on the phone and the portal")
public @interface CitizenPinsConfig {
    @AttributeDefinition(name = "PIN digits", min = "4", max = "12")
    int digits() default 6;

    @AttributeDefinition(name = "Wrong PINs before the lock", min = "1")
    int attempts() default 3;

    @AttributeDefinition(name = "Lock (minutes)", min = "1",
            description = "How long a locked PIN stays locked; also how long a caller's wrong PINs are counted")
    int lockMinutes() default 30;

    @AttributeDefinition(name = "Wrong PINs per caller", min = "1",
            description = "Wrong PINs or unknown national ids one caller (portal address, calling number) may "
                    + "try, whoever's, before it must wait out the lock time. Per citizen a caller always gets "
                    + "one fewer than the lock needs, so that no caller alone can lock a citizen out")
    int callerAttempts() default 10;

    @AttributeDefinition(name = "PBKDF2 iterations", min = "10000")
    int iterations() default 100_000;
}
