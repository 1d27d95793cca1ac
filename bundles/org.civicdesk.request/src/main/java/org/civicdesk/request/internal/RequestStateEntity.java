package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Locale;

import org.civicdesk.persistence.Jdbc;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.civicdesk.request.api.Priority;
import org.civicdesk.request.api.RequestEvent;

/**
 * The current state of a request, derived from its history: each event is applied here in the
 * same transaction that appends it, so the state can always be rebuilt from the events. The
 * version guards against two concurrent changes of one request.
 */
@Entity
@Table(name = "CD_REQUEST_STATE", indexes = {@Index(name = "CD_STATE_STATUS", columnList = "STATUS"),
        @Index(name = "CD_STATE_ASSIGNEE", columnList = "ASSIGNEE"),
        @Index(name = "CD_STATE_CHANGED", columnList = "LAST_CHANGE_MS"),
        @Index(name = "CD_STATE_NEXT_STEP", columnList = "NEXT_STEP, REQ_NUMBER"),
        @Index(name = "CD_STATE_OPEN_ORDER", columnList = "FINISHED, DEADLINE, REGISTERED_MS, REQ_NUMBER"),
        @Index(name = "CD_STATE_FINISHED_REGISTERED", columnList = "FINISHED, REGISTERED_MS, REQ_NUMBER, DEADLINE"),
        @Index(name = "CD_STATE_NEWEST", columnList = "REGISTERED_MS, REQ_NUMBER"),
        @Index(name = "CD_STATE_OPEN_DAY", columnList = "FINISHED, REGISTERED_DAY, DEADLINE, REGISTERED_MS, REQ_NUMBER"),
        @Index(name = "CD_STATE_TYPE_STATUS", columnList = "TYPE_CODE, STATUS"),
        @Index(name = "CD_STATE_DEPARTMENT_STATUS", columnList = "DEPARTMENT, STATUS"),
        @Index(name = "CD_STATE_OPEN_STATUS", columnList = "FINISHED, STATUS")})
public class RequestStateEntity {
    @Id
    @Column(name = "REQ_NUMBER", length = 16)
    private String number;
    @Column(name = "STATUS", nullable = false, length = 50)
    private String status;
    /** The request's type, department, channel and registration, copied at filing: what lists filter and order on. */
    @Column(name = "TYPE_CODE", nullable = false, length = 50, updatable = false)
    private String type;
    @Column(name = "DEPARTMENT", nullable = false, length = 30, updatable = false)
    private String department;
    @Column(name = "CHANNEL", nullable = false, length = 10, updatable = false)
    private String channel;
    @Column(name = "REGISTERED_MS", nullable = false, updatable = false)
    private long registeredMillis;
    /** {@link #registeredMillis} in whole UTC days: the partition a period's open requests are read by, day by day. */
    @Column(name = "REGISTERED_DAY", nullable = false, updatable = false)
    private int registeredDay;
    @Column(name = "ASSIGNEE", length = 50)
    private String assignee;
    @Column(name = "FINISHED", nullable = false)
    private boolean finished;
    @Column(name = "LAST_EVENT_SEQ", nullable = false)
    private int lastEventSequence;
    @Column(name = "LAST_CHANGE_MS", nullable = false)
    private long lastChangeMillis;
    /** The deadline in force, an ISO date (moved by the working days the request waited for the citizen). */
    @Column(name = "DEADLINE", nullable = false, length = 10)
    private String deadline;
    @Column(name = "PRIORITY", nullable = false, length = 10)
    private String priority = Priority.NORMAL.id();
    /** The highest escalation level reached (0 warned), or null. */
    @Column(name = "ESCALATION_LEVEL")
    private Integer escalationLevel;
    /** ISO date since which the request waits for the citizen, or null. */
    @Column(name = "PAUSED_SINCE", length = 10)
    private String pausedSince;
    /** ISO date of the next escalation step ({@link DeadlineSchedule}), or null when none will come. */
    @Column(name = "NEXT_STEP", length = 10)
    private String nextStep;
    @Version
    @Column(name = "VERSION")
    private int version;

    protected RequestStateEntity() {
    }

    /** The state of {@code request} before its first event, due by {@code deadline}. */
    RequestStateEntity(RequestEntity request, LocalDate deadline) {
        this.number = request.getNumber();
        this.type = request.getType();
        this.department = request.getDepartment();
        this.channel = request.getChannel();
        this.registeredMillis = request.getRegisteredMillis();
        this.registeredDay = registeredDay(registeredMillis);
        this.deadline = deadline.toString();
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

    LocalDate getDeadline() {
        return LocalDate.parse(deadline);
    }

    Priority getPriority() {
        return Priority.valueOf(priority.toUpperCase(Locale.ROOT));
    }

    Integer getEscalationLevel() {
        return escalationLevel;
    }

    LocalDate getPausedSince() {
        return pausedSince == null ? null : LocalDate.parse(pausedSince);
    }

    /** Moves the deadline (after a wait for the citizen). */
    void deadline(LocalDate moved) {
        this.deadline = moved.toString();
    }

    /** Records an escalation step: the level reached and the priority it gives, never lower than before. */
    void escalated(int level) {
        this.escalationLevel = escalationLevel == null ? level : Math.max(escalationLevel, level);
        Priority raised = Priority.ofEscalation(escalationLevel);
        if (raised.compareTo(getPriority()) > 0) {
            this.priority = raised.id();
        }
    }

    void pausedSince(LocalDate day) {
        this.pausedSince = day == null ? null : day.toString();
    }

    void nextStep(LocalDate day) {
        this.nextStep = day == null ? null : day.toString();
    }

    int getLastEventSequence() {
        return lastEventSequence;
    }

    long getLastChangeMillis() {
        return lastChangeMillis;
    }

    /** The registration day of a request registered at {@code millis}: whole UTC days since 1970. */
    static int registeredDay(long millis) {
        return (int) Math.floorDiv(millis, 86_400_000L);
    }

    /** Inserts the first state with plain JDBC, as the group commit of filings writes it (version 1, as JPA would). */
    void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_REQUEST_STATE (REQ_NUMBER, STATUS, ASSIGNEE, "
                + "FINISHED, LAST_EVENT_SEQ, LAST_CHANGE_MS, DEADLINE, PRIORITY, ESCALATION_LEVEL, PAUSED_SINCE, NEXT_STEP, "
                + "TYPE_CODE, DEPARTMENT, CHANNEL, REGISTERED_MS, REGISTERED_DAY, VERSION) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            Jdbc.bind(ps, number, status, assignee, finished, lastEventSequence, lastChangeMillis, deadline, priority,
                    escalationLevel, pausedSince, nextStep, type, department, channel, registeredMillis, registeredDay);
            ps.setObject(9, escalationLevel, Types.INTEGER);
            ps.executeUpdate();
        }
    }
}
