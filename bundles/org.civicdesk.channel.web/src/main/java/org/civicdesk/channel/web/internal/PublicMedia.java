package org.civicdesk.channel.web.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;

/**
 * The photos reporters published with their reports through the web channel: the only
 * attachments the public API shows (an attachment staff add stays internal). The photo itself is
 * in the document store; this table says which of a request's attachments are public, so a list
 * of reports finds its photos in one query.
 */
final class PublicMedia {
    static final String TABLE = "CD_OPEN311_MEDIA";

    private final Jdbc jdbc;

    PublicMedia(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, PublicMedia.class);
    }

    void publish(String requestNumber, String sha256, String mediaType) {
        try {
            jdbc.update("publishing a photo", "INSERT INTO " + TABLE + " (REQUEST_NUMBER, SHA256, MEDIA_TYPE, ADDED_MS) "
                    + "VALUES (?, ?, ?, ?)", requestNumber, sha256, mediaType, System.currentTimeMillis());
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // the same photo twice: published already
                throw e;
            }
        }
    }

    /** The first public photo of each of these requests, by request number. */
    Map<String, String> firstOf(Collection<String> requestNumbers) {
        Map<String, String> first = new HashMap<>();
        if (!requestNumbers.isEmpty()) {
            String marks = String.join(",", Collections.nCopies(requestNumbers.size(), "?"));
            jdbc.query("reading public photos", "SELECT REQUEST_NUMBER, SHA256 FROM " + TABLE + " WHERE REQUEST_NUMBER IN ("
                    + marks + ") ORDER BY ADDED_MS, SHA256", rs -> first.putIfAbsent(rs.getString(1), rs.getString(2)), 0,
                    requestNumbers.toArray());
        }
        return first;
    }

    /** Whether this photo of this request is public. */
    boolean isPublic(String requestNumber, String sha256) {
        return !jdbc.query("reading public photos", "SELECT 1 FROM " + TABLE + " WHERE REQUEST_NUMBER = ? AND SHA256 = ?",
                rs -> 1, 1, requestNumber, sha256).isEmpty();
    }
}
