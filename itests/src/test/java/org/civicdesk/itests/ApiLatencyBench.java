package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Latency of the calls an operator makes all day, measured over real HTTP on the assembled
 * distribution (Derby embedded): filing a request, reading it back, and opening a citizen's
 * 360° profile (with the tax section read from a tax database of {@code bench.taxpayers} generated
 * taxpayers, default 1,000,000). Prints p50/p99/max; run with {@code mvn verify -Pbench -pl itests}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiLatencyBench extends CivicDeskTestSupport {
    private static final int CALLS = Integer.getInteger("bench.calls", 2000);
    private static final int THREADS = Integer.getInteger("bench.threads", 10);

    private static final int TAXPAYERS = Integer.getInteger("bench.taxpayers", 1_000_000);


    @Override
    protected Option[] extra() {
        return new Option[] {org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.civicdesk.datasource.tax.demo.cfg", "taxpayers", Integer.toString(TAXPAYERS))};
    }

    /** Waits until the demo tax database holds every generated taxpayer. */
    private void awaitTaxDatabase() throws Exception {
        long started = System.currentTimeMillis();
        while (true) {
            var refs = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=civicdesk-tax)");
            if (!refs.isEmpty()) {
                try (var c = bundleContext.getService(refs.iterator().next()).getConnection();
                        var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM TAXPAYER")) {
                    rs.next();
                    if (rs.getInt(1) >= TAXPAYERS + 3) {
                        System.out.println("BENCH tax database: " + rs.getInt(1) + " taxpayers, generated in "
                                + (System.currentTimeMillis() - started) / 1000 + " s (from when the bench started waiting)");
                        return;
                    }
                } catch (java.sql.SQLException notYet) {
                    // tables not created yet
                }
            }
            Thread.sleep(2000);
        }
    }

    @Test
    public void operatorCalls() throws Exception {
        awaitDemoReady();
        awaitTaxDatabase();
        // A citizen with a usual history (the filings below all go to another one).
        String citizenId = get("operator", "/citizens?cnp=2550720350038&reason=test").body().get("items").get(0).get("id").asText();
        List<Long> filings = BenchSupport.measure(i -> {
            Reply r = post("operator", "/requests", CoreIT.pothole("1800101350018", "Bench " + i));
            assertEquals(201, r.status());
        }, 50, CALLS, THREADS);
        BenchSupport.Call profile = i -> {
            Reply r = get("operator", "/citizens/" + citizenId + "/profile?reason=bench");
            assertEquals(200, r.status());
        };
        List<Long> profiles = BenchSupport.measure(profile, 50, CALLS, THREADS);
        // One operator alone: the latency without queueing behind the others on a small machine.
        List<Long> alone = BenchSupport.measure(profile, 50, CALLS, 1);
        BenchSupport.report("POST /requests", filings, THREADS);
        BenchSupport.report("GET /citizens/{id}/profile", profiles, THREADS);
        BenchSupport.report("GET /citizens/{id}/profile", alone, 1);
    }
}
