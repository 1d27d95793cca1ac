package org.civicdesk.core.api;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.SQLDataException;

import org.junit.Test;

public class FailuresTest {
    @Test
    public void namesTheChainAndTheSqlStateButNoMessage() {
        SQLDataException driver = new SQLDataException("A truncation error was encountered trying to shrink VARCHAR "
                + "'Ion Popescu' to length 100.", "22001");
        RuntimeException failure = new IllegalStateException("storing failed: Ion Popescu", new RuntimeException(
                "nested Ion Popescu", driver));
        String described = Failures.describe(failure);
        assertFalse(described, described.contains("Popescu"));
        assertTrue(described, described.startsWith("java.lang.IllegalStateException <- java.lang.RuntimeException <- "
                + "java.sql.SQLDataException [SQLState 22001] at "));
        assertTrue("where our code met it: " + described, described.contains("FailuresTest"));
    }

    @Test
    public void survivesACycleInTheChain() {
        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);
        assertTrue(Failures.describe(first).contains("java.lang.RuntimeException <- java.lang.RuntimeException"));
    }
}
