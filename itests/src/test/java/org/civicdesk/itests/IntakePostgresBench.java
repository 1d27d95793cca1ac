package org.civicdesk.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** {@link IntakeBench} on a real PostgreSQL server, in a database of its own. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntakePostgresBench extends IntakeBench {
    static {
        // Durable commits, as in production: the tests' server runs without fsync.
        System.setProperty("postgres.fsync", "on");
    }

    @Override
    protected Option[] extra() {
        Option[] postgres = PostgresServer.distributionOptions("bench_intake");
        Option[] all = java.util.Arrays.copyOf(postgres, postgres.length + super.extra().length);
        System.arraycopy(super.extra(), 0, all, postgres.length, super.extra().length);
        return all;
    }
}
