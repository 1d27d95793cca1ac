package org.civicdesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditStatistics.DailyReads;
import org.civicdesk.audit.api.AuditStatistics.SubjectReads;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SqlErrors;

/**
 * The reads of people's data summed per hour as the chain links them, for who read whose data (R18): per hour, reader
 * and action how many ({@code CD_AUDIT_READ_HOUR}), and per hour how often a reader read one subject with one action
 * for one purpose ({@code CD_AUDIT_READ_PAIR}; and per UTC day, {@code CD_AUDIT_READ_PAIR_DAY}). A month of a call
 * centre's reads is then a few rows per reader and hour, and its pairs per day, instead of every entry of the trail.
 * Derived data, kept with the highest seal summed ({@code CD_AUDIT_READ_SUMMED}): sealed entries are summed in the order
 * of the chain, each once, and a node that sums the same seals as another waits for it on that row and then finds them
 * summed. Hours are UTC epoch hours, so that any zone's days are whole hours; only staff members' entries that name
 * their subject are summed (as the statistics count).
 */
final class ReadSums {
    static final String SUMMED = "CD_AUDIT_READ_SUMMED";
    static final String HOURS = "CD_AUDIT_READ_HOUR";
    static final String PAIRS = "CD_AUDIT_READ_PAIR";
    /** The pairs summed per UTC day as well: a period's whole days are read from here, its other hours from {@link #PAIRS}. */
    static final String PAIR_DAYS = "CD_AUDIT_READ_PAIR_DAY";
    private static final long HOURS_A_DAY = 24;
    static final long HOUR_MS = 3_600_000L;
    /** Seals summed in one transaction. */
    static final int BATCH = 20_000;

    private final Jdbc jdbc;
    private final Set<String> actions;
    /** The actions as kept in CD_AUDIT_READ_SUMMED: sorted, comma separated. */
    private final String actionsKey;

    ReadSums(Jdbc jdbc, Set<String> actions) {
        this.jdbc = jdbc;
        this.actions = Collections.unmodifiableSet(new TreeSet<>(actions));
        this.actionsKey = String.join(",", this.actions);
    }

    /** The actions summed. */
    Set<String> actions() {
        return actions;
    }

