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
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * for one purpose ({@code CD_AUDIT_READ_PAIR}). A month of a call centre's reads is then a few rows per reader and hour,
 * and its pairs, instead of every entry of the trail. Derived data, kept with the highest seal summed
 * ({@code CD_AUDIT_READ_SUMMED}): sealed entries are summed in the order of the chain, each once, and a node that sums
 * the same seals as another waits for it on that row and then finds them summed. Hours are UTC epoch hours, so that any
 * zone's days are whole hours; only staff members' entries that name their subject are summed (as the statistics count).
 */
final class ReadSums {
    static final String SUMMED = "CD_AUDIT_READ_SUMMED";
    static final String HOURS = "CD_AUDIT_READ_HOUR";
    static final String PAIRS = "CD_AUDIT_READ_PAIR";
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
        addPairs(c, pairs);
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

    private static void addPairs(Connection c, Map<List<Object>, long[]> pairs) throws SQLException {
        try (PreparedStatement add = c.prepareStatement("UPDATE " + PAIRS + " SET N = N + ?,"
                + " FIRST_MS = CASE WHEN FIRST_MS < CAST(? AS BIGINT) THEN FIRST_MS ELSE CAST(? AS BIGINT) END,"
                + " LAST_MS = CASE WHEN LAST_MS > CAST(? AS BIGINT) THEN LAST_MS ELSE CAST(? AS BIGINT) END"
                + " WHERE EPOCH_HOUR = ? AND PAIR_KEY = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + PAIRS + " (EPOCH_HOUR, PAIR_KEY, ACTOR,"
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

    /** A digest of reader, action, subject and purpose: the pair's key within its hour. */
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

    /**
     * Reads per staff member, subject and purpose over the whole hours {@code [from, to)}, the most read first, then in
     * the order of reader, kind, subject and purpose (as SQL orders them: a missing one last). Summed here rather than by
     * a GROUP BY: Derby sorts a month's pairs at each question, several times slower than a map.
     */
    List<SubjectReads> readsBySubject(Set<String> asked, Instant from, Instant to, int limit) {
        List<Object> p = new ArrayList<>(List.of(hour(from), hour(to)));
        p.addAll(new TreeSet<>(asked));
        Map<List<String>, long[]> pairs = new HashMap<>();
        jdbc.query("reading the reads summed per person", "SELECT ACTOR, SUBJECT_TYPE, SUBJECT_ID, PURPOSE, N, FIRST_MS,"
                + " LAST_MS FROM " + PAIRS + " WHERE EPOCH_HOUR >= ? AND EPOCH_HOUR < ? AND ACTION IN ("
                + marks(asked.size()) + ")", rs -> {
                    long[] sum = pairs.computeIfAbsent(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)), k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                    sum[0] += rs.getLong(5);
                    sum[1] = Math.min(sum[1], rs.getLong(6));
                    sum[2] = Math.max(sum[2], rs.getLong(7));
                    return null;
                }, 0, p.toArray());
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Map.Entry<List<String>, long[]>> mostReadFirst = Comparator.comparingLong(e -> -e.getValue()[0]);
        for (int i = 0; i < 4; i++) {
            int part = i;
            mostReadFirst = mostReadFirst.thenComparing(e -> e.getKey().get(part), text);
        }
        return pairs.entrySet().stream().sorted(mostReadFirst).limit(Math.max(1, limit)).map(e -> new SubjectReads(
                e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()[0], Instant.ofEpochMilli(e.getValue()[1]),
                Instant.ofEpochMilli(e.getValue()[2]), e.getKey().get(3))).toList();
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
