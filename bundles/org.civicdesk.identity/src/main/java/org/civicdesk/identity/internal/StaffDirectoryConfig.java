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

    @AttributeDefinition(name = "Staff record cache (seconds)",
            description = "How long a staff record read for a login is reused: a change made on another node sharing "
                    + "the database (an account disabled, new roles) takes effect within this time; on this node at once. "
                    + "0 disables.")
    int staffRecordCacheSeconds() default 5;
}
