package org.civicdesk.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.civicdesk.persistence.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed entries into the keyed chain, a batch per transaction: the group commit of
 * the trail. Entries are numbered by the database when their change inserts them and may
 * commit out of that order: a pass reads the entries above the highest it has seen, and the ids
 * it passed over below that (an insert not committed yet) again for a few seconds, so that
 * sealing costs what is new, not a window of what is sealed already; a sweep looks further back
 * now and then, and a full one at verification. An entry whose own MAC does not verify (written
 * behind the application's back) is never sealed, and verification reports it. Several nodes
 * may seal: the chain's primary key makes the one that loses a race read the head again.
 */
final class Sealer {
    static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);
    /** How long an entry may take between its insert and its commit and still be found by a pass. */
    private static final long LATE_COMMIT_MILLIS = 5_000;
    /** How far back the occasional sweep looks, and how often. */
    private static final long SWEEP_WINDOW_MILLIS = 15 * 60_000;
    private static final long SWEEP_EVERY_MILLIS = 5 * 60_000;
    /** A jump of ids larger than this is not an entry in flight (another node sealed them, or ids were skipped). */
    private static final int MAX_GAP = 1_000;
    /** Ids of passed-over entries read at once. */
    private static final int GAPS_PER_QUERY = 100;

    private final DataSource dataSource;
    private final IntegrityKeys keys;
    private final Anchors anchors;
    /** Where the first pass starts: a sweep window before the last seal. */
    private final long startFrom;
    private boolean firstPassDone;
    /** The highest entry id read by a pass: new entries lie above it. */
    private long highestSeen;
    /** Ids passed over below {@link #highestSeen}, each with when: inserts that may still commit. */
    private final NavigableMap<Long, Long> passedOver = new TreeMap<>();
    private long lastSweepMillis;
    private final Set<Long> refused = new HashSet<>();
    private long lastAnchorMillis;

    record Head(long sequence, String mac) {
    }

    Anchors anchors() {
        return anchors;
    }

    Sealer(DataSource dataSource, IntegrityKeys keys, Anchors anchors) throws SQLException {
        this.dataSource = dataSource;
        this.keys = keys;
        this.anchors = anchors;
        this.startFrom = startingPoint();
        this.highestSeen = highestSealed();
        this.lastSweepMillis = System.currentTimeMillis();
    }

    /** Where the first pass starts: a sweep window before the last seal (entries of a crash before it are found). */
    private long startingPoint() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT MAX(SEALED_MS) FROM " + AuditTables.SEAL)) {
                rs.next();
                long lastSeal = rs.getLong(1);
                if (rs.wasNull()) {
                    return 0;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT MIN(ID) FROM " + AuditTables.ENTRY + " WHERE OCCURRED_MS >= ?")) {
                    ps.setLong(1, lastSeal - SWEEP_WINDOW_MILLIS);
                    try (ResultSet min = ps.executeQuery()) {
                        min.next();
                        long id = min.getLong(1);
                        return min.wasNull() ? 0 : id - 1;
                    }
                }
            }
        }
    }

    /** The highest entry id in the chain: ids above it not read yet are new. */
    private long highestSealed() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(ENTRY_ID) FROM " + AuditTables.SEAL)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Seals every committed entry not sealed yet (from the start of the trail when
     * {@code everything}), writes an anchor when the time has come, and returns the head.
     */
    synchronized Head seal(boolean everything, boolean anchorNow, long anchorEveryMillis) throws SQLException {
        long now = System.currentTimeMillis();
        // Inserts still not committed after this long are left to the next sweep.
        passedOver.values().removeIf(seenAt -> seenAt <= now - LATE_COMMIT_MILLIS);
        long from = highestSeen;
        if (everything) {
            from = 0;
        } else if (!firstPassDone) {
            from = Math.min(startFrom, highestSeen);
        } else if (now - lastSweepMillis >= SWEEP_EVERY_MILLIS) {
            from = sweepStart(now);
            lastSweepMillis = now;
        }
        firstPassDone = true;
        Head head = null;
        if (from >= highestSeen) {
            // A narrow pass: first the passed-over ids, those committed since are sealed now.
            List<Long> waiting = new ArrayList<>(passedOver.keySet());
            for (int i = 0; i < waiting.size(); i += GAPS_PER_QUERY) {
                List<Long> ids = waiting.subList(i, Math.min(i + GAPS_PER_QUERY, waiting.size()));
                List<Long> found = new ArrayList<>();
                head = sealBatch("e.ID IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids, now,
                        new long[2], found);
                found.forEach(passedOver::remove);
            }
        }
        while (true) {
            long[] sealed = new long[2];
            List<Long> found = new ArrayList<>();
            head = sealBatch("e.ID > ?", List.of(from), now, sealed, found);
            // What a pass skips above what was read before may be an insert not committed yet.
            long previous = from;
            for (long id : found) {
                if (id > highestSeen && id - previous <= MAX_GAP) {
                    for (long skipped = Math.max(previous, highestSeen) + 1; skipped < id; skipped++) {
                        passedOver.putIfAbsent(skipped, now);
                    }
                }
                previous = id;
            }
            highestSeen = Math.max(highestSeen, sealed[1]);
            if (sealed[0] < BATCH) {
                break;
            }
            from = sealed[1];
        }
        if (anchorNow || now - lastAnchorMillis >= anchorEveryMillis) {
            anchors.write(head.sequence(), head.mac(), now);
            lastAnchorMillis = now;
        }
        return head;
    }

    private long sweepStart(long now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(ID) FROM " + AuditTables.ENTRY + " WHERE OCCURRED_MS >= ?")) {
            ps.setLong(1, now - SWEEP_WINDOW_MILLIS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? highestSeen : Math.min(highestSeen, id - 1);
            }
        }
    }

    /**
     * Seals, in one transaction, at most {@link #BATCH} entries not sealed yet that {@code condition} picks (with its
     * {@code parameters}), in id order; {@code sealed} gets how many were read and the highest id, {@code found} every
     * id read (refused ones included).
     */
    private Head sealBatch(String condition, List<Long> parameters, long now, long[] sealed, List<Long> found)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Head head = head(c);
                long sequence = head.sequence();
                String previous = head.mac();
                String keyId = keys.currentId();
                try (PreparedStatement select = c.prepareStatement("SELECT e.ID, " + Chain.ENTRY_COLUMNS + " FROM "
                        + AuditTables.ENTRY + " e WHERE " + condition + " AND NOT EXISTS (SELECT 1 FROM "
                        + AuditTables.SEAL + " s WHERE s.ENTRY_ID = e.ID) ORDER BY e.ID");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO " + AuditTables.SEAL
                                + " (SEQ, ENTRY_ID, SEALED_MS, KEY_ID, PREVIOUS_MAC, CHAIN_MAC) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < parameters.size(); i++) {
                        select.setLong(i + 1, parameters.get(i));
                    }
                    select.setMaxRows(BATCH);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            sealed[0]++;
                            sealed[1] = id;
                            found.add(id);
                            String entryMac = rs.getString(12);
                            if (!Chain.entryMacValid(keys, rs, 2)) {
                                if (refused.add(id)) {
                                    LOG.error("Audit entry {} does not carry a valid MAC: it was not written by CivicDesk "
                                            + "and is not sealed (see civicdesk:integrity-verify)", id);
                                }
                                continue;
                            }
                            sequence++;
                            String mac = keys.mac(keyId, Chain.linkText(sequence, id, entryMac, previous, now, keyId));
                            insert.setLong(1, sequence);
                            insert.setLong(2, id);
                            insert.setLong(3, now);
                            insert.setString(4, keyId);
                            insert.setString(5, previous);
                            insert.setString(6, mac);
                            insert.addBatch();
                            previous = mac;
                        }
                    }
                    if (sequence > head.sequence()) {
                        insert.executeBatch();
                    }
                }
                c.commit();
                return new Head(sequence, previous);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (SqlErrors.isUniqueViolation(e)) {
                    // Another node sealed these first; the next pass starts from its head.
                    sealed[0] = 0;
                    sealed[1] = 0;
                    found.clear();
                    return head(c);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The chain's last seal, read under the transaction of the caller. */
    static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SEQ, CHAIN_MAC FROM " + AuditTables.SEAL
                        + " WHERE SEQ = (SELECT MAX(SEQ) FROM " + AuditTables.SEAL + ")")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, Chain.GENESIS);
        }
    }
}
