package org.civicdesk.request.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** The start of a contact with a citizen. Append-only in the database; what follows is in its events. */
@Entity
@Table(name = "CD_INTERACTION", indexes = @Index(name = "CD_INTERACTION_STAFF", columnList = "STAFF,STARTED_MS"))
public class InteractionEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "CHANNEL", nullable = false, length = 20)
    private String channel;
    @Column(name = "STAFF", nullable = false, length = 100)
    private String staff;
    @Column(name = "STARTED_MS", nullable = false)
    private long startedMillis;

    protected InteractionEntity() {
    }

    InteractionEntity(String id, String channel, String staff, long startedMillis) {
        this.id = id;
        this.channel = channel;
        this.staff = staff;
        this.startedMillis = startedMillis;
    }

    String getId() {
        return id;
    }

    String getChannel() {
        return channel;
    }

    String getStaff() {
        return staff;
    }

    long getStartedMillis() {
        return startedMillis;
    }

    /** The start's fields in a fixed order, for its record digest ({@link InteractionRecords}). */
    Object[] recordFields() {
        return new Object[] {id, channel, staff, startedMillis};
    }
}
