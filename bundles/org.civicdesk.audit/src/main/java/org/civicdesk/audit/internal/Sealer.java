package org.civicdesk.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.persistence.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed entries into the keyed chain, a batch per transaction: the group commit of
 * the trail. Entries are numbered by the database when their change inserts them and may
 * commit out of that order, so each pass looks again a few seconds back for entries that
 * committed late; a sweep looks further back now and then, and a full one at verification.
 * An entry whose own MAC does not verify (written behind the application's back) is never
 * sealed, and verification reports it. Several nodes may seal: the chain's primary key makes
 * the one that loses a race read the head again.
 */
final class Sealer {
    static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);
    /** How long an entry may take between its insert and its commit and still be found by a pass. */
    private static final long LATE_COMMIT_MILLIS = 5_000;
    /** How far back the occasional sweep looks, and how often. */
    private static final long SWEEP_WINDOW_MILLIS = 15 * 60_000;
    private static final long SWEEP_EVERY_MILLIS = 5 * 60_000;

    private final DataSource dataSource;
    private final IntegrityKeys keys;
    private final Anchors anchors;
    /** Entries up to this id were looked at long enough ago to have committed. */
    private long scanFrom;
    private long lastSweepMillis;
    /** (time, highest entry id sealed by then), to move {@link #scanFrom} on. */
    private final Deque<long[]> history = new ArrayDeque<>();
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
        this.scanFrom = startingPoint();
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

    /**
     * Seals every committed entry not sealed yet (from the start of the trail when
     * {@code everything}), writes an anchor when the time has come, and returns the head.
     */
    synchronized Head seal(boolean everything, boolean anchorNow, long anchorEveryMillis) throws SQLException {
        long now = System.currentTimeMillis();
        long from = scanFrom;
        if (everything) {
            from = 0;
        } else if (now - lastSweepMillis >= SWEEP_EVERY_MILLIS) {
            from = sweepStart(now);
            lastSweepMillis = now;
        }
        Head head;
        long highest;
        while (true) {
            long[] sealed = new long[2];
            head = sealBatch(from, sealed);
            highest = Math.max(from, sealed[1]);
            if (sealed[0] < BATCH) {
                break;
            }
            from = highest;
        }
        long sealedUpTo = Math.max(highest, history.isEmpty() ? scanFrom : history.peekLast()[1]);
        history.addLast(new long[] {now, sealedUpTo});
        // The highest id sealed by a pass at least LATE_COMMIT_MILLIS ago: what lies below it has committed or never will.
        while (history.size() > 1 && secondOldest()[0] <= now - LATE_COMMIT_MILLIS) {
            history.removeFirst();
        }
        if (history.peekFirst()[0] <= now - LATE_COMMIT_MILLIS) {
            scanFrom = Math.max(scanFrom, history.peekFirst()[1]);
        }
        if (anchorNow || now - lastAnchorMillis >= anchorEveryMillis) {
            anchors.write(head.sequence(), head.mac(), now);
            lastAnchorMillis = now;
        }
        return head;
    }

    private long[] secondOldest() {
        var passes = history.iterator();
        passes.next();
        return passes.next();
    }

    private long sweepStart(long now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(ID) FROM " + AuditTables.ENTRY + " WHERE OCCURRED_MS >= ?")) {
            ps.setLong(1, now - SWEEP_WINDOW_MILLIS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? scanFrom : Math.min(scanFrom, id - 1);
            }
        }
    }

    /** One transaction: up to {@link #BATCH} entries after {@code from} sealed; sealed[0] = how many, [1] = highest id. */
    private Head sealBatch(long from, long[] sealed) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Head head = head(c);
                long sequence = head.sequence();
                String previous = head.mac();
                long now = System.currentTimeMillis();
                String keyId = keys.currentId();
                try (PreparedStatement select = c.prepareStatement("SELECT e.ID, " + Chain.ENTRY_COLUMNS + " FROM "
                        + AuditTables.ENTRY + " e WHERE e.ID > ? AND NOT EXISTS (SELECT 1 FROM "
                        + AuditTables.SEAL + " s WHERE s.ENTRY_ID = e.ID) ORDER BY e.ID");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO " + AuditTables.SEAL
                                + " (SEQ, ENTRY_ID, SEALED_MS, KEY_ID, PREVIOUS_MAC, CHAIN_MAC) VALUES (?, ?, ?, ?, ?, ?)")) {
                    select.setLong(1, from);
                    select.setMaxRows(BATCH);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            sealed[0]++;
                            sealed[1] = id;
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
