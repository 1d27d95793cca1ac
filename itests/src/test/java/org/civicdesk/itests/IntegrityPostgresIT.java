package org.civicdesk.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/** {@link IntegrityIT} on PostgreSQL, where the database's owner can drop triggers too; a database per test. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class IntegrityPostgresIT extends IntegrityIT {
    private static int databases;

    @Override
    protected Option[] extra() {
        Option[] postgres = PostgresServer.distributionOptions("integrity" + (++databases));
        Option[] own = super.extra();
        Option[] all = java.util.Arrays.copyOf(postgres, postgres.length + own.length);
        System.arraycopy(own, 0, all, postgres.length, own.length);
        return all;
    }
}
