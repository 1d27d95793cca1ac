package org.civicdesk.datasource.documents.api;

import java.time.Instant;

/**
 * A file attached to a request.
 *
 * @param sha256    hex SHA-256 of the content: its identity in the store
 * @param fileName  the name it was uploaded with
 * @param mediaType the type detected from its bytes, e.g. {@code image/jpeg}
 * @param size      size in bytes
 * @param addedBy   who attached it
 * @param addedAt   when
 */
public record StoredAttachment(String sha256, String fileName, String mediaType, long size, String addedBy,
        Instant addedAt) {

    /** How the request history refers to stored content. */
    public static final String REFERENCE_PREFIX = "sha256:";

    public String reference() {
        return REFERENCE_PREFIX + sha256;
    }
}
