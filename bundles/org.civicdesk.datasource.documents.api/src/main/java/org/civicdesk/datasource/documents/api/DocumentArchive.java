package org.civicdesk.datasource.documents.api;

import java.io.IOException;
import java.io.InputStream;

import org.civicdesk.request.api.ServiceRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An external document management system that receives every filed request and every file attached to one (R10),
 * e.g. over CMIS. The document store hands them over through an outbox: a hand-off is recorded in the filing's (or
 * the attachment's) own transaction and delivered afterwards, tried again after a failure until the system takes
 * it, so a system that is down loses nothing. The one that receives is chosen by the {@code archive} setting of
 * {@code etc/org.civicdesk.datasource.documents.cfg}, matched against {@link #ID_PROPERTY}.
 *
 * <p>Both methods may be called again for what was already delivered (the answer of an earlier attempt may have been
 * lost): they must then return the reference of what is there and not file it twice. They throw to say the system
 * did not take it; the message is shown on the request, so it names no personal data.
 *
 * @since 1.2
 */
@ConsumerType
public interface DocumentArchive {
    /** Service property: the system's id, e.g. {@code cmis}. */
    String ID_PROPERTY = "civicdesk.archive";

    /**
     * Files a request (its registration data) in the system.
     *
     * @return the system's reference of the request's record
     * @throws IOException when the system did not take it
     */
    String fileRequest(ServiceRequest request) throws IOException;

    /**
     * Files a file attached to a request, beside the request's record.
     *
     * @param content the file's bytes, as stored; the caller closes it
     * @return the system's reference of the filed document
     * @throws IOException when the system did not take it
     */
    String fileAttachment(ServiceRequest request, StoredAttachment attachment, InputStream content) throws IOException;
}
