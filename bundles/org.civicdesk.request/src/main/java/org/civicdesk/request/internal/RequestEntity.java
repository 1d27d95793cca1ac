package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import org.civicdesk.persistence.Jdbc;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The immutable facts of a registered request. Append-only in the database. Its description and place are kept as
 * {@link PersonalTexts} sealed them for its citizen.
 */
@Entity
@Table(name = "CD_REQUEST", uniqueConstraints = @UniqueConstraint(name = "CD_REQUEST_TRACKING", columnNames = "TRACKING_CODE"),
        indexes = {@Index(name = "CD_REQUEST_CITIZEN", columnList = "CITIZEN_ID"),
                @Index(name = "CD_REQUEST_DEPT", columnList = "DEPARTMENT")})
public class RequestEntity {
    @Id
    @Column(name = "REQ_NUMBER", length = 16)
    private String number;
    @Column(name = "REG_YEAR", nullable = false)
    private int year;
    @Column(name = "SEQ", nullable = false)
    private int sequence;
    @Column(name = "TRACKING_CODE", nullable = false, length = 16)
    private String trackingCode;
    @Column(name = "TYPE_CODE", nullable = false, length = 50)
    private String type;
    @Column(name = "CHANNEL", nullable = false, length = 10)
    private String channel;
    @Column(name = "CITIZEN_ID", length = 36)
    private String citizenId;
    @Column(name = "DESCRIPTION", nullable = false, length = 16100)
    private String description;
    @Column(name = "LAT")
    private Double lat;
    @Column(name = "LON")
    private Double lon;
    @Column(name = "ADDRESS", length = 1300)
    private String address;
    @Column(name = "DEPARTMENT", nullable = false, length = 30)
    private String department;
    @Column(name = "REGISTERED_MS", nullable = false)
    private long registeredMillis;
    /** ISO date, so that it sorts and compares as text on every database. */
    @Column(name = "DEADLINE", nullable = false, length = 10)
    private String deadline;
    /** ISO date a letter reached the city hall, when registered later; {@code null} otherwise. */
    @Column(name = "RECEIVED_ON", length = 10)
    private String receivedOn;

    protected RequestEntity() {
    }

    RequestEntity(int year, int sequence, String number, String trackingCode, String type, String channel,
            String citizenId, String description, Double lat, Double lon, String address, String department,
            long registeredMillis, String deadline, String receivedOn) {
        this.year = year;
        this.sequence = sequence;
        this.number = number;
        this.trackingCode = trackingCode;
        this.type = type;
        this.channel = channel;
        this.citizenId = citizenId;
        this.description = description;
        this.lat = lat;
        this.lon = lon;
        this.address = address;
        this.department = department;
        this.registeredMillis = registeredMillis;
        this.deadline = deadline;
        this.receivedOn = receivedOn;
    }

    String getReceivedOn() {
        return receivedOn;
    }

    String getNumber() {
        return number;
    }

    int getYear() {
        return year;
    }

    int getSequence() {
        return sequence;
    }

    String getTrackingCode() {
        return trackingCode;
    }

    String getType() {
        return type;
    }

    String getChannel() {
        return channel;
    }

    String getCitizenId() {
        return citizenId;
    }

    String getDescription() {
        return description;
    }

    Double getLat() {
        return lat;
    }

    Double getLon() {
        return lon;
    }

    String getAddress() {
        return address;
    }

    String getDepartment() {
        return department;
    }

    long getRegisteredMillis() {
        return registeredMillis;
    }

    String getDeadline() {
        return deadline;
    }

    /** The request's fields in a fixed order, for the digest of its filing ({@link RequestRecords}). */
    Object[] recordFields() {
        Object[] fields = {number, year, sequence, trackingCode, type, channel, citizenId, description, lat, lon,
            address, department, registeredMillis, deadline};
        // Appended only when there is one: the digests of requests filed before it existed stay as they were.
        return receivedOn == null ? fields : java.util.stream.Stream.concat(java.util.Arrays.stream(fields),
                java.util.stream.Stream.of(receivedOn)).toArray();
    }

    /** Inserts the filed request with plain JDBC, as the group commit of filings writes it. */
    void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_REQUEST (REQ_NUMBER, REG_YEAR, SEQ, TRACKING_CODE, "
                + "TYPE_CODE, CHANNEL, CITIZEN_ID, DESCRIPTION, LAT, LON, ADDRESS, DEPARTMENT, REGISTERED_MS, DEADLINE, "
                + "RECEIVED_ON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(ps, number, year, sequence, trackingCode, type, channel, citizenId, description, lat, lon, address,
                    department, registeredMillis, deadline, receivedOn);
            // A null is typed by its column: PostgreSQL takes no VARCHAR null for a DOUBLE.
            ps.setObject(9, lat, Types.DOUBLE);
            ps.setObject(10, lon, Types.DOUBLE);
            ps.executeUpdate();
        }
    }
}
