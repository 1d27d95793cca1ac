package org.civicdesk.request.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One step of an interaction after its start: the citizen identified, a request linked, the
 * close. Append-only in the database; the unique sequence makes concurrent steps conflict.
 */
@Entity
@Table(name = "CD_INTERACTION_EVENT",
        uniqueConstraints = @UniqueConstraint(name = "CD_INTERACTION_EVENT_SEQ", columnNames = {"INTERACTION_ID", "EVENT_SEQ"}),
        indexes = @Index(name = "CD_INTERACTION_CITIZEN", columnList = "CITIZEN_ID"))
public class InteractionEventEntity {
    enum Kind { IDENTIFIED, LINKED, CLOSED }

    /** {@code <interaction>#<sequence>}. */
    @Id
    @Column(name = "ID", length = 50)
    private String id;
    @Column(name = "INTERACTION_ID", nullable = false, length = 36)
    private String interactionId;
    @Column(name = "EVENT_SEQ", nullable = false)
    private int sequence;
    @Column(name = "OCCURRED_MS", nullable = false)
    private long occurredMillis;
    @Column(name = "KIND", nullable = false, length = 20)
    private String kind;
    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;
    @Column(name = "CITIZEN_ID", length = 36)
    private String citizenId;
    @Column(name = "VERIFIED")
    private boolean verified;
    @Column(name = "REQUEST_NUMBER", length = 16)
    private String requestNumber;
    @Column(name = "OUTCOME", length = 30)
    private String outcome;
    @Column(name = "REMARKS", length = 8100)
    private String remarks;

    protected InteractionEventEntity() {
    }

    private InteractionEventEntity(String interactionId, int sequence, long occurredMillis, Kind kind, String actor) {
        this.id = interactionId + "#" + sequence;
        this.interactionId = interactionId;
        this.sequence = sequence;
        this.occurredMillis = occurredMillis;
        this.kind = kind.name();
        this.actor = actor;
    }

    static InteractionEventEntity identified(String interactionId, int sequence, long at, String actor, String citizenId,
            boolean verified) {
        InteractionEventEntity e = new InteractionEventEntity(interactionId, sequence, at, Kind.IDENTIFIED, actor);
        e.citizenId = citizenId;
        e.verified = verified;
        return e;
    }

    static InteractionEventEntity linked(String interactionId, int sequence, long at, String actor, String requestNumber) {
        InteractionEventEntity e = new InteractionEventEntity(interactionId, sequence, at, Kind.LINKED, actor);
        e.requestNumber = requestNumber;
        return e;
    }

    static InteractionEventEntity closed(String interactionId, int sequence, long at, String actor, String outcome,
            String remarks) {
        InteractionEventEntity e = new InteractionEventEntity(interactionId, sequence, at, Kind.CLOSED, actor);
        e.outcome = outcome;
        e.remarks = remarks;
        return e;
    }

    String getInteractionId() {
        return interactionId;
    }

    int getSequence() {
        return sequence;
    }

    long getOccurredMillis() {
        return occurredMillis;
    }

    Kind getKind() {
        return Kind.valueOf(kind);
    }

    String getCitizenId() {
        return citizenId;
    }

    boolean isVerified() {
        return verified;
    }

    String getRequestNumber() {
        return requestNumber;
    }

    String getOutcome() {
        return outcome;
    }

    String getRemarks() {
        return remarks;
    }

    String getId() {
        return id;
    }

    /** The step's fields in a fixed order, for its record digest ({@link InteractionRecords}). */
    Object[] recordFields() {
        return new Object[] {id, interactionId, sequence, occurredMillis, kind, actor, citizenId, verified,
            requestNumber, outcome, remarks};
    }
}
