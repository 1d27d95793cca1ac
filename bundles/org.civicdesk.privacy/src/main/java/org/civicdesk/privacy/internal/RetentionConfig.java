package org.civicdesk.privacy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk retention", description = "How long after a request is closed its citizen's "
        + "identity is kept; then the retention job erases the person (a pseudonym from then on), once every request "
        + "of theirs is past its period")
public @interface RetentionConfig {
    @AttributeDefinition(description = "Whether the job erases anyone")
    boolean enabled() default true;

    @AttributeDefinition(description = "Per request type code, the period after closure, as type=ISO-8601 period "
            + "(P5Y, P18M) or duration (PT1H); * for every other type. A type with no period, and no *, keeps its "
            + "citizens")
    String[] periods() default {"*=P10Y"};

    @AttributeDefinition(description = "The most people erased in one run", min = "1")
    int perRun() default 500;

    @AttributeDefinition(name = "civicdesk.job.period", description = "Milliseconds between two runs (one node runs it)")
    long civicdesk_job_period() default 3_600_000L;
}
