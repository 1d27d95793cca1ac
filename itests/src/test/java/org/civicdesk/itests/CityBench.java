package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A city-sized CivicDesk on Derby embedded: {@code bench.citizens} citizens (default 1,000,000), {@code bench.requests}
 * requests with their history (default 1,000,000, last year's and this year's, each filed by one of the citizens) and
 * {@code bench.phoneCalls} calls (default 1,000,000 over the last year), then, with {@code bench.threads} clients
 * (default 10), the read paths people wait on: every report for the last month and for the last year (p95),
 * request search as the console asks it (p99), Open311's default {@code requests.json} list (p99), the caller searches
 * of the citizen registry (p99) and a citizen's 360° view (p99), as the console asks it and as an API client does; with
 * {@code bench.parts} naming "busy", search and Open311 again while requests are filed and changed. Prints figures; run with
 * {@code mvn verify -Pbench -pl itests -Dit.test=CityBench}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CityBench extends CivicDeskTestSupport {
    private static final int CITIZENS = Integer.getInteger("bench.citizens", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 1_000_000);
    private static final int PHONE_CALLS = Integer.getInteger("bench.phoneCalls", 1_000_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 10);
    private static final int CALLS = Integer.getInteger("bench.calls", 500);
    private static final int REPORT_RUNS = Integer.getInteger("bench.reportRuns", 40);
    /**
     * A folder that keeps the city's database and keys between runs (blank: the container's own, made anew): a run that
     * finds the city there already built measures it at once, so that a change can be measured on a million citizens
     * without building them again.
     */
    private static final String CITY_FOLDER = System.getProperty("bench.city", "");
    /**
     * Which reads to measure, comma separated: reports, search, open311, citizens, profile, and busy (search and open311
     * again while requests change); default: all but busy.
     */
    private static final List<String> PARTS = List.of(System.getProperty("bench.parts",
            "reports,search,open311,citizens,profile")
            .split(","));

    /** The bench's clients read Open311 as hard as they can: its key's budget is lifted, not measured. */
    @Override
    protected Option[] extra() {
        List<Option> options = new ArrayList<>(List.of(cityOptions()));
        if (!CITY_FOLDER.isBlank()) {
            String folder = java.nio.file.Path.of(CITY_FOLDER).toAbsolutePath().toString().replace('\\', '/');
            options.add(KarafDistributionOption.editConfigurationFilePut("etc/org.ops4j.datasource-civicdesk.cfg", "url",
                    "jdbc:derby:" + folder + "/db;create=true"));
            options.add(KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.identity.keys.cfg", "keystore",
                    folder + "/personal-data.p12"));
            options.add(KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.identity.keys.cfg",
                    "keystore.password", "bench-city"));
            options.add(KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.audit.cfg", "keyFile",
                    folder + "/integrity.keys"));
            options.add(KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.audit.cfg", "anchorDirectory",
                    folder + "/anchors"));
        }
        return options.toArray(Option[]::new);
    }

    private static Option[] cityOptions() {
        return new Option[] {KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.channel.web.cfg",
                "callsPerMinute", "10000000"),
            // The year of calls is summed a day at a time as soon as it is stored, not a quarter of an hour later.
            KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.channel.phone.calldays.cfg",
                    "civicdesk.job.period", "5000"),
            KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.request.days.cfg",
                    "civicdesk.job.period", "5000")};
    }

    @Test
    public void aCityReadsFast() throws Exception {
        try {
            generateAndMeasure();
        } catch (java.sql.SQLException e) {
            // Derby's exception classes do not reach the test's JVM: only the text of what the database said does.
            StringBuilder said = new StringBuilder();
            for (java.sql.SQLException next = e; next != null; next = next.getNextException()) {
                said.append(next.getSQLState()).append(": ").append(next.getMessage()).append('\n');
            }
            throw new AssertionError(said.toString());
        } catch (RuntimeException e) {
            // The database's own exception classes do not reach the test's JVM either: their messages do.
            StringBuilder said = new StringBuilder();
            for (Throwable next = e; next != null; next = next.getCause()) {
                said.append(next.getClass().getName()).append(": ").append(next.getMessage()).append('\n');
            }
            throw new AssertionError(said.toString());
        }
    }

    private void generateAndMeasure() throws Exception {
        awaitDemoReady();
        int year = LocalDate.now(BenchData.CITY).getYear();
        long started = System.currentTimeMillis();
        boolean built = count("SELECT COUNT(*) FROM CD_CITIZEN") >= CITIZENS
                && count("SELECT COUNT(*) FROM CD_REQUEST WHERE REG_YEAR = " + year) >= REQUESTS - REQUESTS / 2;
        if (!built) {
            BenchData.citizens(dataSource(), CITIZENS);
            sealedByTheRegistry();
        }
        // A city kept from an earlier release has its search tokens made again by the identity bundle (an upgrade).
        long tokens = System.currentTimeMillis();
        // Along the index the registry's job reads (a whole table's scan would bring the city into the page cache).
        while (count("SELECT COUNT(*) FROM CD_CITIZEN" + Jdbc.along("CD_CITIZEN_TOKENS_OF") + " WHERE TOKENS_OF IS NULL") > 0) {
            Thread.sleep(5000);
        }
        System.out.println(String.format(Locale.ROOT, "BENCH city: search tokens ready after %d s, %d of them",
                (System.currentTimeMillis() - tokens) / 1000, count("SELECT COUNT(*) FROM CD_CITIZEN_TOKEN")));
        long citizensDone = System.currentTimeMillis();
        List<RequestNumber> thisYear;
        if (built) {
            thisYear = numbersOf(year);
        } else {
            // Through the registry's bulk path: numbered, audited and chained as the registry does it.
            RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
            BenchData.imported(registry, year - 1, REQUESTS / 2, CITIZENS);
            thisYear = BenchData.imported(registry, year, REQUESTS - REQUESTS / 2, CITIZENS);
        }
        String sought = thisYear.get(thisYear.size() / 3).toString();
        long requestsDone = System.currentTimeMillis();
        if (!built) {
            BenchData.calls(dataSource(), PHONE_CALLS);
        }
        long callsDone = System.currentTimeMillis();
        System.out.println(String.format(Locale.ROOT, "BENCH city: %d citizens in %d s, %d requests in %d s, %d calls in %d s",
                count("SELECT COUNT(*) FROM CD_CITIZEN"), (citizensDone - started) / 1000,
                count("SELECT COUNT(*) FROM CD_REQUEST"), (requestsDone - citizensDone) / 1000,
                count("SELECT COUNT(DISTINCT CALL_ID) FROM CD_PHONE_CALL_EVENT"), (callsDone - requestsDone) / 1000));

        // The document registry looks once at every request filed before it was installed (a new city, or one kept from
        // a release whose registry did not keep what it looked at): the figures are of a city hall's ordinary day after.
        long journal = System.currentTimeMillis();
        while (journalLooking()) {
            Thread.sleep(5000);
        }
        System.out.println(String.format(Locale.ROOT, "BENCH city: document registry caught up after %d s",
                (System.currentTimeMillis() - journal) / 1000));
        // The registry writes the word tokens of requests kept from a release before them (once, from their texts).
        long wordTokens = System.currentTimeMillis();
        while (count("SELECT COUNT(*) FROM CD_REQUEST_WORDS_PENDING") > 0) {
            Thread.sleep(5000);
        }
        System.out.println(String.format(Locale.ROOT, "BENCH city: request word tokens written after %d s, %d of them",
                (System.currentTimeMillis() - wordTokens) / 1000, count("SELECT COUNT(*) FROM CD_REQUEST_TOKEN")));
        // The audit trail sums the reads of people's data as it seals them; a trail kept from a release before that is
        // summed once, from its first seal.
        long reads = System.currentTimeMillis();
        while (readsBehind() > 1_000) {
            Thread.sleep(5000);
        }
        System.out.println(String.format(Locale.ROOT, "BENCH city: reads of people's data summed after %d s",
                (System.currentTimeMillis() - reads) / 1000));

        LocalDate today = LocalDate.now(BenchData.CITY);
        // The call centre's days over are summed by a job, as they are after each midnight in a city hall.
        long summing = System.currentTimeMillis();
        long daysOver = java.time.temporal.ChronoUnit.DAYS.between(today.minusDays(366), today.minusDays(2));
        while (count("SELECT COUNT(*) FROM CD_PHONE_CALL_DAY WHERE DAY < '" + today.minusDays(1) + "'") < daysOver
                && System.currentTimeMillis() - summing < 1_200_000) {
            Thread.sleep(1000);
        }
        System.out.println(String.format(Locale.ROOT, "BENCH call days: %d summed in %d s",
                count("SELECT COUNT(*) FROM CD_PHONE_CALL_DAY"), (System.currentTimeMillis() - summing) / 1000));
        summing = System.currentTimeMillis();
        long registryDays = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(year - 1, 1, 1), today.minusDays(1));
        while (count("SELECT COUNT(*) FROM CD_REQUEST_DAY WHERE DAY < '" + today.minusDays(1) + "'") < registryDays
                && System.currentTimeMillis() - summing < 1_200_000) {
            Thread.sleep(1000);
        }
        System.out.println(String.format(Locale.ROOT, "BENCH registry days: %d summed in %d s",
                count("SELECT COUNT(*) FROM CD_REQUEST_DAY"), (System.currentTimeMillis() - summing) / 1000));
        // The year summed, the jobs go back to a city hall's pace: what is measured is what people wait on, not a
        // summing every five seconds that only the bench's hurry asks for.
        for (String pid : List.of("org.civicdesk.channel.phone.calldays", "org.civicdesk.request.days")) {
            org.osgi.service.cm.Configuration config = bundleContext.getService(bundleContext.getServiceReference(
                    org.osgi.service.cm.ConfigurationAdmin.class)).getConfiguration(pid, null);
            java.util.Dictionary<String, Object> properties = config.getProperties();
            properties.remove("civicdesk.job.period");
            config.update(properties);
        }
        Thread.sleep(5000);
        for (JsonNode report : PARTS.contains("reports") ? get("admin", "/reports").body() : JSON.createArrayNode()) {
            String id = report.get("id").asText();
            for (LocalDate from : List.of(today.minusMonths(1), today.minusYears(1).plusDays(1))) {
                String path = "/reports/" + id + "?from=" + from + "&to=" + today;
                List<Long> times = BenchSupport.measure(i -> expectOk("admin", api(path)), 2, REPORT_RUNS, THREADS);
                BenchSupport.report("report " + id + " from " + from, times, THREADS);
            }
        }

        // With "busy" among the parts, the lists are read again while requests are filed and changed, as in a city
        // hall's busy hour: what a list keeps is worked out anew after each change.
        for (boolean busy : PARTS.contains("busy") ? List.of(false, true) : List.of(false)) {
            try (AutoCloseable changes = busy ? changing(thisYear) : () -> { }) {
                String label = busy ? " while changed" : "";
                for (String query : !PARTS.contains("search") ? List.<String>of() : List.of("", "?status=registered",
                        "?type=pothole&status=resolved", "?q=" + sought, "?from=" + today.minusDays(7) + "&to=" + today)) {
                    BenchSupport.Call search = i -> expectOk("admin", api("/requests" + query));
                    BenchSupport.report("GET /requests" + query + label, BenchSupport.measure(search, 20, CALLS / 5, 1), 1);
                    BenchSupport.report("GET /requests" + query + label, BenchSupport.measure(search, 20, CALLS, THREADS),
                            THREADS);
                }
                BenchSupport.Call open311 = i -> expectOk(null, java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server() + "/open311/v2/requests.json")).GET());
                if (PARTS.contains("open311")) {
                    BenchSupport.report("GET requests.json (default)" + label, BenchSupport.measure(open311, 20, CALLS / 2,
                            1), 1);
                    BenchSupport.report("GET requests.json (default)" + label, BenchSupport.measure(open311, 20, CALLS,
                            THREADS), THREADS);
                }
            }
        }
        // The caller searches an operator makes: a common surname (an eighth of the city), a surname and first name, a
        // street and number, a CNP's first nine digits, a phone number.
        for (String typed : !PARTS.contains("citizens") ? List.<String>of() : List.of("Popescu", "Ionescu Elena",
                "Bench 17 nr 18", BenchData.nationalId(CITIZENS / 2).substring(0, 9),
                String.format("07%08d", CITIZENS / 3))) {
            BenchSupport.Call search = i -> expectOk("operator", api("/citizens?reason=bench&limit=20&q="
                    + java.net.URLEncoder.encode(typed, "UTF-8")));
            BenchSupport.report("GET /citizens?q=" + typed, BenchSupport.measure(search, 20, CALLS / 5, 1), 1);
            BenchSupport.report("GET /citizens?q=" + typed, BenchSupport.measure(search, 20, CALLS, THREADS), THREADS);
        }
        if (!PARTS.contains("profile")) {
            return;
        }

        // As the console asks (a session cookie, as operators work), then as an API client does (HTTP Basic, a login at
        // each call); each of the four runs views citizens of its own, so none finds the keys or pages another read.
        // First both ways with every client on citizens of a fifth set, unmeasured: a node serving a shift has compiled
        // its code, where one just started spends a core on the compiler during the first thousands of views.
        String session = consoleSession("operator");
        int warmUp = Integer.getInteger("bench.profileWarmUp", 4000);
        BenchSupport.measure(profileView(4, warmUp, true, session), 0, warmUp / 2, THREADS);
        BenchSupport.measure(profileView(4, warmUp, false, session), 0, warmUp / 2, THREADS);
        for (int run = 0; run < 4; run++) {
            boolean console = run < 2;
            int threads = run % 2 == 0 ? 1 : THREADS;
            BenchSupport.report("GET /citizens/{id}/profile " + (console ? "(console)" : "(Basic)"),
                    BenchSupport.measure(profileView(run, CALLS, console, session), 20, CALLS, threads), threads);
        }
    }

    /** Views of citizens of the run's own set (the i-th call the i-th of them), with the console's cookie or by Basic. */
    private BenchSupport.Call profileView(int run, int calls, boolean console, String session) {
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < calls + 20; i++) {
            citizens.add(BenchData.citizenId((int) (((long) run * (CALLS + 20) + i) * 7_919L % CITIZENS)));
        }
        return i -> {
            String path = "/citizens/" + citizens.get(i < 0 ? -i : i) + "/profile?reason=bench";
            expectOk(console ? null : "operator", console ? api(path).header("Cookie", session) : api(path));
        };
    }

    /**
     * Files and changes requests at {@code bench.changesPerSecond} (default 2: a busy hour of a city of a million) until
     * closed, alternately a new pothole from one of the city's citizens and a comment on one of {@code numbers}; prints
     * how many were made. A change the workflow refuses (a closed request) counts as refused, not as an error.
     */
    private AutoCloseable changing(List<RequestNumber> numbers) {
        double perSecond = Double.parseDouble(System.getProperty("bench.changesPerSecond", "2"));
        java.util.concurrent.ScheduledExecutorService writer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Random random = new java.util.Random(7);
        writer.scheduleAtFixedRate(() -> {
            try {
                int n = made.get() + refused.get();
                Reply r = n % 2 == 0
                        ? post("operator", "/requests", CoreIT.pothole(BenchData.nationalId(random.nextInt(CITIZENS)),
                                "Groapă nouă " + n))
                        : post("admin", "/requests/" + numbers.get(random.nextInt(numbers.size())) + "/events",
                                "{\"kind\":\"comment\",\"text\":\"Verificat " + n + "\"}");
                (r.status() == 201 ? made : refused).incrementAndGet();
            } catch (Exception e) {
                refused.incrementAndGet();
            }
        }, 0, Math.round(1_000_000 / perSecond), java.util.concurrent.TimeUnit.MICROSECONDS);
        long started = System.currentTimeMillis();
        return () -> {
            writer.shutdownNow();
            System.out.println(String.format(Locale.ROOT, "BENCH busy: %d changes made, %d refused, in %d s", made.get(),
                    refused.get(), (System.currentTimeMillis() - started) / 1000));
        };
    }

    /** The numbers of the requests registered in {@code year}, in their order (a city built by an earlier run). */
    private List<RequestNumber> numbersOf(int year) throws Exception {
        List<RequestNumber> numbers = new ArrayList<>();
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT REQ_NUMBER FROM CD_REQUEST WHERE REG_YEAR = " + year
                        + " ORDER BY SEQ")) {
            while (rs.next()) {
                numbers.add(RequestNumber.parse(rs.getString(1)));
            }
        }
        return numbers;
    }

    /** The cookie of a console session of {@code user} (whose password is the user name), as a browser sends it back. */
    private String consoleSession(String user) throws Exception {
        Reply login = post(null, "/session", "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}");
        assertEquals(login.raw(), 200, login.status());
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** The citizens written in clear, sealed by the citizen registry as it starts again (as after an upgrade). */
    private void sealedByTheRegistry() throws Exception {
        org.osgi.framework.Bundle identity = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.civicdesk.identity".equals(b.getSymbolicName())).findFirst().orElseThrow();
        identity.stop();
        identity.start();
        while (count("SELECT COUNT(*) FROM CD_CITIZEN WHERE NATIONAL_ID_KEY IS NULL") > 0) {
            Thread.sleep(1000);
        }
        awaitDemoReady();
    }

    /** Whether the document registry's catch-up has yet to look at the whole registry once (its table not made yet too). */
    /** How many entries of the audit trail are not sealed yet, plus how many seals are not summed yet. */
    private long readsBehind() throws Exception {
        try {
            // Entries not sealed yet (the reads of the bench's last run, say), then seals not summed yet: a report asked
            // before would seal and sum them itself, and be measured doing so.
            return count("SELECT MAX(ID) FROM CD_AUDIT_ENTRY") - count("SELECT MAX(ENTRY_ID) FROM CD_AUDIT_SEAL")
                    + count("SELECT MAX(SEQ) FROM CD_AUDIT_SEAL") - count("SELECT SEQ FROM CD_AUDIT_READ_SUMMED");
        } catch (AssertionError notYet) {
            return Long.MAX_VALUE;
        }
    }

    private boolean journalLooking() throws Exception {
        try {
            return count("SELECT COUNT(*) FROM CD_DOC_REGISTRY_CATCH_UP WHERE FROM_MS IS NULL") == 0;
        } catch (AssertionError notYet) {
            return true;
        }
    }

    /** A GET of the API at {@code path}. */
    private java.net.http.HttpRequest.Builder api(String path) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path)).GET();
    }
}
