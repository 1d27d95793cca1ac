package org.civicdesk.datasource.documents.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands over to the document management system what was filed before it was set up ({@code archiveFiledSince}: the
 * requests registered from that day on, with their files), and what was filed while this feature was not installed:
 * the outbox queues only what is filed while a system is configured, files attached later too. Its first run for a
 * system and a day looks at every request registered since that day; each run after it at those of them changed since
 * the run before (less an hour: a change that committed late), which finds a file attached to a request handed over
 * already. What it covered is kept in CD_DOC_ARCHIVE_CATCH_UP, so a restart does not walk a
 * million requests again. A cluster job: one node does it for all.
 */
@Component(service = Job.class, configurationPid = AttachmentStoreImpl.PID,
        property = {Job.ID + "=" + ArchiveCatchUp.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=300000"})
public class ArchiveCatchUp implements Job {
    static final String JOB = "document-archive-catch-up";
    static final String TABLE = "CD_DOC_ARCHIVE_CATCH_UP";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveCatchUp.class);
    private static final Duration LOOK_BACK = RegistryCatchUp.LOOK_BACK;

    private final ArchiveOutbox outbox;
    private final RequestRegistry requests;
    private final CityClock clock;
    private final Jdbc jdbc;
    private final Actor system = Actor.system("document-archive");
    private volatile String filedSince;

    @Activate
    public ArchiveCatchUp(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference ArchiveOutbox outbox, @Reference RequestRegistry requests, @Reference CityClock clock,
            DocumentsConfig config) {
        SchemaMigrations.update(dataSource, ArchiveCatchUp.class);
        this.jdbc = new Jdbc(dataSource);
        this.outbox = outbox;
        this.requests = requests;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(DocumentsConfig config) {
        String day = config.archiveFiledSince() == null ? "" : config.archiveFiledSince().strip();
        if (!day.isEmpty()) {
            try {
                LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                // A configuration error is said once, where the administrator looks, and nothing is handed over.
                LOG.error("archiveFiledSince is not a day (YYYY-MM-DD): nothing filed before the document management "
                        + "system was set up is handed over");
                day = "";
            }
        }
        this.filedSince = day;
    }

    @Override
    public void run(JobContext context) {
        String target = outbox.archive();
        String day = filedSince;
        if (target.isEmpty() || day.isEmpty()) {
            return;
        }
        Instant started = clock.now();
        List<Covered> covered = jdbc.query("reading the document archive's catch-up", "SELECT FILED_SINCE, COVERED_MS FROM "
                + TABLE + " WHERE ARCHIVE = ?", rs -> new Covered(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))), 1,
                target);
        Instant since = LocalDate.parse(day).atStartOfDay(clock.zone()).toInstant();
        // The first run for a day looks at every request registered since; a run after it at those changed since the
        // run before: registered then, or given a file (while no system was configured, or the feature not installed).
        boolean later = !covered.isEmpty() && covered.get(0).filedSince().equals(day);
        RequestQuery filter = later ? RequestQuery.all().changedBetween(covered.get(0).until().minus(LOOK_BACK), null)
                : RequestQuery.all();
        int[] files = new int[1];
        int records = RequestPages.walk(requests, system, filter, since, null,
                page -> queueMissing(target, page, later, files));
        keepCovered(target, day, started, !covered.isEmpty());
        if (records > 0 || files[0] > 0) {
            LOG.info("Document management system {}: queued {} requests and {} files filed before it was set up",
                    target, records, files[0]);
        }
    }

    /**
     * Queues for {@code target} the records of those of {@code page} it has not (returns how many), with their files;
     * with {@code filesOfAll}, the files it has not of the requests it has too (the few changed since the run before:
     * the first run reads only the histories of the requests it hands over).
     */
    private int queueMissing(String target, List<ServiceRequest> page, boolean filesOfAll, int[] files) {
        Set<String> numbers = new HashSet<>();
        page.forEach(r -> numbers.add(r.number().toString()));
        Set<String> queued = outbox.queuedAmong(target, numbers);
        int records = 0;
        for (ServiceRequest request : page) {
            String number = request.number().toString();
            boolean recordMissing = !queued.contains(number);
            if (!recordMissing && !filesOfAll) {
                continue;
            }
            Set<String> filesQueued = outbox.filesQueued(target, number);
            // Each file not queued yet, once, by its content, with the name it was attached under first.
            Map<String, String> attached = new LinkedHashMap<>();
            for (RequestEvent event : requests.history(system, request.number())) {
                if (event.kind() == EventKind.ATTACHMENT_ADDED) {
                    AttachmentUploads.sha256Of(event.attachmentRef()).filter(sha -> !filesQueued.contains(sha))
                            .ifPresent(sha -> attached.putIfAbsent(sha, event.attachmentName()));
                }
            }
            if (!recordMissing && attached.isEmpty()) {
                continue;
            }
            try {
                jdbc.inTransaction(c -> {
                    if (recordMissing) {
                        ArchiveOutbox.queue(c, target, number, null, null);
                    }
                    for (Map.Entry<String, String> file : attached.entrySet()) {
                        ArchiveOutbox.queue(c, target, number, file.getKey(), file.getValue());
                    }
                    return null;
                });
                files[0] += attached.size();
                records += recordMissing ? 1 : 0;
            } catch (SQLException e) {
                throw SqlErrors.unchecked("queueing request " + number + " for the document management system", e);
            }
        }
        return records;
    }

    /** Keeps what this run covered: the requests registered before it started, since {@code day}. */
    private void keepCovered(String target, String day, Instant started, boolean known) {
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(known
                        ? "UPDATE " + TABLE + " SET FILED_SINCE = ?, COVERED_MS = ? WHERE ARCHIVE = ?"
                        : "INSERT INTO " + TABLE + " (FILED_SINCE, COVERED_MS, ARCHIVE) VALUES (?, ?, ?)")) {
                    Jdbc.bind(ps, day, started.toEpochMilli(), target);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("keeping the document archive's catch-up", e);
        }
    }

    /** What the last catch-up for a system covered: the requests registered from {@code filedSince} to {@code until}. */
    private record Covered(String filedSince, Instant until) {
    }
}
