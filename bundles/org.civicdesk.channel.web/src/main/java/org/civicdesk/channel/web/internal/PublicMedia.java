package org.civicdesk.channel.web.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.persistence.AppendOnlyTables;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.persistence.Tables;

/**
 * The photos reporters published with their reports through the web channel: the only
 * attachments the public API shows (an attachment staff add stays internal). The photo itself is
 * in the document store; this table says which of a request's attachments are public, so a list
 * of reports finds its photos in one query.
 */
final class PublicMedia {
    static final String TABLE = "CD_OPEN311_MEDIA";

    private final DataSource dataSource;

    PublicMedia(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            Tables.createIfAbsent(c, TABLE, "CREATE TABLE " + TABLE + " (REQUEST_NUMBER VARCHAR(16) NOT NULL, "
                    + "SHA256 VARCHAR(64) NOT NULL, MEDIA_TYPE VARCHAR(100) NOT NULL, ADDED_MS BIGINT NOT NULL, "
                    + "PRIMARY KEY (REQUEST_NUMBER, SHA256))");
        }
        AppendOnlyTables.protect(dataSource, TABLE);
    }

    void publish(String requestNumber, String sha256, String mediaType) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + TABLE + " (REQUEST_NUMBER, SHA256, MEDIA_TYPE, ADDED_MS) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, requestNumber);
            ps.setString(2, sha256);
            ps.setString(3, mediaType);
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) { // the same photo twice: published already
                throw SqlErrors.unchecked("publishing a photo", e);
            }
        }
    }

    /** The first public photo of each of these requests, by request number. */
    Map<String, String> firstOf(Collection<String> requestNumbers) {
        Map<String, String> first = new HashMap<>();
        if (requestNumbers.isEmpty()) {
            return first;
        }
        String marks = String.join(",", java.util.Collections.nCopies(requestNumbers.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT REQUEST_NUMBER, "
                + "SHA256 FROM " + TABLE + " WHERE REQUEST_NUMBER IN (" + marks + ") ORDER BY ADDED_MS, SHA256")) {
            int i = 1;
            for (String number : requestNumbers) {
                ps.setString(i++, number);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    first.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
            return first;
        } catch (SQLException e) {
            throw SqlErrors.unchecked("reading public photos", e);
        }
    }

    /** Whether this photo of this request is public. */
    boolean isPublic(String requestNumber, String sha256) {
        return all(requestNumber).contains(sha256);
    }

    private List<String> all(String requestNumber) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT SHA256 FROM " + TABLE + " WHERE REQUEST_NUMBER = ?")) {
            ps.setString(1, requestNumber);
            List<String> all = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            return all;
        } catch (SQLException e) {
            throw SqlErrors.unchecked("reading public photos", e);
        }
    }
}
