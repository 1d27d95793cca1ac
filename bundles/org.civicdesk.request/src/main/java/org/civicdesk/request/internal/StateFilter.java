package org.civicdesk.request.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.civicdesk.core.api.Actor;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.request.api.RequestQuery;

/**
 * A {@link RequestQuery} as SQL over the requests' current state ({@code CD_REQUEST_STATE s}), which carries what lists
 * filter and order on: every list, count and page of the registry filters through here, the viewer's
 * {@link Visibility} always part of it. The citizen and the words asked are looked up in their own indexes.
 */
final class StateFilter {
    private StateFilter() {
    }

    /** What {@code actor} may see of the requests matching {@code q}; {@code today} decides what is overdue. */
    static SqlWhere of(Actor actor, RequestQuery q, LocalDate today, ZoneId zone, PersonalTexts texts) {
        SqlWhere where = Visibility.visibleSql(actor, "s.DEPARTMENT", "s.ASSIGNEE");
        equal(where, "s.STATUS", q.status());
        equal(where, "s.TYPE_CODE", q.type());
        if (!q.types().isEmpty()) {
            where.in("s.TYPE_CODE", q.types().stream().sorted().toList());
        }
        equal(where, "s.DEPARTMENT", q.department());
        equal(where, "s.ASSIGNEE", q.assignee());
        equal(where, "s.CHANNEL", q.channel() == null ? null : q.channel().id());
        if (q.citizenId() != null) {
            where.and("s.REQ_NUMBER IN (SELECT r.REQ_NUMBER FROM CD_REQUEST r WHERE r.CITIZEN_ID = ?)", q.citizenId());
        }
        if (q.from() != null) {
            where.and("s.REGISTERED_MS >= ?", startOf(q.from(), zone).toEpochMilli());
        }
        if (q.to() != null) {
            where.and("s.REGISTERED_MS < ?", endOf(q.to(), zone).toEpochMilli());
        }
        if (q.registeredAfter() != null) {
            where.and("s.REGISTERED_MS >= ?", q.registeredAfter().toEpochMilli());
        }
        if (q.registeredBefore() != null) {
            where.and("s.REGISTERED_MS < ?", q.registeredBefore().toEpochMilli());
        }
        if (q.changedAfter() != null) {
            where.and("s.LAST_CHANGE_MS >= ?", q.changedAfter().toEpochMilli());
        }
        if (q.changedBefore() != null) {
            where.and("s.LAST_CHANGE_MS < ?", q.changedBefore().toEpochMilli());
        }
        if (q.done() != null) {
            where.and("s.FINISHED = ?", q.done());
        }
        // Deadlines are ISO dates (YYYY-MM-DD): compared as text they compare as dates.
        // Overdue as RequestRegistryImpl.overdue says: past the deadline in force, not done, not waiting for the citizen.
        if (Boolean.TRUE.equals(q.overdue())) {
            where.and("s.FINISHED = ? AND s.PAUSED_SINCE IS NULL AND s.DEADLINE < ?", Boolean.FALSE, today.toString());
        } else if (Boolean.FALSE.equals(q.overdue())) {
            where.and("(s.FINISHED = ? OR s.PAUSED_SINCE IS NOT NULL OR s.DEADLINE >= ?)", Boolean.TRUE, today.toString());
        }
        // Each word asked: the request has a word starting with it (RequestWords), looked up among its own tokens.
        for (String word : words(q)) {
            where.and("EXISTS (SELECT 1 FROM " + RequestWords.TOKENS + " w" + Jdbc.lookedUpBy("CD_REQUEST_TOKEN_PKEY")
                    + " WHERE w.REQ_NUMBER = s.REQ_NUMBER AND w.TOKEN = ?)", RequestWords.hashOf(texts, word));
        }
        return where;
    }

    /** Registrations from {@code start} (inclusive) to {@code end} (exclusive), in milliseconds since 1970. */
    record Registrations(long start, long end) {
        Duration length() {
            return Duration.ofMillis(end - start);
        }
    }

    /**
     * The registrations {@code q} is limited to, when it names a start (a period without an end ends {@code now}): the
     * requests it can match lie within them.
     */
    static Optional<Registrations> registrations(RequestQuery q, ZoneId zone, Instant now) {
        Optional<Long> start = Stream.of(q.from() == null ? null : startOf(q.from(), zone),
                q.registeredAfter()).filter(Objects::nonNull).map(Instant::toEpochMilli).max(Long::compare);
        long end = Stream.of(q.to() == null ? null : endOf(q.to(), zone),
                q.registeredBefore(), now).filter(Objects::nonNull).map(Instant::toEpochMilli).min(Long::compare).get();
        return start.map(from -> new Registrations(from, Math.max(from, end)));
    }

    /** Where the city's {@code day} starts. */
    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Where the city's {@code day} ends: the next one starts. */
    private static Instant endOf(LocalDate day, ZoneId zone) {
        return startOf(day.plusDays(1), zone);
    }

    /** The words {@code q} asks for. */
    static List<String> words(RequestQuery q) {
        return q.text() == null ? List.of() : RequestWords.sought(q.text());
    }

    private static void equal(SqlWhere where, String column, String value) {
        if (value != null) {
            where.and(column + " = ?", value);
        }
    }
}
