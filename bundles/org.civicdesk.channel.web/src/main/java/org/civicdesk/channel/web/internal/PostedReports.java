package org.civicdesk.channel.web.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;

/**
 * What an Open311 client said of a report beyond CivicDesk's own fields, answered back as posted when the report is
 * read: the {@code address_id} of the city's address registry and the {@code media_url} of a photo the reporter
 * published elsewhere. Read for a whole list in one query.
 */
final class PostedReports {
    static final String TABLE = "CD_OPEN311_REPORT";

    /** A report's own fields; either may be {@code null}. */
    record Posted(String addressId, String mediaUrl) {
    }

    private final Jdbc jdbc;

    PostedReports(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, PostedReports.class);
    }

    /** Keeps what a report was posted with; nothing when it had neither. */
    void record(String requestNumber, Posted posted) {
        if (posted.addressId() != null || posted.mediaUrl() != null) {
            jdbc.update("keeping an Open311 report's address_id and media_url", "INSERT INTO " + TABLE
                    + " (REQUEST_NUMBER, ADDRESS_ID, MEDIA_URL, ADDED_MS) VALUES (?, ?, ?, ?)", requestNumber,
                    posted.addressId(), posted.mediaUrl(), System.currentTimeMillis());
        }
    }

    /** What these reports were posted with, by request number: those posted with neither are left out. */
    Map<String, Posted> of(Collection<String> requestNumbers) {
        Map<String, Posted> found = new HashMap<>();
        if (!requestNumbers.isEmpty()) {
            String marks = String.join(",", Collections.nCopies(requestNumbers.size(), "?"));
            jdbc.query("reading Open311 reports", "SELECT REQUEST_NUMBER, ADDRESS_ID, MEDIA_URL FROM " + TABLE
                    + " WHERE REQUEST_NUMBER IN (" + marks + ")", rs -> found.put(rs.getString(1),
                            new Posted(rs.getString(2), rs.getString(3))), 0, requestNumbers.toArray());
        }
        return found;
    }
}
