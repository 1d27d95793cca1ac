package org.civicdesk.datasource.tax.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk demo tax database",
        description = "Creates a demo local-tax database when the configured one is empty.")
public @interface TaxDemoConfig {
    @AttributeDefinition(name = "JDBC URL", description = "The same database the tax data source reads")
    String url() default "jdbc:derby:civicdesk-tax;create=true";

    @AttributeDefinition(name = "Generated taxpayers", description = "Besides the three hand-checkable ones", min = "0")
    int taxpayers() default 2000;

    @AttributeDefinition(name = "Random seed")
    long seed() default 20261123L;
}
