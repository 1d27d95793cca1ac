package org.civicdesk.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk staff accounts",
        description = "Password hashing and login settings for staff accounts.")
public @interface StaffDirectoryConfig {
    @AttributeDefinition(name = "PBKDF2 iterations", min = "10000",
            description = "Work factor of new password hashes (OWASP: 600000).")
    int passwordIterations() default 600_000;

    @AttributeDefinition(name = "Minimum password length")
    int minimumPasswordLength() default 8;

    @AttributeDefinition(name = "Verified-login cache (seconds)",
            description = "How long a verified password is remembered so API calls need not re-hash it; 0 disables.")
    int credentialCacheSeconds() default 300;
}
