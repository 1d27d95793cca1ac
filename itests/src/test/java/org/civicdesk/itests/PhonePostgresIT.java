package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Every phone robot test again, on a real PostgreSQL server (databases of their own): the call log,
 * call-backs, voice messages and PIN attempts through configuration alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PhonePostgresIT extends PhoneIT {
    @Test
    public void theCallLogIsOnPostgres() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
    }

    @Override
    protected Option[] extra() {
        return PostgresServer.distributionOptions("phone");
    }
}
