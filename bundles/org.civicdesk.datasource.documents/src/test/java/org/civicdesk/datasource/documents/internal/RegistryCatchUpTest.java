package org.civicdesk.datasource.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.JobContext;
import org.junit.Before;
import org.junit.Test;

/** The journal's catch-up: every request missing at its first run, then those filed since its previous run. */
public class RegistryCatchUpTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Instant now = Instant.now();
    private final List<ServiceRequest> filed = new ArrayList<>();
    private final List<RequestQuery> queries = new ArrayList<>();
    private RegistryJournal journal;
    private RegistryCatchUp catchUp;

    @Before
    public void start() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
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
        catchUp = new RegistryCatchUp(journal, registry);
    }

    private ServiceRequest file(int sequence, Instant at) {
        ServiceRequest r = new ServiceRequest(new RequestNumber(2026, sequence), "T" + sequence, "pothole", Channel.WEB,
                null, "a hole", null, "roads", "registered", null, at, LocalDate.now(), at, false);
        filed.add(r);
        return r;
    }

    private static JobContext run(Instant previous) {
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
                return Optional.ofNullable(previous);
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
        catchUp.run(run(null));
        assertNull("every request looked at", queries.get(0).registeredAfter());
        assertEquals(1200, journal.registeredNumbers().size());
    }

    /** Pages go below the oldest of the page before, not by offset: requests sharing a millisecond are none skipped. */
    @Test
    public void requestsSharingAMillisecondAcrossPagesAreAllRegistered() {
        Instant busy = now.minus(Duration.ofDays(3));
        for (int i = 1; i <= 1300; i++) {
            file(i, i <= 100 ? now.minus(Duration.ofMinutes(i)) : i <= 800 ? busy : busy.minus(Duration.ofSeconds(i)));
        }
        catchUp.run(run(null));
        assertEquals(1300, journal.registeredNumbers().size());
        assertTrue("each page below the one before", queries.size() >= 3 && queries.get(1).registeredBefore() != null);
    }

    @Test
    public void aLaterRunRegistersTheRequestsWhoseHandOffFailedSinceThePreviousRun() {
        Instant previous = now.minus(Duration.ofMinutes(5));
        file(1, now.minus(Duration.ofDays(2)));
        file(2, now.minus(Duration.ofMinutes(3)));
        file(3, previous.minus(Duration.ofMinutes(20)));
        journal.register(file(4, now.minus(Duration.ofMinutes(1))));

        catchUp.run(run(previous));
        assertEquals("from an hour before the previous run", previous.minus(RegistryCatchUp.LOOK_BACK),
                queries.get(0).registeredAfter());
        assertEquals("the recent ones registered; one filed long before is not looked at again",
                Set.of("2026/000002", "2026/000003", "2026/000004"), journal.registeredNumbers());
    }
}
