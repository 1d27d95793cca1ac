package org.civicdesk.engagement.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The count of a closed poll.
 *
 * @param pollId which poll
 * @param votes  votes per option key, in the options' order
 * @param total  every vote cast
 */
public record PollResults(String pollId, Map<String, Long> votes, long total) {
    public PollResults {
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    }
}
