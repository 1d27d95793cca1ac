package org.civicdesk.datasource.documents.api;

import java.io.InputStream;

/**
 * An attachment opened for reading; the caller closes the stream.
 *
 * @param attachment what it is
 * @param content    its verified bytes
 */
public record AttachmentContent(StoredAttachment attachment, InputStream content) {
}
