package org.civicdesk.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk REST API", description = "The /api/v1 application and its browser sessions")
@interface RestConfig {
    @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1", max = "720",
            description = "A console session without a call for this long is ended and must log in again")
    int sessionIdleMinutes() default 30;
}
