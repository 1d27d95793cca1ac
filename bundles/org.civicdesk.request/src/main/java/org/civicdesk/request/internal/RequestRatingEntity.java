package org.civicdesk.request.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A citizen's rating of a closed request: the record its {@code RATED} history event stands for, as
 * the details stand with the filing. One per request (the key: a second rating is refused by the
 * database too), append-only in the database.
 */
@Entity
@Table(name = "CD_REQUEST_RATING", indexes = @Index(name = "CD_REQUEST_RATING_TIME", columnList = "RATED_MS"))
public class RequestRatingEntity {
    @Id
    @Column(name = "REQ_NUMBER", length = 16)
    private String number;
    /** The history event that records the rating. */
    @Column(name = "EVENT_SEQ", nullable = false)
    private int eventSequence;
    @Column(name = "SCORE", nullable = false)
    private int score;
    @Column(name = "COMMENT_TEXT", length = 4100)
    private String comment;
    @Column(name = "RATED_MS", nullable = false)
    private long ratedMillis;

    protected RequestRatingEntity() {
    }

    RequestRatingEntity(String number, int eventSequence, int score, String comment, long ratedMillis) {
        this.number = number;
        this.eventSequence = eventSequence;
        this.score = score;
        this.comment = comment;
        this.ratedMillis = ratedMillis;
    }

    String getNumber() {
        return number;
    }

    int getEventSequence() {
        return eventSequence;
    }

    int getScore() {
        return score;
    }

    String getComment() {
        return comment;
    }

    long getRatedMillis() {
        return ratedMillis;
    }

    /** This rating's fields in a fixed order, for its event's record digest ({@link RequestRecords}). */
    Object[] recordFields() {
        return new Object[] {number, eventSequence, score, comment, ratedMillis};
    }
}
