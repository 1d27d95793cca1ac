package org.civicdesk.datasource.documents.api;

import java.io.InputStream;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestNumber;

/**
 * Photos and documents attached to requests (R10). Content is stored once per SHA-256 and is
 * never overwritten or deleted; its type is detected from the bytes, not from the file name;
 * every read checks the content against its hash. Attaching is recorded in the request's
 * history, so visibility and audit follow the request's.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AttachmentStore {

    /**
     * Stores a file and appends an "attachment added" event to the request's history.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for an empty or too large file, a type that is
     *         not accepted, or content that does not match the file name's extension
     * @throws org.civicdesk.core.api.NotFoundException     when the actor may not see the request
     */
    StoredAttachment attach(Actor actor, RequestNumber number, String fileName, InputStream content, String comment);

    /**
     * Checks, without storing anything, that a file is a photo (JPEG, PNG, GIF or WebP) the store
     * would accept under this name: what a channel asks before it files a report whose photos must
     * not be refused afterwards.
     *
     * @return the photo's media type, detected from its bytes
     * @throws org.civicdesk.core.api.InvalidInputException for an empty or too large file, one that is not a
     *         photo, or one whose name says another type
     */
    String checkPhoto(String fileName, byte[] content);

    /** The attachments of a request the actor may see, oldest first. */
    List<StoredAttachment> list(Actor actor, RequestNumber number);

    /**
     * Opens an attachment of a request the actor may see, after checking its content.
     *
     * @throws org.civicdesk.core.api.NotFoundException  when the request has no such attachment
     * @throws org.civicdesk.core.api.IntegrityException when the stored content no longer matches its hash
     */
    AttachmentContent open(Actor actor, RequestNumber number, String sha256);
}
