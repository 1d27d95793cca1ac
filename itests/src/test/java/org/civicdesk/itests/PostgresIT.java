package org.civicdesk.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every core test again, on a real PostgreSQL server: the same distribution, with only
 * {@code etc/org.ops4j.datasource-civicdesk.cfg} changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends CoreIT {

    @Override
    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Test
    public void theDataSourceIsPostgres() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        assertTrue(count("SELECT COUNT(*) FROM cd_request") > 0);
    }

    @Override
    protected Option[] extra() {
        PostgresServer server;
        try {
            server = PostgresServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start PostgreSQL for the test: " + e.getMessage(), e);
        }
        String cfg = "etc/org.ops4j.datasource-civicdesk.cfg";
        return new Option[] {
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(cfg, "url", server.jdbcUrl()),
            editConfigurationFilePut(cfg, "user", PostgresServer.USER),
            editConfigurationFilePut(cfg, "password", PostgresServer.PASSWORD)};
    }
}
