package org.civicdesk.datasource.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.documents.api.AttachmentContent;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.datasource.documents.api.StoredAttachment;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Attachments in a {@link ContentStore}, each recorded as an "attachment added" event of its
 * request: the request's history is the list of its attachments, so visibility and audit are
 * the request's own. Each upload is recorded for its request ({@link AttachmentUploads}): a request
 * lists only content uploaded for it, and a reference that names nothing readable is left out of
 * the list rather than failing it.
 */
@Component(service = AttachmentStore.class, configurationPid = AttachmentStoreImpl.PID)
@Designate(ocd = DocumentsConfig.class)
public class AttachmentStoreImpl implements AttachmentStore {
    static final String PID = "org.civicdesk.datasource.documents";
    private static final int MAX_NAME = 200;

    private final RequestRegistry requests;
    private final AttachmentUploads uploads;
    private final ContentStore store;
    private final long maxBytes;

    @Activate
    public AttachmentStoreImpl(@Reference RequestRegistry requests, @Reference AttachmentUploads uploads,
            DocumentsConfig config) throws IOException {
        this.requests = requests;
        this.uploads = uploads;
        String configured = config.storageDirectory() == null ? "" : config.storageDirectory().strip();
        Path root = configured.isEmpty()
                ? Path.of(System.getProperty("karaf.data", "data"), "civicdesk", "attachments")
                : Path.of(configured);
        this.store = new ContentStore(root);
        this.maxBytes = config.maxFileSizeMiB() * 1024L * 1024L;
    }

    @Override
    public StoredAttachment attach(Actor actor, RequestNumber number, String fileName, InputStream content,
            String comment) {
        String name = cleanName(fileName);
        requests.get(actor, number); // not found unless the actor may see the request; nothing stored then
        ContentStore.Stored stored = store.put(content, name, maxBytes);
        // Recorded before the history event, so that the reference is vouched for when the registry asks.
        uploads.record(number, stored.sha256(), actor.username());
        String reference = StoredAttachment.REFERENCE_PREFIX + stored.sha256();
        ServiceRequest changed = requests.apply(actor, number, RequestChange.attachment(name, reference,
                comment == null || comment.isBlank() ? null : comment.strip()));
        return new StoredAttachment(stored.sha256(), name, stored.mediaType(), stored.size(), actor.username(),
                changed.lastChangeAt());
    }

    @Override
    public String checkPhoto(String fileName, byte[] content) {
        String name = cleanName(fileName);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "file.empty");
        }
        if (content.length > maxBytes) {
            throw InvalidInputException.of("file", "file.tooLarge", maxBytes / (1024 * 1024));
        }
        String mediaType = MediaTypes.sniff(content).filter(t -> t.startsWith("image/")).orElseThrow(
                () -> InvalidInputException.of("file", "file.notAPhoto", name));
        if (!MediaTypes.nameFits(name, mediaType)) {
            throw InvalidInputException.of("file", "file.nameMismatch", MediaTypes.describe(mediaType), name);
        }
        return mediaType;
    }

    @Override
    public List<StoredAttachment> list(Actor actor, RequestNumber number) {
        return requests.history(actor, number).stream().filter(e -> e.kind() == EventKind.ATTACHMENT_ADDED)
                .flatMap(e -> AttachmentUploads.sha256Of(e.attachmentRef()).flatMap(sha -> describe(number, e, sha))
                        .stream())
                .toList();
    }

    @Override
    public AttachmentContent open(Actor actor, RequestNumber number, String sha256) {
        StoredAttachment attachment = list(actor, number).stream().filter(a -> a.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new NotFoundException("request " + number + " has no attachment " + sha256));
        return new AttachmentContent(attachment, store.open(sha256));
    }

    /**
     * The attachment an event of this request records: content uploaded for it (listed even when
     * lost, so that reading it reports the loss), or content stored before uploads were recorded;
     * nothing for content uploaded for another request only, or never stored.
     */
    private Optional<StoredAttachment> describe(RequestNumber number, RequestEvent event, String sha) {
        List<String> owners = uploads.requestsOf(sha);
        Optional<ContentStore.Stored> stored = store.describe(sha);
        if (owners.contains(number.toString())) {
            stored = Optional.of(stored.orElse(new ContentStore.Stored(sha, -1, "application/octet-stream")));
        } else if (!owners.isEmpty()) {
            return Optional.empty();
        }
        return stored.map(s -> new StoredAttachment(sha, event.attachmentName(), s.mediaType(), s.size(), event.actor(),
                event.time()));
    }

    /** The name as the citizen's device sent it, without any folder part; it is shown, never used as a path. */
    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            throw InvalidInputException.of("file", "file.noName");
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }
}
