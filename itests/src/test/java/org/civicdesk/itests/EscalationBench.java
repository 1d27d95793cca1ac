package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Locale;

import org.civicdesk.request.api.DeadlineCheck;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * One escalation pass (R7) over {@code bench.requests} open requests (default 1,000,000, registered over this year so
 * far, written by {@link BenchData} with their next step to be worked out, as an upgrade leaves them): the first pass
 * looks at every one and takes every step due (complaints long overdue go to levels 1 and 2, each step an event with
 * its audit entry and notifications); the second is the everyday pass, which finds through its index only what has
 * come due. Prints both times; run with {@code mvn verify -Pbench -pl itests -Dit.test=EscalationBench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EscalationBench extends CivicDeskTestSupport {
    private static final int STORED = Integer.getInteger("bench.requests", 1_000_000);

    /** The scheduled job stays out of the way (its first run is at boot, before the data): the bench runs the passes. */
    @Override
    protected Option[] extra() {
        return new Option[] {KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.escalation.cfg",
                "intervalSeconds", "86400")};
    }

    @Test
    public void onePassOverAMillionOpenRequests() throws Exception {
        long started = System.currentTimeMillis();
        // Registered this year, numbered in 2002: the demo files its own requests of this year as the data is written.
        BenchData.generate(dataSource(), LocalDate.now(BenchData.CITY).getYear(), 2002, STORED, true);
        System.out.println("BENCH stored " + count("SELECT COUNT(*) FROM CD_REQUEST_STATE WHERE NEXT_STEP IS NOT NULL")
                + " open requests, generated in " + (System.currentTimeMillis() - started) / 1000 + " s");
        DeadlineCheck deadlines = bundleContext.getService(bundleContext.getServiceReference(DeadlineCheck.class));

        long first = System.nanoTime();
        int steps = deadlines.runNow();
        double firstSeconds = (System.nanoTime() - first) / 1e9;
        System.out.println(String.format(Locale.ROOT, "BENCH first escalation pass over %d open requests: %.1f s, %d steps "
                + "taken (%.0f requests/s)", STORED, firstSeconds, steps, STORED / firstSeconds));
        assertTrue("complaints long overdue escalated", steps > 0);

        long second = System.nanoTime();
        int again = deadlines.runNow();
        System.out.println(String.format(Locale.ROOT, "BENCH everyday escalation pass over %d open requests: %.3f s, %d "
                + "steps taken", STORED, (System.nanoTime() - second) / 1e9, again));
        assertEquals("nothing is due twice on one day", 0, again);
        assertEquals("nothing left due today", 0, count("SELECT COUNT(*) FROM CD_REQUEST_STATE WHERE NEXT_STEP <= '"
                + LocalDate.now(BenchData.CITY) + "'"));
    }
}
