package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.civicdesk.persistence.Jdbc;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One value given with a request when it was filed: an answer to an attribute of its type, or a
 * field of the contact left by a reporter without a national id. Append-only in the database,
 * like the request itself.
 */
@Entity
@Table(name = "CD_REQUEST_DETAIL", indexes = @Index(name = "CD_REQUEST_DETAIL_REQ", columnList = "REQUEST_NUMBER"))
public class RequestDetailEntity {
    static final String ATTRIBUTE = "attribute";
    static final String CONTACT = "contact";

    /** {@code <number>#<position>}: unique without a generator, like the history's ids. */
    @Id
    @Column(name = "ID", length = 30)
    private String id;
    @Column(name = "REQUEST_NUMBER", nullable = false, length = 16)
    private String requestNumber;
    @Column(name = "POS", nullable = false)
    private int position;
    @Column(name = "KIND", nullable = false, length = 10)
    private String kind;
    @Column(name = "NAME", nullable = false, length = 50)
    private String name;
    @Column(name = "DETAIL_VALUE", nullable = false, length = 16100)
    private String value;

    protected RequestDetailEntity() {
    }

    RequestDetailEntity(String requestNumber, int position, String kind, String name, String value) {
        this.id = requestNumber + "#" + position;
        this.requestNumber = requestNumber;
        this.position = position;
        this.kind = kind;
        this.name = name;
        this.value = value;
    }

    int getPosition() {
        return position;
    }

    String getKind() {
        return kind;
    }

    String getName() {
        return name;
    }

    String getValue() {
        return value;
    }

    /** The detail's fields in a fixed order, for the digest of its request's filing ({@link RequestRecords}). */
    Object[] recordFields() {
        return new Object[] {requestNumber, position, kind, name, value};
    }

    String getRequestNumber() {
        return requestNumber;
    }

    /** Inserts details with plain JDBC in one batch, as the group commit of filings writes them. */
    static void insertAll(Connection c, List<RequestDetailEntity> details) throws SQLException {
        if (details.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_REQUEST_DETAIL (ID, REQUEST_NUMBER, POS, KIND, "
                + "NAME, DETAIL_VALUE) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RequestDetailEntity d : details) {
                Jdbc.bind(ps, d.id, d.requestNumber, d.position, d.kind, d.name, d.value);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
