package org.civicdesk.datasource.tax.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk demo tax database",
        description = "Creates a demo local-tax database when the configured one is empty.")
public @interface TaxDemoConfig {
    @AttributeDefinition(name = "JDBC URL", description = "The same database the tax data source reads")
    String url() default "jdbc:derby:civicdesk-tax;create=true";

    @AttributeDefinition(name = "User", description = "Database user allowed to create the demo tables (not needed for Derby)")
    String user() default "";

    @AttributeDefinition(name = "Password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Driver", description = "Target filter of the JDBC DataSourceFactory, e.g. "
            + "(osgi.jdbc.driver.class=org.postgresql.Driver)")
    String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)";

    @AttributeDefinition(name = "Generated taxpayers", description = "Besides the three hand-checkable ones", min = "0")
    int taxpayers() default 2000;

    @AttributeDefinition(name = "Random seed")
    long seed() default 20261123L;
}
