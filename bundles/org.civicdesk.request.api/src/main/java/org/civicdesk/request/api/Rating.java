package org.civicdesk.request.api;

import java.time.Instant;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;

/**
 * A citizen's rating of a closed request (R16's satisfaction question): a score from 1 (very
 * dissatisfied) to 5 (very satisfied) and an optional comment. Given once, through the tracking
 * code; recorded in the request's history ({@link EventKind#RATED}) and never changed.
 *
 * @param number     the request rated
 * @param type       its type's code
 * @param department its responsible department
 * @param score      1 to 5
 * @param comment    the citizen's words, or {@code null}
 * @param ratedAt    when the rating was given
 * @since 2.2
 */
public record Rating(RequestNumber number, String type, String department, int score, String comment,
        Instant ratedAt) {
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    /** The most characters of a comment: what the rating stores. */
    public static final int MAX_COMMENT = 1000;

    /**
     * Checks what a citizen gives before anything is stored.
     *
     * @return the comment as it is stored: stripped, {@code null} when blank
     * @throws InvalidInputException ({@code score}) for a score outside 1–5; ({@code comment}) for a
     *         comment too long or holding control characters other than line breaks
     */
    public static String check(int score, String comment) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw InvalidInputException.of("score", "rating.score", MIN_SCORE, MAX_SCORE);
        }
        TextInput.text("comment", comment, MAX_COMMENT);
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
