package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every satisfaction test again on a real PostgreSQL server: the rating table's changeset, its
 * score check and its row and TRUNCATE triggers there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SatisfactionPostgresIT extends SatisfactionIT {
    @Override
    protected Option[] extra() {
        return PostgresServer.distributionOptions("satisfaction");
    }

    @Test
    public void theRatingTableCannotBeTruncated() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        assertRefused("TRUNCATE CD_REQUEST_RATING");
    }
}
