package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.civicdesk.request.api.RequestRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Open311 endpoint under load, over real HTTP on the assembled distribution (Derby embedded):
 * requests per second sustained by {@code POST requests.json}, and the latency of
 * {@code GET requests.json} (the default: the last 90 days, the first 1000) with
 * {@code bench.requests} requests stored (default 1,000,000: half registered last year, half this
 * year). The stored requests are written straight into the registry's tables in batches — filing a
 * million through the API would take hours — with their history and state, as the registry writes
 * them. Prints figures; run with {@code mvn verify -Pbench -pl itests -Dit.test=Open311Bench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Open311Bench extends CivicDeskTestSupport {
    private static final int STORED = Integer.getInteger("bench.requests", 1_000_000);
    private static final int POSTS = Integer.getInteger("bench.calls", 2000);
    private static final int GETS = Integer.getInteger("bench.gets", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 10);
    private static final ZoneId CITY = BenchData.CITY;

    /** The bench is one client hammering on purpose: its key's budget is lifted, not measured. */
    @Override
    protected org.ops4j.pax.exam.Option[] extra() {
        return new org.ops4j.pax.exam.Option[] {org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                .editConfigurationFilePut("etc/org.civicdesk.channel.web.cfg", "callsPerMinute", "10000000")};
    }

    @Test
    public void open311UnderLoad() throws Exception {
        awaitDemoReady();
        long started = System.currentTimeMillis();
        int year = LocalDate.now(CITY).getYear();
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        BenchData.imported(registry, year - 1, STORED / 2, 0);
        BenchData.imported(registry, year, STORED - STORED / 2, 0);
        System.out.println("BENCH stored " + count("SELECT COUNT(*) FROM CD_REQUEST") + " requests, generated in "
                + (System.currentTimeMillis() - started) / 1000 + " s");

        long wall = System.nanoTime();
        List<Long> posts = BenchSupport.measure(i -> {
            HttpResponse<String> r = form("/open311/v2/requests.json", "api_key=demo-open311-key&service_code=pothole"
                    + "&lat=47.65&long=26.25&description=Bench+" + i);
            assertEquals(r.body(), 200, r.statusCode());
        }, 20, POSTS, THREADS);
        double seconds = (System.nanoTime() - wall) / 1e9;
        BenchSupport.report("POST requests.json", posts, THREADS);
        System.out.println(String.format(Locale.ROOT, "BENCH POST requests.json sustained %.0f requests/s (%d in %.1f s, "
                + "%d clients, warm-up excluded)", POSTS / seconds, POSTS, seconds, THREADS));

        BenchSupport.Call list = i -> {
            HttpResponse<String> r = fetch("/open311/v2/requests.json");
            assertEquals(r.body(), 200, r.statusCode());
        };
        BenchSupport.report("GET requests.json (default)", BenchSupport.measure(list, 20, GETS, 1), 1);
        BenchSupport.report("GET requests.json (default)", BenchSupport.measure(list, 20, GETS, THREADS), THREADS);
        BenchSupport.report("GET requests.json?service_code=pothole&status=open", BenchSupport.measure(i -> {
            HttpResponse<String> r = fetch("/open311/v2/requests.json?service_code=pothole&status=open&page_size=100");
            assertEquals(r.body(), 200, r.statusCode());
        }, 20, GETS, 1), 1);
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
