package org.civicdesk.itests;


import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Every core test again, on a real PostgreSQL server: the same distribution, with only
 * {@code etc/org.ops4j.datasource-civicdesk.cfg} changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
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
        return PostgresServer.distributionOptions(PostgresServer.DATABASE);
    }
}
