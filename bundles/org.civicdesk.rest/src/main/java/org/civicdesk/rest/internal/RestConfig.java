package org.civicdesk.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk REST API",
        description = "The /api/v1 application: browser sessions, login throttling and the reverse proxies it trusts")
@interface RestConfig {
    @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1", max = "720",
            description = "A console session without a call for this long is ended and must log in again")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Trusted reverse proxies",
            description = "Comma-separated IP addresses or CIDR ranges of the reverse proxies in front of CivicDesk. "
                    + "Only from these are X-Forwarded-For and X-Forwarded-Proto believed: the client's address for "
                    + "login throttling, and HTTPS for Secure cookies and HSTS. Empty: none")
    String trustedProxies() default "";

    @AttributeDefinition(name = "Wrong passwords per address and user", min = "1",
            description = "Failed logins as one user from one address before that address must wait to try again")
    int loginFailuresPerAddressAndUser() default 5;

    @AttributeDefinition(name = "Wrong passwords per address", min = "1",
            description = "Failed logins from one address, whatever the user names, before it must wait")
    int loginFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Wrong passwords per user from new addresses", min = "1",
            description = "Failed logins as one user from addresses it never logged in from, before such addresses "
                    + "must wait; the user's own addresses are not held back")
    int loginFailuresPerUserFromNewAddresses() default 50;

    @AttributeDefinition(name = "First wait (seconds)", min = "1",
            description = "The wait once the failures allowed are used; it doubles with every further failure")
    int loginFirstDelaySeconds() default 30;

    @AttributeDefinition(name = "Longest wait (seconds)", min = "1")
    int loginMaxDelaySeconds() default 900;

    @AttributeDefinition(name = "Failures forgotten after (minutes)", min = "1",
            description = "A key with no failure for this long starts afresh")
    int loginFailureMemoryMinutes() default 60;

    @AttributeDefinition(name = "HSTS max-age (seconds)", min = "0",
            description = "Strict-Transport-Security sent on answers to HTTPS calls; 0 sends none")
    long hstsMaxAgeSeconds() default 31_536_000L;
}
