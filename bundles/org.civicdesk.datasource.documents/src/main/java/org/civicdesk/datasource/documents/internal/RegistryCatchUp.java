package org.civicdesk.datasource.documents.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers in the journal the requests that are not in it. Its first run looks at every request: those filed before
 * the feature was installed (or while it was not). Then, every five minutes, the requests filed since the previous run
 * began: a hand-off that failed after the filing committed is only logged by the request registry (the filing is never
 * undone), and registered here. What it looked at is kept in CD_DOC_REGISTRY_CATCH_UP, not taken from the scheduler
 * (which schedules a job anew when its node starts): a restart does not look at a million requests again, and a first
 * look broken off by a stop goes on where it was, newest first. A cluster job: one node does it for all. A component
 * of its own so that the journal, which the request registry calls, does not itself depend on the request registry.
 */
@Component(service = Job.class, property = {Job.ID + "=" + RegistryCatchUp.JOB, Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=300000"})
public class RegistryCatchUp implements Job {
    static final String JOB = "document-registry-catch-up";
    static final String TABLE = "CD_DOC_REGISTRY_CATCH_UP";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryCatchUp.class);
    /**
     * How long before the previous run began a run looks again: a filing that committed after that run had started,
     * and a clock of another node a little behind.
     */
    static final Duration LOOK_BACK = Duration.ofHours(1);

    private final RegistryJournal journal;
    private final RequestRegistry requests;
    private final CityClock clock;
    private final Jdbc jdbc;
    private final Actor system = Actor.system("document-registry");

    @Activate
    public RegistryCatchUp(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference RegistryJournal journal, @Reference RequestRegistry requests, @Reference CityClock clock) {
        // The journal's schema, this job's table among it, is brought up to date by the journal, which this waits for.
        this.jdbc = new Jdbc(dataSource);
        this.journal = journal;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void run(JobContext context) {
        Instant started = clock.now();
        Optional<Covered> covered = covered();
        int added = 0;
        Instant olderThan = null;
        if (covered.isPresent()) {
            // Since the previous run began, then what a first look left (the requests registered before its last page).
            added += RequestPages.walk(requests, system, covered.get().until().minus(LOOK_BACK), null, this::registerMissing);
            keep(new Covered(covered.get().from(), started));
            if (covered.get().from().isEmpty()) {
                log(added, "whose hand-off had failed");
                return;
            }
            olderThan = covered.get().from().get().plusMillis(1); // the last page's oldest millisecond again: others share it
        }
        added += RequestPages.walk(requests, system, null, olderThan, page -> {
            int registered = registerMissing(page);
            if (!page.isEmpty()) {
                keep(new Covered(Optional.of(page.get(page.size() - 1).registeredAt()), started));
            }
            return registered;
        });
        keep(new Covered(Optional.empty(), started));
        log(added, "filed before it was installed");
    }

    private static void log(int added, String which) {
        if (added > 0) {
            LOG.info("Document registry: registered {} requests {}", added, which);
        }
    }

    /** Registers those of {@code page} the journal misses; returns how many. */
    private int registerMissing(List<ServiceRequest> page) {
        Set<String> numbers = new HashSet<>();
        page.forEach(r -> numbers.add(r.number().toString()));
        Set<String> known = journal.registeredAmong(numbers);
        List<ServiceRequest> missing = page.stream().filter(r -> !known.contains(r.number().toString())).toList();
        if (!missing.isEmpty()) {
            journal.registerAll(missing);
        }
        return missing.size();
    }

    /** What the runs so far looked at; empty before the first run. */
    Optional<Covered> covered() {
        return jdbc.query("reading the document registry's catch-up", "SELECT FROM_MS, COVERED_MS FROM " + TABLE
                + " WHERE JOURNAL = ?", rs -> {
                    long from = rs.getLong(1);
                    return new Covered(rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(from)),
                            Instant.ofEpochMilli(rs.getLong(2)));
                }, 1, RegistryJournal.ID).stream().findFirst();
    }

    private void keep(Covered covered) {
        try {
            jdbc.inTransaction(c -> {
                int changed;
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET FROM_MS = ?, COVERED_MS = ?"
                        + " WHERE JOURNAL = ?")) {
                    bind(ps, covered);
                    changed = ps.executeUpdate();
                }
                if (changed == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                            + " (FROM_MS, COVERED_MS, JOURNAL) VALUES (?, ?, ?)")) {
                        bind(ps, covered);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("keeping the document registry's catch-up", e);
        }
    }

    private static void bind(PreparedStatement ps, Covered covered) throws SQLException {
        Jdbc.setLong(ps, 1, covered.from().map(Instant::toEpochMilli).orElse(null));
        ps.setLong(2, covered.until().toEpochMilli());
        ps.setString(3, RegistryJournal.ID);
    }

    /**
     * What the catch-up looked at: the requests registered from {@code from} (empty: ever) until {@code until}, when the
     * last run began.
     */
    record Covered(Optional<Instant> from, Instant until) {
    }
}
