package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Latency of the calls an operator makes all day, measured over real HTTP on the assembled
 * distribution (Derby embedded): filing a request, reading it back, and opening a citizen's
 * 360° profile. Prints p50/p99/max; run with {@code mvn verify -Pbench -pl itests}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiLatencyBench extends CivicDeskTestSupport {
    private static final int CALLS = Integer.getInteger("bench.calls", 2000);
    private static final int THREADS = Integer.getInteger("bench.threads", 10);

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Test
    public void operatorCalls() throws Exception {
        awaitDemoReady();
        // A citizen with a usual history (the filings below all go to another one).
        String citizenId = get("operator", "/citizens?cnp=2550720350038").body().get("items").get(0).get("id").asText();
        List<Long> filings = measure(i -> {
            Reply r = post("operator", "/requests", CoreIT.pothole("1800101350018", "Bench " + i));
            assertEquals(201, r.status());
            return r.body().get("number").asText();
        });
        List<Long> profiles = measure(i -> {
            Reply r = get("operator", "/citizens/" + citizenId + "/profile?reason=bench");
            assertEquals(200, r.status());
            return null;
        });
        report("POST /requests", filings);
        report("GET /citizens/{id}/profile", profiles);
    }

    private interface Call {
        Object run(int i) throws Exception;
    }

    private List<Long> measure(Call call) throws Exception {
        for (int i = 0; i < 50; i++) {
            call.run(i); // warm-up
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    call.run(n);
                    return System.nanoTime() - start;
                }));
            }
            List<Long> times = new ArrayList<>();
            for (Future<Long> f : futures) {
                times.add(f.get());
            }
            Collections.sort(times);
            return times;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, List<Long> sorted) {
        System.out.println(String.format(Locale.ROOT, "BENCH %-30s calls=%d threads=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
                what, sorted.size(), THREADS, ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6));
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
