package org.civicdesk.channel.phone.internal.queue;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.persistence.Jdbc;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A person's erasure takes their calls' numbers and their call-backs' numbers and notes; the call log stays whole. */
public class CallersErasureTest {
    private static final Set<String> HER_NUMBER = Set.of("0744555123", "+40744555123");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private CallLog callLog;
    private Callbacks callbacks;
    private Jdbc jdbc;
    private DeskCalls desks;

    @Before
    public void database() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(folder.getRoot().toPath().resolve("db").toString());
        derby.setCreateDatabase("create");
        callLog = new CallLog(derby);
        callbacks = new Callbacks(derby);
        jdbc = new Jdbc(derby);
        desks = new DeskCalls(derby);
    }

    @Test
    public void herNumbersAndNotesGoHerCallsStayAndSomeoneElsesAreUntouched() {
        // What operators' screens show: her call, a call someone else made, a call an operator matched to her.
        desks.put("ana", desk("from-her", "0744555123", null));
        desks.put("dan", desk("someone-else", "0230999888", null));
        desks.put("eva", desk("matched-to-her", "0230777666", "citizen-her"));
        callLog.started("from-her", "0744555123");
        callLog.started("identified-as-her", "0230111222");
        callLog.append("identified-as-her", CallLog.IDENTIFIED, "citizen-her");
        callLog.started("her-call-back", "+40744555123");
        callLog.started("someone-else", "0230999888");
        callLog.started("hidden", null);
        callLog.started("from-her", "0744555123"); // back in the robot: still one number
        String hers = callbacks.request("her-call-back", "+40744555123", null, "ro", Set.of("taxes"));
        String scheduled = callbacks.schedule("2026/000001", "0744555123", "citizen-her", "ro", Instant.now(),
                Instant.now().plusSeconds(3600), "Doamna Zamfira");
        String theirs = callbacks.request("someone-else", "0230999888", "citizen-other", "ro", Set.of());
        callbacks.done(scheduled, "operator", "reached");

        assertEquals(Map.of("from-her", "0744555123", "identified-as-her", "0230111222", "her-call-back", "+40744555123",
                "someone-else", "0230999888"), callers());

        callLog.forgetCallers("citizen-her", HER_NUMBER);
        callbacks.erase("citizen-her", HER_NUMBER);

        assertEquals(Map.of("someone-else", "0230999888"), callers());
        assertEquals(List.of(false, true, false), List.of(desks.get("ana").isPresent(), desks.get("dan").isPresent(),
                desks.get("eva").isPresent()));
        assertEquals(new Stored("", null, Callbacks.ERASED), stored(hers));
        assertEquals("made before the erasure", new Stored("", null, "reached"), stored(scheduled));
        assertEquals(new Stored("0230999888", null, null), stored(theirs));
        assertEquals("every call keeps its events", 6L, (long) jdbc.query("count", "SELECT COUNT(*) FROM " + CallLog.EVENTS
                + " WHERE KIND = ?", rs -> rs.getLong(1), 1, CallLog.STARTED).get(0));
        List<CallLog.CallRecord> calls = callLog.calls(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60),
                id -> false);
        assertEquals(5, calls.size());
        assertEquals("0230999888", calls.stream().filter(c -> c.callId().equals("someone-else")).findFirst().orElseThrow()
                .caller());
        assertNull(calls.stream().filter(c -> c.callId().equals("from-her")).findFirst().orElseThrow().caller());
    }

    private static DeskCall desk(String callId, String caller, String citizenId) {
        return new DeskCall(callId, "PJSIP/trunk-" + callId, caller, "ro", citizenId, citizenId != null, 1, "i-" + callId,
                Instant.now(), List.of());
    }

    private Map<String, String> callers() {
        return jdbc.query("read the callers", "SELECT CALL_ID, NUMBER FROM " + CallLog.CALLERS, rs -> Map.entry(
                rs.getString(1), rs.getString(2)), 0).stream().collect(Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue));
    }

    /** A call-back's number, note and how it ended, as stored. */
    private record Stored(String number, String note, String outcome) {
    }

    private Stored stored(String id) {
        return jdbc.query("read a call-back", "SELECT COALESCE(k.PHONE, r.PHONE), COALESCE(k.NOTE, r.NOTE), d.OUTCOME FROM "
                + Callbacks.REQUESTED + " r LEFT JOIN " + Callbacks.CONTACTS + " k ON k.ID = r.ID LEFT JOIN " + Callbacks.DONE
                + " d ON d.ID = r.ID WHERE r.ID = ?", rs -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)), 1,
                id).get(0);
    }
}
