package org.civicdesk.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;

import org.junit.Test;
import org.junit.runner.RunWith;
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
    @Test
    public void theDataSourceIsPostgres() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        assertTrue(count("SELECT COUNT(*) FROM cd_request") > 0);
        var refs = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=civicdesk-tax)");
        try (Connection c = bundleContext.getService(refs.iterator().next()).getConnection()) {
            assertEquals("the tax source too", "PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
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
        String taxCfg = "etc/org.ops4j.datasource-civicdesk-tax.cfg";
        String taxDemo = "etc/org.civicdesk.datasource.tax.demo.cfg";
        return new Option[] {
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(cfg, "url", server.jdbcUrl()),
            editConfigurationFilePut(cfg, "user", PostgresServer.USER),
            editConfigurationFilePut(cfg, "password", PostgresServer.PASSWORD),
            // The tax data source, and its demo data, on PostgreSQL too.
            editConfigurationFilePut(taxCfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            // As etc/ documents it: pgjdbc refuses writes in autocommit only with readOnlyMode=always.
            editConfigurationFilePut(taxCfg, "url",
                    server.jdbcUrl(PostgresServer.TAX_DATABASE) + "?readOnly=true&readOnlyMode=always"),
            editConfigurationFilePut(taxCfg, "user", PostgresServer.USER),
            editConfigurationFilePut(taxCfg, "password", PostgresServer.PASSWORD),
            editConfigurationFilePut(taxDemo, "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)"),
            editConfigurationFilePut(taxDemo, "url", server.jdbcUrl(PostgresServer.TAX_DATABASE)),
            editConfigurationFilePut(taxDemo, "user", PostgresServer.USER),
            editConfigurationFilePut(taxDemo, "password", PostgresServer.PASSWORD)};
    }
}
