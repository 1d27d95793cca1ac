package org.civicdesk.datasource.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.documents.api.AttachmentContent;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.datasource.documents.api.DocumentArchive;
import org.civicdesk.persistence.RetryBackoff;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the document outbox ({@link ArchiveOutbox}) to the document management system each hand-off names: a
 * request's record, or a file read back from the store. A failure (the system down, refusing, or not installed) is
 * recorded on the hand-off with its reason, and it is tried again after a wait that doubles each time, up to an hour:
 * never given up, since the system is the city's register of record. A cluster job: one node delivers for all.
 */
@Component(service = Job.class, configurationPid = AttachmentStoreImpl.PID,
        property = {Job.ID + "=" + ArchiveDelivery.JOB, Job.SCOPE + "=" + Job.CLUSTER, Job.PERIOD + ":Long=15000"})
public class ArchiveDelivery implements Job {
    static final String JOB = "document-archive-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveDelivery.class);
    /** The most hand-offs a run tries, so that a run ends in reasonable time; the next run goes on. */
    private static final int PER_RUN = 200;
    private static final long LONGEST_WAIT_MS = 3_600_000L;

    private final ArchiveOutbox outbox;
    private final RequestRegistry requests;
    private final AttachmentStore attachments;
    private final Actor system = Actor.system("document-archive");
    private final Map<String, DocumentArchive> archives = new ConcurrentHashMap<>();
    private volatile long firstRetryMillis;

    @Activate
    public ArchiveDelivery(@Reference ArchiveOutbox outbox, @Reference RequestRegistry requests,
            @Reference AttachmentStore attachments, DocumentsConfig config) {
        this.outbox = outbox;
        this.requests = requests;
        this.attachments = attachments;
        modified(config);
    }

    @Modified
    void modified(DocumentsConfig config) {
        this.firstRetryMillis = Math.max(1, config.retrySeconds()) * 1000L;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addArchive(DocumentArchive archive, Map<String, Object> properties) {
        Object id = properties.get(DocumentArchive.ID_PROPERTY);
        if (id != null) {
            archives.put(id.toString(), archive);
        }
    }

    void removeArchive(DocumentArchive archive, Map<String, Object> properties) {
        Object id = properties.get(DocumentArchive.ID_PROPERTY);
        if (id != null) {
            archives.remove(id.toString(), archive);
        }
    }

    @Override
    public void run(JobContext context) {
        int delivered = 0;
        int failed = 0;
        for (ArchiveOutbox.Row row : outbox.due(System.currentTimeMillis(), PER_RUN)) {
            String reference = null;
            String failure = null;
            try {
                reference = deliver(row);
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            long now = System.currentTimeMillis();
            outbox.attempted(row, now, reference, failure, now + retryWait(row.attempts()));
            if (failure == null) {
                delivered++;
            } else {
                failed++;
                // The hand-off's id only: the reason is on the request, and may quote a file's name.
                LOG.debug("Document hand-off {} not delivered (attempt {})", row.id(), row.attempts() + 1);
            }
        }
        if (failed > 0) {
            LOG.warn("Document management: {} hand-offs delivered, {} failed and wait for their next attempt", delivered,
                    failed);
        }
    }

    /** How long after the failure of attempt {@code attempts + 1} the next one comes: doubling, up to an hour. */
    long retryWait(int attempts) {
        return RetryBackoff.waitMillis(firstRetryMillis, attempts, LONGEST_WAIT_MS);
    }

    private String deliver(ArchiveOutbox.Row row) throws IOException {
        DocumentArchive archive = archives.get(row.archive());
        if (archive == null) {
            throw new IOException("the document management system '" + row.archive() + "' is not installed or not "
                    + "configured");
        }
        ServiceRequest request = requests.get(system, RequestNumber.parse(row.requestNumber()));
        if (row.sha256() == null) {
            return archive.fileRequest(request);
        }
        AttachmentContent file = attachments.open(system, request.number(), row.sha256());
        try (InputStream content = file.content()) {
            return archive.fileAttachment(request, file.attachment(), content);
        }
    }
}
