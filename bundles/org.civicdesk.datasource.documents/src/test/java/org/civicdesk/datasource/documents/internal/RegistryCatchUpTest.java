package org.civicdesk.datasource.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.JobContext;
import org.junit.Before;
import org.junit.Test;

/**
 * The journal's catch-up: every request missing at its first run, then those filed since its previous run began, as
 * kept in the database (not as the scheduler says: it schedules a job anew at each start).
 */
public class RegistryCatchUpTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<ServiceRequest> filed = new ArrayList<>();
    private final List<RequestQuery> queries = new ArrayList<>();
    private Instant clockNow = now;
    /** The registry's pages this test lets the catch-up read before the node stops (a page more: an exception). */
    private int pagesBeforeStop = Integer.MAX_VALUE;
    private EmbeddedDataSource derby;
    private RegistryJournal journal;
    private RegistryCatchUp catchUp;

    @Before
    public void start() throws Exception {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:catchup" + DATABASES.incrementAndGet());
        derby.setCreateDatabase("create");
        journal = new RegistryJournal(derby);
        RequestRegistry registry = (RequestRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RequestRegistry.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("newest")) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    // As the registry pages newest first: by registration, then by number, both descending.
                    RequestQuery query = (RequestQuery) args[1];
                    if (pagesBeforeStop-- == 0) {
                        throw new IllegalStateException("the node stops");
                    }
                    queries.add(query);
                    List<ServiceRequest> found = filed.stream().filter(r -> (query.registeredAfter() == null
                            || !r.registeredAt().isBefore(query.registeredAfter())) && (query.registeredBefore() == null
                            || r.registeredAt().isBefore(query.registeredBefore())))
                            .sorted(Comparator.comparing(ServiceRequest::registeredAt).thenComparing(r -> r.number().sequence())
                                    .reversed()).toList();
                    int offset = (Integer) args[2];
                    int limit = (Integer) args[3];
                    return found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()));
                });
        CityClock clock = new CityClock() {
            @Override
            public ZoneId zone() {
                return ZoneId.of("Europe/Bucharest");
            }

            @Override
            public Instant now() {
                return clockNow;
            }
        };
        catchUp = new RegistryCatchUp(derby, journal, registry, clock);
    }

    private ServiceRequest file(int sequence, Instant at) {
        ServiceRequest r = new ServiceRequest(new RequestNumber(2026, sequence), "T" + sequence, "pothole", Channel.WEB,
                null, "a hole", null, "roads", "registered", null, at, LocalDate.now(), at, false);
        filed.add(r);
        return r;
    }

    /** A run as the scheduler gives it: it has no previous fire time after a start, whatever ran before. */
    private static JobContext run() {
        return new JobContext() {
            @Override
            public String jobId() {
                return RegistryCatchUp.JOB;
            }

            @Override
            public Instant scheduledFireTime() {
                return Instant.now();
            }

            @Override
            public Optional<Instant> previousFireTime() {
                return Optional.empty();
            }

            @Override
            public String nodeId() {
                return "test";
            }
        };
    }

    @Test
    public void theFirstRunRegistersEveryRequestTheJournalMisses() {
        journal.register(file(1, now.minus(Duration.ofDays(400))));
        for (int i = 2; i <= 1200; i++) {
            file(i, now.minus(Duration.ofDays(i)));
        }
        catchUp.run(run());
        assertNull("every request looked at", queries.get(0).registeredAfter());
        assertEquals(1200, journal.registeredNumbers().size());
        assertEquals(new RegistryCatchUp.Covered(Optional.empty(), now), catchUp.covered().orElseThrow());
    }

    /** Pages go below the oldest of the page before, not by offset: requests sharing a millisecond are none skipped. */
    @Test
    public void requestsSharingAMillisecondAcrossPagesAreAllRegistered() {
        Instant busy = now.minus(Duration.ofDays(3));
        for (int i = 1; i <= 1300; i++) {
            file(i, i <= 100 ? now.minus(Duration.ofMinutes(i)) : i <= 800 ? busy : busy.minus(Duration.ofSeconds(i)));
        }
        catchUp.run(run());
        assertEquals(1300, journal.registeredNumbers().size());
        assertTrue("each page below the one before", queries.size() >= 3 && queries.get(1).registeredBefore() != null);
    }

    @Test
    public void aLaterRunRegistersTheRequestsWhoseHandOffFailedSinceThePreviousRunBegan() {
        Instant previous = now.minus(Duration.ofMinutes(5));
        clockNow = previous;
        catchUp.run(run());
        file(1, now.minus(Duration.ofDays(2)));
        file(2, now.minus(Duration.ofMinutes(3)));
        file(3, previous.minus(Duration.ofMinutes(20)));
        journal.register(file(4, now.minus(Duration.ofMinutes(1))));
        clockNow = now;
        queries.clear();

        catchUp.run(run());
        assertEquals("from an hour before the previous run", previous.minus(RegistryCatchUp.LOOK_BACK),
                queries.get(0).registeredAfter());
        assertEquals("the recent ones registered; one filed long before is not looked at again",
                Set.of("2026/000002", "2026/000003", "2026/000004"), journal.registeredNumbers());
        assertEquals(new RegistryCatchUp.Covered(Optional.empty(), now), catchUp.covered().orElseThrow());
    }

    /**
     * A first look at a city's requests takes a while: a stop in the middle of it (a node restarted, the feature
     * updated) leaves it to go on below the last page it finished, not to start again from the newest.
     */
    @Test
    public void aFirstLookBrokenOffGoesOnBelowItsLastPage() {
        for (int i = 1; i <= 1200; i++) {
            file(i, now.minus(Duration.ofHours(i)));
        }
        Instant firstStart = now.minus(Duration.ofMinutes(10));
        clockNow = firstStart;
        pagesBeforeStop = 1;
        try {
            catchUp.run(run());
        } catch (IllegalStateException stopped) {
            assertEquals("the node stops", stopped.getMessage());
        }
        Instant lastPageOldest = now.minus(Duration.ofHours(RequestPages.PAGE));
        assertEquals(RequestPages.PAGE, journal.registeredNumbers().size());
        assertEquals(new RegistryCatchUp.Covered(Optional.of(lastPageOldest), firstStart), catchUp.covered().orElseThrow());

        file(1201, now.minus(Duration.ofMinutes(2)));
        clockNow = now;
        pagesBeforeStop = Integer.MAX_VALUE;
        queries.clear();
        catchUp.run(run());
        assertEquals("first what came since the broken-off run began", firstStart.minus(RegistryCatchUp.LOOK_BACK),
                queries.get(0).registeredAfter());
        assertEquals("then below the last page it finished", lastPageOldest.plusMillis(1), queries.get(1).registeredBefore());
        assertNull(queries.get(1).registeredAfter());
        assertEquals(1201, journal.registeredNumbers().size());
        assertEquals(new RegistryCatchUp.Covered(Optional.empty(), now), catchUp.covered().orElseThrow());
    }
}
