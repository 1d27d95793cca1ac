package org.civicdesk.datasource.tax.demo.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.civicdesk.core.api.CityClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty demo tax database, once, off the framework thread. It writes through its own
 * connection: the tax data source itself is read-only and has no write path. Derby by default;
 * another database through {@code dataSourceFactory.target}, {@code url}, {@code user} and
 * {@code password} in its configuration.
 */
@Component(configurationPid = "org.civicdesk.datasource.tax.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = TaxDemoConfig.class)
public class TaxDemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(TaxDemoSeeder.class);

    @Activate
    public TaxDemoSeeder(@Reference(name = "dataSourceFactory",
            target = "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)") DataSourceFactory derby,
            @Reference CityClock clock, TaxDemoConfig config) {
        int year = clock.today().getYear();
        CompletableFuture.runAsync(() -> seed(derby, config, year)).exceptionally(e -> {
            LOG.error("The demo tax database could not be created: {}", e.toString());
            return null;
        });
    }

    /** Creates the demo tax database with its tax years up to {@code year}, the city's current one. */
    private static void seed(DataSourceFactory derby, TaxDemoConfig config, int year) {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, config.url());
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        }
        try {
            DataSource ds = derby.createDataSource(props);
            try (Connection c = ds.getConnection()) {
                if (hasTables(c)) {
                    return;
                }
                long started = System.currentTimeMillis();
                TaxDemoDatabase.createSchema(c);
                TaxDemoDatabase.insertHandChecked(c, year);
                TaxDemoGenerator.generate(c, config.taxpayers(), year, config.seed());
                LOG.info("Demo tax database created in {} ms: {} taxpayers", System.currentTimeMillis() - started,
                        config.taxpayers() + 3);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasTables(Connection c) throws SQLException {
        // Derby keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String name : new String[] {"TAXPAYER", "taxpayer"}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