    /**
     * Sums the sealed entries not summed yet, at most about {@code maxSeals} of them; whether every seal committed before
     * is summed now. When the actions summed were others, what was summed is dropped first and the chain summed anew.
     */
    synchronized boolean catchUp(int maxSeals) throws SQLException {
        for (int summed = 0; summed < maxSeals; summed += BATCH) {
            try {
                Boolean more = jdbc.inTransaction(this::sumBatch);
                if (Boolean.FALSE.equals(more)) {
                    return true;
                }
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    // Another node began summing at the same moment: it goes on, this one tries at its next turn.
                    return false;
                }
                throw e;
            }
        }
        return false;
    }

    /**
     * Sums the next {@link #BATCH} seals after the last summed one; whether there may be more, {@code null} when another
     * node summed them meanwhile.
     */
    private Boolean sumBatch(Connection c) throws SQLException {
        long from = summedUpTo(c);
        Map<List<Object>, Long> hours = new HashMap<>();
        Map<List<Object>, long[]> pairs = new HashMap<>();
        long highest = from;
        int read = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT s.SEQ, e.OCCURRED_MS, e.ACTOR, e.ACTION, e.SUBJECT_TYPE,"
                + " e.SUBJECT_ID, e.REMARKS FROM " + AuditTables.SEAL + " s JOIN " + AuditTables.ENTRY
                + " e ON e.ID = s.ENTRY_ID WHERE s.SEQ > ? AND s.SEQ <= ?")) {
            Jdbc.bind(select, from, from + BATCH);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    read++;
                    highest = Math.max(highest, rs.getLong(1));
                    long at = rs.getLong(2);
                    String actor = rs.getString(3);
                    String action = rs.getString(4);
                    String subjectId = rs.getString(6);
                    if (!actions.contains(action) || subjectId == null || actor.startsWith("system:")) {
                        continue;
                    }
                    long hour = Math.floorDiv(at, HOUR_MS);
                    hours.merge(List.of(hour, actor, action), 1L, Long::sum);
                    String purpose = why(rs.getString(7));
                    List<Object> pair = new ArrayList<>(List.of(hour, actor, action, subjectId));
                    pair.add(rs.getString(5));
                    pair.add(purpose);
                    long[] n = pairs.computeIfAbsent(pair, k -> new long[] {0, at, at});
                    n[0]++;
                    n[1] = Math.min(n[1], at);
                    n[2] = Math.max(n[2], at);
                }
            }
        }
        if (highest == from) {
            return false;
        }
        // The mark first: a node summing the same seals at once waits here for this transaction, then sees it moved.
        try (PreparedStatement mark = c.prepareStatement("UPDATE " + SUMMED + " SET SEQ = ? WHERE ID = 1 AND SEQ = ?")) {
            Jdbc.bind(mark, highest, from);
            if (mark.executeUpdate() != 1) {
                return null;
            }
        }
        addHours(c, hours);
        addPairs(c, PAIRS, "EPOCH_HOUR", pairs);
        Map<List<Object>, long[]> days = new HashMap<>();
        pairs.forEach((pair, n) -> {
            List<Object> day = new ArrayList<>(pair);
            day.set(0, Math.floorDiv((Long) pair.get(0), HOURS_A_DAY));
            days.merge(day, n.clone(), (a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1]), Math.max(a[2], b[2])});
        });
        addPairs(c, PAIR_DAYS, "EPOCH_DAY", days);
        return read == BATCH;
    }

    /** The last seal summed; when the actions summed were others (or none yet), none, with the sums dropped. */
    private long summedUpTo(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ACTIONS, SEQ FROM " + SUMMED + " WHERE ID = 1")) {
            if (rs.next()) {
                if (actionsKey.equals(rs.getString(1))) {
                    return rs.getLong(2);
                }
                s.executeUpdate("DELETE FROM " + HOURS);
                s.executeUpdate("DELETE FROM " + PAIRS);
                s.executeUpdate("DELETE FROM " + PAIR_DAYS);
                try (PreparedStatement reset = c.prepareStatement("UPDATE " + SUMMED + " SET ACTIONS = ?, SEQ = 0"
                        + " WHERE ID = 1")) {
                    Jdbc.bind(reset, actionsKey);
                    reset.executeUpdate();
                }
                return 0;
            }
        }
        try (PreparedStatement first = c.prepareStatement("INSERT INTO " + SUMMED + " (ID, ACTIONS, SEQ) VALUES (1, ?, 0)")) {
            Jdbc.bind(first, actionsKey);
            first.executeUpdate();
        }
        return 0;
    }

    private static void addHours(Connection c, Map<List<Object>, Long> hours) throws SQLException {
        try (PreparedStatement add = c.prepareStatement("UPDATE " + HOURS + " SET N = N + ? WHERE EPOCH_HOUR = ? AND ACTOR = ?"
                + " AND ACTION = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + HOURS + " (EPOCH_HOUR, ACTOR, ACTION, N)"
                        + " VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<List<Object>, Long> h : hours.entrySet()) {
                List<Object> k = h.getKey();
                Jdbc.bind(add, h.getValue(), k.get(0), k.get(1), k.get(2));
                if (add.executeUpdate() == 0) {
                    Jdbc.bind(insert, k.get(0), k.get(1), k.get(2), h.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Adds {@code pairs} (keyed by the hour or day in {@code period}, then reader, action, subject, kind, purpose). */
    private static void addPairs(Connection c, String table, String period, Map<List<Object>, long[]> pairs)
            throws SQLException {
        try (PreparedStatement add = c.prepareStatement("UPDATE " + table + " SET N = N + ?,"
                + " FIRST_MS = CASE WHEN FIRST_MS < CAST(? AS BIGINT) THEN FIRST_MS ELSE CAST(? AS BIGINT) END,"
                + " LAST_MS = CASE WHEN LAST_MS > CAST(? AS BIGINT) THEN LAST_MS ELSE CAST(? AS BIGINT) END"
                + " WHERE " + period + " = ? AND PAIR_KEY = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + period + ", PAIR_KEY, ACTOR,"
                        + " ACTION, SUBJECT_ID, SUBJECT_TYPE, PURPOSE, N, FIRST_MS, LAST_MS)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<List<Object>, long[]> p : pairs.entrySet()) {
                List<Object> k = p.getKey();
                long[] n = p.getValue();
                String key = pairKey(k);
                Jdbc.bind(add, n[0], n[1], n[1], n[2], n[2], k.get(0), key);
                if (add.executeUpdate() == 0) {
                    Jdbc.bind(insert, k.get(0), key, k.get(1), k.get(2), k.get(3), k.get(4), k.get(5), n[0], n[1], n[2]);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** A digest of reader, action, subject and purpose: the pair's key within its hour or day. */
    private static String pairKey(List<Object> pair) {
        StringBuilder text = new StringBuilder();
        for (Object part : pair.subList(1, pair.size())) {
            text.append(part == null ? "\u0001" : part.toString()).append('\u0000');
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Why a read happened: the purpose given, or else what its entry says (the contact it was part of). */
    static String why(String remarks) {
        String purpose = AuditEvent.purposeOf(remarks);
        return purpose != null ? purpose : remarks;
    }

    /** Reads per staff member and day of {@code zone} over the whole hours {@code [from, to)} of {@code asked}. */
    List<DailyReads> readsPerDay(Set<String> asked, Instant from, Instant to, ZoneId zone) {
        List<Object> p = new ArrayList<>(List.of(hour(from), hour(to)));
        p.addAll(new TreeSet<>(asked));
        Map<String, Map<LocalDate, Long>> perActor = new TreeMap<>();
        jdbc.query("reading the reads summed per hour", "SELECT EPOCH_HOUR, ACTOR, SUM(N) FROM " + HOURS
                + " WHERE EPOCH_HOUR >= ? AND EPOCH_HOUR < ? AND ACTION IN (" + marks(asked.size())
                + ") GROUP BY EPOCH_HOUR, ACTOR", rs -> perActor.computeIfAbsent(rs.getString(2), a -> new TreeMap<>())
                        .merge(LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1) * HOUR_MS), zone), rs.getLong(3),
                                Long::sum), 0, p.toArray());
        List<DailyReads> reads = new ArrayList<>();
        perActor.forEach((actor, days) -> days.forEach((day, n) -> reads.add(new DailyReads(actor, day, n))));
        return reads;
    }

    /** Who read whose data and why: what {@link #readsBySubject} sums by. */
    private record Pair(String actor, String subjectType, String subjectId, String purpose) {
    }

    /** How often a pair read, first and last. */
    private static final class PairReads {
        long reads;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
    }

    /** The most read first, then in the order of reader, kind, subject and purpose (as SQL orders them: a missing one last). */
    private static final Comparator<Map.Entry<Pair, PairReads>> MOST_READ_FIRST;

    static {
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Map.Entry<Pair, PairReads>> c = Comparator.comparingLong(e -> -e.getValue().reads);
        MOST_READ_FIRST = c.thenComparing(e -> e.getKey().actor(), text).thenComparing(e -> e.getKey().subjectType(), text)
                .thenComparing(e -> e.getKey().subjectId(), text).thenComparing(e -> e.getKey().purpose(), text);
    }

    /**
     * Reads per staff member, subject and purpose over the whole hours {@code [from, to)}, in {@link #MOST_READ_FIRST}
     * order, at most {@code limit}. Summed here rather than by a GROUP BY: Derby sorts a month's pairs at each question,
     * several times slower than a map; and only the {@code limit} first are kept and sorted, not every pair of a month.
     */
    List<SubjectReads> readsBySubject(Set<String> asked, Instant from, Instant to, int limit) {
        Map<Pair, PairReads> pairs = new HashMap<>();
        long firstHour = hour(from);
        long endHour = hour(to);
        long firstDay = Math.floorDiv(firstHour + HOURS_A_DAY - 1, HOURS_A_DAY);
        long endDay = Math.floorDiv(endHour, HOURS_A_DAY);
        if (firstDay < endDay) {
            addPairs(pairs, asked, PAIR_DAYS, "EPOCH_DAY", firstDay, endDay);
            addPairs(pairs, asked, PAIRS, "EPOCH_HOUR", firstHour, firstDay * HOURS_A_DAY);
            addPairs(pairs, asked, PAIRS, "EPOCH_HOUR", endDay * HOURS_A_DAY, endHour);
        } else {
            addPairs(pairs, asked, PAIRS, "EPOCH_HOUR", firstHour, endHour);
        }
        int keep = Math.max(1, limit);
        // The first `keep` in a heap whose head is the last of them: a pair read less than that one is passed over.
        PriorityQueue<Map.Entry<Pair, PairReads>> first = new PriorityQueue<>(keep + 1, MOST_READ_FIRST.reversed());
        for (Map.Entry<Pair, PairReads> e : pairs.entrySet()) {
            if (first.size() < keep) {
                first.add(e);
            } else if (MOST_READ_FIRST.compare(e, first.peek()) < 0) {
                first.poll();
                first.add(e);
            }
        }
        List<Map.Entry<Pair, PairReads>> kept = new ArrayList<>(first);
        kept.sort(MOST_READ_FIRST);
        return kept.stream().map(e -> new SubjectReads(e.getKey().actor(), e.getKey().subjectType(), e.getKey().subjectId(),
                e.getValue().reads, Instant.ofEpochMilli(e.getValue().first), Instant.ofEpochMilli(e.getValue().last),
                e.getKey().purpose())).toList();
    }

    /** Adds to {@code pairs} the pairs of {@code table} whose {@code period} is in {@code [from, to)}. */
    private void addPairs(Map<Pair, PairReads> pairs, Set<String> asked, String table, String period, long from, long to) {
        if (from >= to) {
            return;
        }
        List<Object> p = new ArrayList<>(List.of(from, to));
        p.addAll(new TreeSet<>(asked));
        jdbc.query("reading the reads summed per person", "SELECT ACTOR, SUBJECT_TYPE, SUBJECT_ID, PURPOSE, N, FIRST_MS,"
                + " LAST_MS FROM " + table + " WHERE " + period + " >= ? AND " + period + " < ? AND ACTION IN ("
                + marks(asked.size()) + ")", rs -> {
                    PairReads sum = pairs.computeIfAbsent(new Pair(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)), k -> new PairReads());
                    sum.reads += rs.getLong(5);
                    sum.first = Math.min(sum.first, rs.getLong(6));
                    sum.last = Math.max(sum.last, rs.getLong(7));
                    return null;
                }, 0, p.toArray());
    }

    /** Whether the sums answer for {@code asked} over {@code [from, to)}: actions summed, whole hours. */
    boolean cover(Set<String> asked, Instant from, Instant to) {
        return !asked.isEmpty() && actions.containsAll(asked) && from.toEpochMilli() % HOUR_MS == 0
                && to.toEpochMilli() % HOUR_MS == 0;
    }

    private static long hour(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), HOUR_MS);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
