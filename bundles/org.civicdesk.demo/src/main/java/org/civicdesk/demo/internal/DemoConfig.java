package org.civicdesk.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk demo municipality",
        description = "Seeds demo departments, staff (password = user name), citizens and requests into an empty database.")
public @interface DemoConfig {
    @AttributeDefinition(name = "Enabled")
    boolean enabled() default false;

    @AttributeDefinition(name = "Citizens", min = "0")
    int citizens() default 3000;

    @AttributeDefinition(name = "Requests", min = "0")
    int requests() default 300;

    @AttributeDefinition(name = "Polls", description = "Two public consultations with votes, where the engagement feature is"
            + " installed")
    boolean polls() default true;

    @AttributeDefinition(name = "Short poll (seconds)", description = "How long after seeding the demo's short poll closes,"
            + " so that its results show on the day", min = "1")
    int shortPollSeconds() default 120;

    @AttributeDefinition(name = "Random seed", description = "Same seed, same data")
    long seed() default 20261123L;
}
