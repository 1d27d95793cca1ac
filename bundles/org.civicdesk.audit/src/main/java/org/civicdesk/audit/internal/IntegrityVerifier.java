package org.civicdesk.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.civicdesk.audit.api.IntegrityReport;
import org.civicdesk.audit.api.RecordSource;

/**
 * Checks what the trail vouches for, as an auditor would who trusts only the key: the sealed
 * chain link by link, each entry against its own MAC, the anchors kept outside the database
 * against the chain, every record an entry names against the database (both ways: a record
 * gone or altered, a record no entry names), and what the record sources derive.
 */
final class IntegrityVerifier {
    static final int MAX_PROBLEMS = 100;
    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final IntegrityKeys keys;
    private final Anchors anchors;
    private final Map<String, RecordSource> sources;

    /** Of each kind of problem, how many are listed at most. */
    static final int MAX_OF_A_KIND = 10;

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> ofAKind = new HashMap<>();
    private final Map<String, Integer> omitted = new LinkedHashMap<>();
    private long firstBroken = -1;
    private long entries;
    private long records;

    IntegrityVerifier(DataSource dataSource, IntegrityKeys keys, Anchors anchors, Collection<RecordSource> sources) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.anchors = anchors;
        this.sources = sources.stream().collect(Collectors.toMap(RecordSource::kind, s -> s, (a, b) -> a));
    }

    IntegrityReport verify() throws SQLException {
        long anchorsChecked;
        try (Connection c = dataSource.getConnection()) {
            long chainEnd = walkChain(c);
            unsealedEntries(c);
            anchorsChecked = checkAnchors(c, chainEnd);
            recordsWithoutEntry(c);
        }
        for (RecordSource source : sources.values()) {
            source.inconsistencies(MAX_PROBLEMS).forEach(p -> problem(-1, p));
        }
        omitted.forEach((kind, count) -> problems.add(count + " more like: " + kind));
        return new IntegrityReport(problems.isEmpty(), entries, records, anchorsChecked, firstBroken, problems);
    }

    /**
     * A problem found. Problems of one kind (the same words but for their numbers) are listed up to
     * {@link #MAX_OF_A_KIND}, then counted: a chain rebuilt from its first link must not hide an altered entry.
     */
    private void problem(long sequence, String text) {
        if (firstBroken < 0 && sequence > 0) {
            firstBroken = sequence;
        }
        String kind = text.replaceAll("[0-9]+", "#");
        if (ofAKind.merge(kind, 1, Integer::sum) <= MAX_OF_A_KIND && problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else {
            omitted.merge(kind, 1, Integer::sum);
        }
    }

    /** Reads the chain in order; returns its last sequence. */
    private long walkChain(Connection c) throws SQLException {
        long expected = 1;
        String previous = Chain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.SEQ, s.ENTRY_ID, s.SEALED_MS, s.KEY_ID, "
                + "s.PREVIOUS_MAC, s.CHAIN_MAC, e.ID, " + Chain.ENTRY_COLUMNS + " FROM "
                + AuditTables.SEAL + " s LEFT JOIN " + AuditTables.ENTRY + " e ON e.ID = s.ENTRY_ID WHERE s.SEQ >= ? "
                + "ORDER BY s.SEQ")) {
            ps.setMaxRows(BATCH);
            while (true) {
                ps.setLong(1, expected);
                Map<String, long[]> refs = new LinkedHashMap<>();
                Map<String, String> digests = new LinkedHashMap<>();
                int read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        entries++;
                        long sequence = rs.getLong(1);
                        if (sequence != expected) {
                            problem(expected, "entry " + expected + " is missing from the chain (the next is "
                                    + sequence + ")");
                        }
                        String chainMac = rs.getString(6);
                        if (!rs.getString(5).equals(previous)) {
                            problem(sequence, "entry " + sequence + " does not link to the entry before it");
                        }
                        String keyId = rs.getString(4);
                        long entryId = rs.getLong(2);
                        String entryMac = rs.getString(18);
                        if (rs.getObject(7) == null) {
                            problem(sequence, "entry " + sequence + " (audit entry " + entryId + ") was removed");
                        } else if (!Chain.entryMacValid(keys, rs, 8)) {
                            problem(sequence, "entry " + sequence + " was altered after it was written");
                        } else if (rs.getString(15) != null) {
                            refs.put(rs.getString(15), new long[] {sequence});
                            digests.put(rs.getString(15), rs.getString(16));
                        }
                        if (!keys.knows(keyId) || !keys.mac(keyId, Chain.linkText(sequence, entryId, entryMac,
                                rs.getString(5), rs.getLong(3), keyId)).equals(chainMac)) {
                            problem(sequence, "entry " + sequence + "'s link in the chain was not made with the "
                                    + "integrity key (the chain was altered or rebuilt)");
                        }
                        previous = chainMac;
                        expected = sequence + 1;
                    }
                }
                checkRecords(refs, digests);
                if (read < BATCH) {
                    return expected - 1;
                }
            }
        }
    }

    /** The records a batch of entries names, recomputed by their sources. */
    private void checkRecords(Map<String, long[]> refs, Map<String, String> digests) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String ref : refs.keySet()) {
            byKind.computeIfAbsent(ref.substring(0, Math.max(0, ref.indexOf(':'))), k -> new ArrayList<>()).add(ref);
        }
        byKind.forEach((kind, kindRefs) -> {
            RecordSource source = sources.get(kind);
            if (source == null) {
                return;
            }
            Map<String, String> found = source.digests(kindRefs);
            for (String ref : kindRefs) {
                records++;
                long sequence = refs.get(ref)[0];
                String now = found.get(ref);
                if (now == null) {
                    problem(sequence, "record " + ref + " (entry " + sequence + ") is gone");
                } else if (!now.equals(digests.get(ref))) {
                    problem(sequence, "record " + ref + " was altered after entry " + sequence + " vouched for it");
                }
            }
        });
    }

    /** Entries the sealer refused: they carry no valid MAC, so CivicDesk did not write them. */
    private void unsealedEntries(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT e.ID, " + Chain.ENTRY_COLUMNS
                + " FROM " + AuditTables.ENTRY + " e WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + AuditTables.SEAL + " s WHERE s.ENTRY_ID = e.ID)")) {
            while (rs.next()) {
                if (!Chain.entryMacValid(keys, rs, 2)) {
                    problem(-1, "audit entry " + rs.getLong(1) + " was not written by CivicDesk (no valid MAC)");
                }
            }
        }
    }

    private long checkAnchors(Connection c, long chainEnd) throws SQLException {
        List<String> unreadable = new ArrayList<>();
        List<Anchors.Anchor> all = anchors.readAll(unreadable);
        unreadable.forEach(p -> problem(-1, p));
        try (PreparedStatement ps = c.prepareStatement("SELECT CHAIN_MAC FROM " + AuditTables.SEAL + " WHERE SEQ = ?")) {
            for (Anchors.Anchor a : all) {
                String when = Instant.ofEpochMilli(a.timeMillis()) + " (" + a.source() + ")";
                if (!anchors.signed(a)) {
                    problem(-1, "the anchor of " + when + " is not signed with the integrity key");
                    continue;
                }
                ps.setLong(1, a.sequence());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        problem(a.sequence(), "the anchor of " + when + " names entry " + a.sequence()
                                + " but the chain ends at " + chainEnd + ": entries were removed");
                    } else if (!rs.getString(1).equals(a.headMac())) {
                        problem(a.sequence(), "the anchor of " + when + " no longer matches entry " + a.sequence()
                                + ": the chain was rebuilt");
                    }
                }
            }
        }
        return all.size();
    }

    /** Records that no audit entry vouches for: written behind the application's back. */
    private void recordsWithoutEntry(Connection c) throws SQLException {
        for (RecordSource source : sources.values()) {
            String after = null;
            while (true) {
                List<String> page = source.refs(after, BATCH);
                if (page.isEmpty()) {
                    break;
                }
                Set<String> vouched = new HashSet<>();
                String marks = page.stream().map(r -> "?").collect(Collectors.joining(", "));
                try (PreparedStatement ps = c.prepareStatement("SELECT RECORD_REF FROM " + AuditTables.ENTRY
                        + " WHERE RECORD_REF IN (" + marks + ")")) {
                    for (int i = 0; i < page.size(); i++) {
                        ps.setString(i + 1, page.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            vouched.add(rs.getString(1));
                        }
                    }
                }
                for (String ref : page) {
                    if (!vouched.contains(ref)) {
                        problem(-1, "record " + ref + " has no audit entry: it was written behind the application's back");
                    }
                }
                after = page.get(page.size() - 1);
            }
        }
    }
}
