package org.civicdesk.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk metrics", description = "/metrics in the Prometheus text format")
@interface MetricsConfig {
    @AttributeDefinition(description = "A scraper must send 'Authorization: Bearer <token>' with this token; empty: "
            + "only scrapers on this machine (loopback) are answered")
    String scrapeToken() default "";

    @AttributeDefinition(description = "The database connection pools to report, by the dataSourceName of their "
            + "pax-jdbc configuration, comma separated")
    String[] dataSourcePools() default {"civicdesk"};

    @AttributeDefinition(description = "Also report the JVM: memory, threads, processor, uptime")
    boolean jvm() default true;
}
