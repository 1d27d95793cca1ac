package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The record's promises against someone who holds the database owner's password: each test
 * removes the database's guard as that person can, makes the edit and rebuilds what a plain hash
 * chain would need rebuilt — and CivicDesk still finds it, because the MACs need a key the
 * database never held and the chain's head is anchored outside it. One container, every attack in
 * it (they are not undone), each found by name in the same report.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntegrityIT extends CivicDeskTestSupport {

    @Override
    protected Option[] extra() {
        return new Option[] {
            editConfigurationFilePut("etc/org.civicdesk.audit.cfg", "anchorCopyDirectory", "${karaf.data}/../anchor-copy")};
    }

    @Test
    public void everyEditOfTheDatabaseOwnerIsFoundEvenWithTheHashesRecomputed() throws Exception {
        // A key rotated before: entries under both keys verify.
        String rotated = shell("civicdesk:integrity-rotate-key");
        assertTrue(rotated, rotated.contains("Integrity key k2 is now current"));
        get("operator", "/citizens?cnp=1800101350018&reason=caller%20asks");
        String number = post("operator", "/requests", CoreIT.pothole("1800101350018", "Groapă adâncă")).body()
                .get("number").asText();
        assertEquals(201, post("supervisor", "/requests/" + number + "/events",
                "{\"kind\":\"comment\",\"comment\":\"Echipa merge mâine\"}").status());
        String call = post("operator", "/interactions", "{\"channel\":\"desk\"}").body().get("id").asText();
        post("operator", "/interactions/" + call + "/close", "{\"outcome\":\"information_given\",\"remarks\":\"ok\"}");
        // Anchored here, the rebuilt chain no longer matches; anchored after the tail, the chain ends short of it.
        assertIntact();
        String last = null;
        for (int i = 0; i < 5; i++) {
            last = post("operator", "/requests", CoreIT.pothole("1800101350018", "Cerere " + i)).body().get("number").asText();
        }
        assertIntact();
        // Each verification anchors the head it saw, here and in the copy directory.
        Path copy = Path.of(System.getProperty("karaf.data"), "..", "anchor-copy", "anchors.log");
        Path local = Path.of(System.getProperty("karaf.data"), "civicdesk", "anchors", "anchors.log");
        assertEquals(Files.readString(local, StandardCharsets.US_ASCII), Files.readString(copy, StandardCharsets.US_ASCII));
        long head = count("SELECT MAX(SEQ) FROM CD_AUDIT_SEAL");
        List<String> anchors = Files.readAllLines(local);
        assertEquals(head, Long.parseLong(anchors.get(anchors.size() - 1).split("\t")[0]));

        // What the database's owner can do, each edit in the way that hides it from a plain hash chain.
        try (Connection c = dataSource().getConnection()) {
            for (String table : List.of("CD_AUDIT_ENTRY", "CD_AUDIT_SEAL", "CD_REQUEST_EVENT", "CD_REQUEST",
                    "CD_INTERACTION_EVENT")) {
                dropGuard(c, table);
            }
            alterAReaderAndRebuildTheChain(c);
            editHistoryInteractionAndState(c, number, call);
            removeTheTailAndForgeAnEntry(c, head);
        }

        JsonNode report = get("admin", "/audit/integrity").body();
        String problems = report.get("problems").toString();
        assertFalse(report.toString(), report.get("intact").asBoolean());
        // The reader changed, with every hash an attacker can compute computed again.
        assertTrue(problems, problems.contains("was altered after it was written"));
        assertTrue(problems, problems.contains("not made with the integrity key"));
        assertTrue(problems, problems.contains("the chain was rebuilt"));
        assertEquals("the first link rebuilt is the first broken", 1, report.get("firstBroken").asLong());
        // History, interaction and current state edited; an event slipped in.
        assertTrue(problems, problems.contains("record request:" + number + "#2 was altered"));
        assertTrue(problems, problems.contains("record request:" + number + "#1 was altered"));
        assertTrue(problems, problems.contains("record interaction:" + call + "#"));
        assertTrue(problems, problems.contains("the current state of request " + number + " does not follow from its history"));
        assertTrue(problems, problems.contains("record request:" + number + "#9 has no audit entry"));
        // The tail removed, an entry made up.
        assertTrue(problems, problems.contains("names entry " + head + " but the chain ends at " + (head - 3)
                + ": entries were removed") || problems.contains("no longer matches entry " + head));
        assertTrue(problems, problems.contains("was not written by CivicDesk (no valid MAC)"));
        assertTrue("the records whose entries went are found: " + problems,
                problems.contains("record request:" + last + "#1 has no audit entry"));
        assertFalse("no personal data in the report", problems.contains("Rezolvat") || problems.contains("Popescu"));

        String shell = shell("civicdesk:integrity-verify");
        assertTrue(shell, shell.contains("Integrity BROKEN at entry 1"));
        assertFalse(get("admin", "/audit/verify").body().get("intact").asBoolean());
    }

    /** The last citizen lookup's reader is changed, and the seal chain recomputed with a plain hash. */
    private static void alterAReaderAndRebuildTheChain(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            long id;
            try (ResultSet rs = s.executeQuery("SELECT MAX(ID) FROM CD_AUDIT_ENTRY WHERE ACTION = 'citizen.lookup'")) {
                rs.next();
                id = rs.getLong(1);
            }
            s.executeUpdate("UPDATE CD_AUDIT_ENTRY SET ACTOR = 'supervisor', ENTRY_MAC = '"
                    + sha256("supervisor|citizen.lookup") + "' WHERE ID = " + id);
            String previous = "0".repeat(64);
            List<long[]> seals = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT SEQ, ENTRY_ID FROM CD_AUDIT_SEAL ORDER BY SEQ")) {
                while (rs.next()) {
                    seals.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE CD_AUDIT_SEAL SET PREVIOUS_MAC = ?, CHAIN_MAC = ? WHERE SEQ = ?")) {
                for (long[] seal : seals) {
                    String mac = sha256(previous + seal[0] + seal[1]);
                    ps.setString(1, previous);
                    ps.setString(2, mac);
                    ps.setLong(3, seal[0]);
                    ps.executeUpdate();
                    previous = mac;
                }
            }
        }
    }

    private static void editHistoryInteractionAndState(Connection c, String number, String call) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE CD_REQUEST_EVENT SET COMMENT_TEXT = 'Rezolvat' WHERE REQUEST_NUMBER = '" + number
                    + "' AND EVENT_SEQ = 2");
            s.executeUpdate("UPDATE CD_REQUEST SET DESCRIPTION = 'Nimic' WHERE REQ_NUMBER = '" + number + "'");
            s.executeUpdate("UPDATE CD_INTERACTION_EVENT SET REMARKS = 'altceva' WHERE INTERACTION_ID = '" + call + "'");
            // The current state is not history: it can be updated, and must follow from the history.
            s.executeUpdate("UPDATE CD_REQUEST_STATE SET STATUS = 'resolved' WHERE REQ_NUMBER = '" + number + "'");
            // An event slipped in without the application: no audit entry vouches for it.
            s.executeUpdate("INSERT INTO CD_REQUEST_EVENT (ID, REQUEST_NUMBER, EVENT_SEQ, OCCURRED_MS, KIND, ACTOR, STATUS) "
                    + "VALUES ('" + number + "#9', '" + number + "', 9, 0, 'COMMENTED', 'admin', 'registered')");
        }
    }

    /** The last entries disappear, seals and all, and an entry is made up. */
    private static void removeTheTailAndForgeAnEntry(Connection c, long head) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM CD_AUDIT_ENTRY WHERE ID IN (SELECT ENTRY_ID FROM CD_AUDIT_SEAL WHERE SEQ > " + (head - 3) + ")");
            s.executeUpdate("DELETE FROM CD_AUDIT_SEAL WHERE SEQ > " + (head - 3));
            s.executeUpdate("INSERT INTO CD_AUDIT_ENTRY (OCCURRED_MS, ACTOR, ACTION, KEY_ID, ENTRY_MAC) VALUES (0, 'admin', "
                    + "'citizen.read', 'k1', '" + sha256("forged") + "')");
        }
    }

    private void assertIntact() throws Exception {
        JsonNode report = get("admin", "/audit/integrity").body();
        assertTrue(report.toString(), report.get("intact").asBoolean());
        assertTrue(report.toString(), report.get("entriesChecked").asLong() > 0);
        assertTrue(report.toString(), report.get("anchorsChecked").asLong() > 0);
    }

    /** What the database's owner can do: remove the append-only triggers. */
    private static void dropGuard(Connection c, String table) throws Exception {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("DROP TRIGGER " + table.toLowerCase() + "_append_only ON " + table.toLowerCase());
            } else {
                s.execute("DROP TRIGGER " + table + "_NO_UPDATE");
                s.execute("DROP TRIGGER " + table + "_NO_DELETE");
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
