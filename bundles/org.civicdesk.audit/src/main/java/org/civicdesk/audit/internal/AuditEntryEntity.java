package org.civicdesk.audit.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A row of the audit trail. Written once; the database refuses updates and deletes. */
@Entity
@Table(name = "CD_AUDIT_ENTRY", indexes = {
        @Index(name = "CD_AUDIT_SUBJECT", columnList = "SUBJECT_TYPE,SUBJECT_ID"),
        @Index(name = "CD_AUDIT_ACTOR", columnList = "ACTOR")})
public class AuditEntryEntity {
    @Id
    @Column(name = "SEQ")
    private long sequence;
    @Column(name = "OCCURRED_MS", nullable = false)
    private long occurredMillis;
    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;
    @Column(name = "ACTION", nullable = false, length = 100)
    private String action;
    @Column(name = "INFO_KIND", length = 100)
    private String infoKind;
    @Column(name = "SUBJECT_TYPE", length = 50)
    private String subjectType;
    @Column(name = "SUBJECT_ID", length = 100)
    private String subjectId;
    @Column(name = "REMARKS", length = 2000)
    private String remarks;
    @Column(name = "PREV_HASH", nullable = false, length = 64)
    private String previousHash;
    @Column(name = "HASH", nullable = false, length = 64)
    private String hash;

    protected AuditEntryEntity() {
    }

    AuditEntryEntity(long sequence, long occurredMillis, String actor, String action, String infoKind,
            String subjectType, String subjectId, String remarks, String previousHash, String hash) {
        this.sequence = sequence;
        this.occurredMillis = occurredMillis;
        this.actor = actor;
        this.action = action;
        this.infoKind = infoKind;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.remarks = remarks;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    long getSequence() {
        return sequence;
    }

    long getOccurredMillis() {
        return occurredMillis;
    }

    String getActor() {
        return actor;
    }

    String getAction() {
        return action;
    }

    String getInfoKind() {
        return infoKind;
    }

    String getSubjectType() {
        return subjectType;
    }

    String getSubjectId() {
        return subjectId;
    }

    String getRemarks() {
        return remarks;
    }

    String getPreviousHash() {
        return previousHash;
    }

    String getHash() {
        return hash;
    }
}
