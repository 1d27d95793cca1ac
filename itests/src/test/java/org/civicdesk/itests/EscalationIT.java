package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.itests.clock.TestClock;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deadlines are chased (R7), with the city's clock moved by a test clock ({@link TestClock}, from the module's plug-in
 * bundle) instead of waiting for weeks: the escalation job runs every second here, and each step's day is checked
 * exactly, over Christmas and New Year's holidays. Complaints have a 10 working-day deadline in this container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EscalationIT extends CivicDeskTestSupport {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static boolean clockInstalled;

    @Override
    protected Option[] extra() {
        return new Option[] {
            editConfigurationFilePut("etc/org.civicdesk.escalation.cfg", "intervalSeconds", "1"),
            editConfigurationFilePut("etc/org.civicdesk.request.type-complaint.cfg", "slaDays", "10")};
    }

    @Before
    public void clock() throws Exception {
        if (!clockInstalled) {
            installPluginBundle().start();
            clockInstalled = true;
        }
    }

    /**
     * A complaint filed on Friday 11 December (deadline Monday 28 December, Christmas skipped): the assignee is warned
     * on Tuesday 22 December (7 of 10 working days gone), the supervisors of REG on Tuesday 29 (priority high, in the
     * overdue list), the admin at level 2 on Wednesday 6 January 2027 (five working days later: 1, 2 January are
     * holidays; priority urgent). A second complaint waits for the citizen from 21 December to 4 January: it is not
     * chased meanwhile, and its deadline moves by the 8 working days it waited.
     */
    @Test
    public void aComplaintIsWarnedThenEscalatedTwiceOnExactDaysAndAWaitMovesTheDeadline() throws Exception {
        setClock("2026-12-11T08:00:00Z");
        String chased = file("Zgomot de la șantier, noaptea");
        String waiting = file("Gunoi nestrâns de o lună");
        JsonNode filed = get("raluca", "/requests/" + chased).body();
        assertEquals("2026-12-28", filed.get("deadline").asText());
        assertEquals("normal", filed.get("priority").asText());
        for (String number : List.of(chased, waiting)) {
            assertEquals(201, post("raluca", "/requests/" + number + "/events", "{\"kind\":\"assign\",\"assignee\":\"ion\"}")
                    .status());
        }
        assertEquals(201, post("ion", "/requests/" + waiting + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());

        setClock("2026-12-21T08:00:00Z");
        assertEquals(201, post("ion", "/requests/" + waiting + "/events",
                "{\"kind\":\"status\",\"status\":\"waiting_for_citizen\",\"comment\":\"Trimiteți fotografii.\"}").status());
        letTheJobRun();
        assertEquals("nothing is due before 22 December", List.of(), escalations(chased));

        setClock("2026-12-22T08:00:00Z");
        assertEquals(List.of("0@2026-12-22"), awaitEscalations(chased, 1));
        assertTrue(awaitNotification("ion", chased, "deadline"));

        setClock("2026-12-28T08:00:00Z");
        letTheJobRun();
        assertEquals("the deadline day itself is not late", 1, escalations(chased).size());
        assertFalse(get("raluca", "/requests/" + chased).body().get("overdue").asBoolean());

        setClock("2026-12-29T08:00:00Z");
        assertEquals(List.of("0@2026-12-22", "1@2026-12-29"), awaitEscalations(chased, 2));
        JsonNode late = get("raluca", "/requests/" + chased).body();
        assertTrue(late.get("overdue").asBoolean());
        assertEquals("high", late.get("priority").asText());
        assertEquals(1, late.get("escalation").asInt());
        assertTrue(awaitNotification("raluca", chased, "overdue"));
        assertTrue("in the supervisor's overdue list", numbers(get("raluca", "/requests?overdue=true&limit=500").body())
                .contains(chased));
        JsonNode paused = get("raluca", "/requests/" + waiting).body();
        assertFalse("waiting for the citizen is not late", paused.get("overdue").asBoolean());
        assertEquals(List.of(), escalations(waiting));
        assertFalse(numbers(get("raluca", "/requests?overdue=true&limit=500").body()).contains(waiting));

        setClock("2027-01-04T08:00:00Z");
        assertEquals(201, post("ion", "/requests/" + waiting + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());
        // Waited 21–24, 28–31 December: 8 working days; 28 December + 8: 29, 30, 31, 4, 5, 8, 11, 12 January.
        JsonNode resumed = get("raluca", "/requests/" + waiting).body();
        assertEquals("2027-01-12", resumed.get("deadline").asText());
        JsonNode moved = last(resumed.get("history"));
        assertEquals("deadline_moved", moved.get("kind").asText());
        assertEquals("2027-01-12", moved.get("deadline").asText());

        setClock("2027-01-05T08:00:00Z");
        // Its warning: 3 working days before 12 January.
        assertEquals(List.of("0@2027-01-05"), awaitEscalations(waiting, 1));
        assertEquals("level 2 waits for 6 January", 2, escalations(chased).size());

        setClock("2027-01-06T08:00:00Z");
        assertEquals(List.of("0@2026-12-22", "1@2026-12-29", "2@2027-01-06"), awaitEscalations(chased, 3));
        assertEquals("urgent", get("raluca", "/requests/" + chased).body().get("priority").asText());
        assertTrue(awaitNotification("admin", chased, "escalation"));

        // Once resolved, nothing more is chased, and the request leaves the overdue list.
        assertEquals(201, post("ion", "/requests/" + chased + "/events", "{\"kind\":\"status\",\"status\":\"in_progress\"}")
                .status());
        assertEquals(201, post("ion", "/requests/" + chased + "/events", "{\"kind\":\"status\",\"status\":\"resolved\"}")
                .status());
        assertFalse(numbers(get("raluca", "/requests?overdue=true&limit=500").body()).contains(chased));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_REQUEST_STATE WHERE REQ_NUMBER = '" + chased
                + "' AND NEXT_STEP IS NULL"));
        JsonNode integrity = get("admin", "/audit/integrity").body();
        assertTrue("the history stays verifiable: " + integrity, integrity.get("intact").asBoolean());
    }

    /**
     * A letter the front desk registers weeks after it arrived: its deadline counts from the day it was received, so it
     * can be overdue at once (and escalate at once); the day must be real, not in the future, at most a year back, and
     * only on the desk channel — a refused one stores nothing.
     */
    @Test
    public void aLetterRegisteredLateCountsFromTheDayItArrived() throws Exception {
        setClock("2026-12-11T08:00:00Z");
        long before = count("SELECT COUNT(*) FROM CD_REQUEST");
        for (String refused : List.of(letter("phone", "2026-12-01"), letter("desk", "2026-12-12"), letter("desk", "2025-12-10"),
                letter("desk", "2026-02-30"))) {
            Reply reply = post("operator", "/requests", refused);
            assertEquals(reply.raw(), 422, reply.status());
            assertTrue(reply.raw(), reply.body().path("errors").has("receivedAt"));
        }
        assertEquals("nothing stored for a refused letter", before, count("SELECT COUNT(*) FROM CD_REQUEST"));

        // Received Monday 9 November: 10 working days end on Monday 23 November.
        Reply filed = post("operator", "/requests", letter("desk", "2026-11-09"));
        assertEquals(filed.raw(), 201, filed.status());
        String number = filed.body().get("number").asText();
        assertEquals("2026-11-09", filed.body().get("receivedAt").asText());
        assertEquals("2026-11-23", filed.body().get("deadline").asText());
        assertTrue(filed.body().get("overdue").asBoolean());
        // Overdue since 24 November; 5 working days past it by 2 December (30 November and 1 December are holidays):
        // both levels at once, no warning.
        assertEquals(List.of("1@2026-12-11", "2@2026-12-11"), awaitEscalations(number, 2));
        assertEquals("urgent", get("raluca", "/requests/" + number).body().get("priority").asText());
        // An admin checks now, as after changing the holidays: what was done is not done again.
        String checked = shell("civicdesk:deadlines-check");
        assertTrue(checked, checked.contains("0 escalation steps taken"));
        assertEquals(List.of("1@2026-12-11", "2@2026-12-11"), escalations(number));
    }

    private static String letter(String channel, String receivedAt) {
        return "{\"type\":\"complaint\",\"channel\":\"" + channel + "\",\"receivedAt\":\"" + receivedAt + "\","
                + "\"citizen\":{\"cnp\":\"2820315350028\",\"firstName\":\"Maria\",\"lastName\":\"Popescu\"},"
                + "\"description\":\"Scrisoare: reclamație privind iluminatul\"}";
    }

    private String file(String description) throws Exception {
        Reply filed = post("operator", "/requests", "{\"type\":\"complaint\",\"channel\":\"phone\",\"citizen\":{\"cnp\":"
                + "\"1800101350018\",\"firstName\":\"Ion\",\"lastName\":\"Popescu\"},\"description\":\"" + description + "\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return filed.body().get("number").asText();
    }

    /** The escalation steps of a request as {@code level@day} (the city's day of the event), oldest first. */
    private List<String> escalations(String number) throws Exception {
        List<String> steps = new ArrayList<>();
        for (JsonNode e : get("admin", "/requests/" + number).body().get("history")) {
            if ("escalated".equals(e.get("kind").asText())) {
                steps.add(e.get("level").asInt() + "@" + LocalDate.ofInstant(Instant.parse(e.get("time").asText()), CITY));
            }
        }
        return steps;
    }

    private List<String> awaitEscalations(String number, int count) throws Exception {
        return await(() -> escalations(number), steps -> steps.size() >= count, "escalations of " + number);
    }

    /** Whether {@code user}'s own notifications get one about the request with this template. */
    private boolean awaitNotification(String user, String number, String template) throws Exception {
        return !await(() -> {
            List<String> found = new ArrayList<>();
            for (JsonNode n : get(user, "/notifications?limit=200").body()) {
                if (number.equals(n.get("requestNumber").asText()) && template.equals(n.get("template").asText())) {
                    found.add(n.get("id").asText());
                }
            }
            return found;
        }, found -> !found.isEmpty(), template + " notification of " + number + " for " + user).isEmpty();
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(r -> numbers.add(r.get("number").asText()));
        return numbers;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T await(Read<T> read, Predicate<T> done, String what) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        T last = read.get();
        while (!done.test(last)) {
            if (System.currentTimeMillis() > until) {
                fail("waited in vain for " + what + ": " + last);
            }
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    /** Several runs of the escalation job (every second here), for what must not happen. */
    private static void letTheJobRun() throws InterruptedException {
        Thread.sleep(3_000);
    }

    /** Moves the city's clock to {@code instant}, and waits until the clock CivicDesk uses shows it. */
    private void setClock(String instant) throws Exception {
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration config = admin.getConfiguration(TestClock.PID, null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("now", instant);
        config.update(properties);
        Instant target = Instant.parse(instant);
        await(() -> {
            ServiceReference<CityClock> best = bundleContext.getServiceReference(CityClock.class);
            return best == null ? null : bundleContext.getService(best).now();
        }, now -> now != null && Math.abs(now.toEpochMilli() - target.toEpochMilli()) < 60_000, "the clock at " + instant);
        // The registry and the job take the new clock as it comes (a dynamic reference), in the event's thread.
        Thread.sleep(300);
    }
}
