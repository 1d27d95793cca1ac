package org.civicdesk.engagement.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A local poll or referendum.
 *
 * @param id         stable identifier
 * @param questions  the question per language ({@code ro} required, {@code en})
 * @param options    the answers, in order
 * @param opensAt    votes are taken from this instant
 * @param closesAt   until this instant (excluded); results are shown only after it
 * @param minimumAge who may vote: persons (by CNP) of at least this age on the closing day
 * @param createdBy  who set it up
 * @param createdAt  when
 */
public record Poll(String id, Map<String, String> questions, List<Option> options, Instant opensAt, Instant closesAt,
        int minimumAge, String createdBy, Instant createdAt) {

    public Poll {
        questions = Map.copyOf(questions);
        options = List.copyOf(options);
    }

    /**
     * One answer of a poll.
     *
     * @param key   what a vote stores, e.g. {@code yes}; on the phone, the option's position is its key
     * @param names the answer per language
     */
    public record Option(String key, Map<String, String> names) {
        public Option {
            names = Map.copyOf(names);
        }

        public String name(String language) {
            return names.getOrDefault(language, names.get("ro"));
        }
    }

    public String question(String language) {
        return questions.getOrDefault(language, questions.get("ro"));
    }

    public boolean isOpenAt(Instant at) {
        return !at.isBefore(opensAt) && at.isBefore(closesAt);
    }

    public boolean isClosedAt(Instant at) {
        return !at.isBefore(closesAt);
    }
}
