package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.civicdesk.persistence.Jdbc;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.civicdesk.request.api.RequestEvent;

/**
 * The current state of a request, derived from its history: each event is applied here in the
 * same transaction that appends it, so the state can always be rebuilt from the events. The
 * version guards against two concurrent changes of one request.
 */
@Entity
@Table(name = "CD_REQUEST_STATE", indexes = {@Index(name = "CD_STATE_STATUS", columnList = "STATUS"),
        @Index(name = "CD_STATE_ASSIGNEE", columnList = "ASSIGNEE"),
        @Index(name = "CD_STATE_CHANGED", columnList = "LAST_CHANGE_MS")})
public class RequestStateEntity {
    @Id
    @Column(name = "REQ_NUMBER", length = 16)
    private String number;
    @Column(name = "STATUS", nullable = false, length = 50)
    private String status;
    @Column(name = "ASSIGNEE", length = 50)
    private String assignee;
    @Column(name = "FINISHED", nullable = false)
    private boolean finished;
    @Column(name = "LAST_EVENT_SEQ", nullable = false)
    private int lastEventSequence;
    @Column(name = "LAST_CHANGE_MS", nullable = false)
    private long lastChangeMillis;
    @Version
    @Column(name = "VERSION")
    private int version;

    protected RequestStateEntity() {
    }

    RequestStateEntity(String number) {
        this.number = number;
    }

    /** Folds one more event into the state. */
    void apply(RequestEvent event, boolean finalStatus) {
        this.status = event.status();
        this.assignee = event.assignee();
        this.finished = finalStatus;
        this.lastEventSequence = event.sequence();
        this.lastChangeMillis = event.time().toEpochMilli();
    }

    String getNumber() {
        return number;
    }

    String getStatus() {
        return status;
    }

    String getAssignee() {
        return assignee;
    }

    boolean isFinished() {
        return finished;
    }

    int getLastEventSequence() {
        return lastEventSequence;
    }

    long getLastChangeMillis() {
        return lastChangeMillis;
    }

    /** Inserts the first state with plain JDBC, as the group commit of filings writes it (version 1, as JPA would). */
    void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_REQUEST_STATE (REQ_NUMBER, STATUS, ASSIGNEE, "
                + "FINISHED, LAST_EVENT_SEQ, LAST_CHANGE_MS, VERSION) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
            Jdbc.bind(ps, number, status, assignee, finished, lastEventSequence, lastChangeMillis);
            ps.executeUpdate();
        }
    }
}
