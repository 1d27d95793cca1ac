package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.civicdesk.persistence.Jdbc;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.RequestEvent;

/** One entry of a request's history. Append-only in the database. */
@Entity
@Table(name = "CD_REQUEST_EVENT",
        uniqueConstraints = @UniqueConstraint(name = "CD_REQUEST_EVENT_SEQ", columnNames = {"REQUEST_NUMBER", "EVENT_SEQ"}))
public class RequestEventEntity {
    /** {@code <number>#<sequence>}: unique without a generator, so any node can write it. */
    @Id
    @Column(name = "ID", length = 30)
    private String id;
    @Column(name = "REQUEST_NUMBER", nullable = false, length = 16)
    private String requestNumber;
    @Column(name = "EVENT_SEQ", nullable = false)
    private int sequence;
    @Column(name = "OCCURRED_MS", nullable = false)
    private long occurredMillis;
    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    private EventKind kind;
    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;
    @Column(name = "STATUS", nullable = false, length = 50)
    private String status;
    @Column(name = "ASSIGNEE", length = 50)
    private String assignee;
    @Column(name = "COMMENT_TEXT", length = 16100)
    private String comment;
    @Column(name = "ATTACHMENT_NAME", length = 1100)
    private String attachmentName;
    @Column(name = "ATTACHMENT_REF", length = 500)
    private String attachmentRef;
    /** The level of an ESCALATED event. */
    @Column(name = "ESCALATION_LEVEL")
    private Integer level;
    /** ISO date: the deadline a DEADLINE_MOVED event moved to, or the one an ESCALATED event found passed or near. */
    @Column(name = "DEADLINE", length = 10)
    private String deadline;
    /** What a call-back event records: its window, or its outcome. */
    @Column(name = "DETAIL", length = 100)
    private String detail;

    protected RequestEventEntity() {
    }

    RequestEventEntity(String requestNumber, int sequence, long occurredMillis, EventKind kind, String actor,
            String status, String assignee, String comment, String attachmentName, String attachmentRef) {
        this.id = requestNumber + "#" + sequence;
        this.requestNumber = requestNumber;
        this.sequence = sequence;
        this.occurredMillis = occurredMillis;
        this.kind = kind;
        this.actor = actor;
        this.status = status;
        this.assignee = assignee;
        this.comment = comment;
        this.attachmentName = attachmentName;
        this.attachmentRef = attachmentRef;
    }

    /** An escalation step or a move of the deadline. */
    RequestEventEntity(String requestNumber, int sequence, long occurredMillis, EventKind kind, String actor,
            String status, String assignee, Integer level, LocalDate deadline) {
        this(requestNumber, sequence, occurredMillis, kind, actor, status, assignee, null, null, null);
        this.level = level;
        this.deadline = deadline == null ? null : deadline.toString();
    }

    /** The event as stored: its comment and attachment's name as {@link PersonalTexts#opened} must open them. */
    RequestEvent toDto() {
        return new RequestEvent(sequence, Instant.ofEpochMilli(occurredMillis), kind, actor, status, assignee, comment,
                attachmentName, attachmentRef, level, deadline == null ? null : LocalDate.parse(deadline), detail);
    }

    /** Records what a call-back event says (see {@link EventKind#CALLBACK_SCHEDULED}, {@link EventKind#CALLED_BACK}). */
    void detail(String value) {
        this.detail = value;
    }

    String getRequestNumber() {
        return requestNumber;
    }

    /** This event's fields in a fixed order, for its record digest ({@link RequestRecords}). */
    Object[] recordFields() {
        Object[] fields = {requestNumber, sequence, occurredMillis, kind, actor, status, assignee, comment,
            attachmentName, attachmentRef};
        // Appended only when set: the digests of events recorded before these fields existed stay as they were.
        Object[] escalation = level == null && deadline == null ? fields : java.util.stream.Stream.concat(
                java.util.Arrays.stream(fields), java.util.stream.Stream.of(level, deadline)).toArray();
        return detail == null ? escalation : java.util.stream.Stream.concat(java.util.Arrays.stream(escalation),
                java.util.stream.Stream.of(detail)).toArray();
    }

    String getId() {
        return id;
    }

    /** Inserts the event with plain JDBC, as the group commit of filings writes it. */
    void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_REQUEST_EVENT (ID, REQUEST_NUMBER, EVENT_SEQ, "
                + "OCCURRED_MS, KIND, ACTOR, STATUS, ASSIGNEE, COMMENT_TEXT, ATTACHMENT_NAME, ATTACHMENT_REF) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(ps, id, requestNumber, sequence, occurredMillis, kind.name(), actor, status, assignee, comment,
                    attachmentName, attachmentRef);
            ps.executeUpdate();
        }
    }
}
