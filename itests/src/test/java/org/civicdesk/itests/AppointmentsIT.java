package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Appointments at the counters (feature {@code civicdesk-appointments}, R8) over the REST API, with the city's clock
 * set by a test clock to Monday 21 December 2026, 08:00 in Suceava: Christmas (Friday 25) is a public holiday of the
 * registry's calendar, 26 and 27 a weekend. A slot of ten places booked by fifty callers at once holds ten; a cancelled
 * place is free again; a move and a check-in; no slots on holidays and weekends; bad input refused with nothing stored;
 * the appointment in the 360° view; the reminder the day before in a real mailbox (GreenMail).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppointmentsIT extends CivicDeskTestSupport {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final String ION = "1800101350018";
    private static final String MARIA = "2820315350028";
    private static final AtomicInteger CITIZENS = new AtomicInteger();
    private static boolean clockInstalled;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(MailServer.options(60));
        String cfg = "etc/org.civicdesk.notification.cfg";
        options.add(editConfigurationFilePut(cfg, "enabled", "true"));
        options.add(editConfigurationFilePut(cfg, "smtp.host", "127.0.0.1"));
        options.add(editConfigurationFilePut(cfg, "smtp.port", Integer.toString(MailServer.ports()[0])));
        options.add(editConfigurationFilePut(cfg, "civicdesk.job.period", "1000"));
        options.add(editConfigurationFilePut("etc/org.civicdesk.appointment.reminder.cfg", "civicdesk.job.period", "1000"));
        // A rush service: ten places a slot, for the concurrent bookings.
        String rush = "etc/org.civicdesk.appointment.service-rush.cfg";
        options.add(editConfigurationFilePut(rush, "code", "rush"));
        options.add(editConfigurationFilePut(rush, "name.ro", "Ghișeu aglomerat"));
        options.add(editConfigurationFilePut(rush, "name.en", "Busy counter"));
        options.add(editConfigurationFilePut(rush, "department", "ROADS"));
        options.add(editConfigurationFilePut(rush, "counter", "Ghișeul 9"));
        options.add(editConfigurationFilePut(rush, "hours", "09:00-10:00"));
        options.add(editConfigurationFilePut(rush, "durationMinutes", "30"));
        options.add(editConfigurationFilePut(rush, "capacity", "10"));
        return options.toArray(new Option[0]);
    }

    @Override
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
        if (!clockInstalled) {
            installPluginBundle().start();
            clockInstalled = true;
            setClock("2026-12-21T06:00:00Z");
        }
    }

    @Test
    public void fiftyCallersBookingTenPlacesAtOnceGetTenAndACancelledPlaceIsFreeAgain() throws Exception {
        Instant slot = at("2026-12-22T09:00");
        List<String> citizens = citizenIds(51);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String citizen = citizens.get(i);
                replies.add(pool.submit(() -> {
                    go.await();
                    return post("operator", "/appointments", booking("rush", slot, citizen));
                }));
            }
            go.countDown();
            int booked = 0;
            int full = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get(5, TimeUnit.MINUTES);
                if (r.status() == 200) {
                    booked++;
                } else {
                    assertEquals(r.raw(), 409, r.status());
                    assertTrue(r.raw(), r.raw().contains("full"));
                    full++;
                }
            }
            assertEquals(10, booked);
            assertEquals(40, full);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, count("SELECT COUNT(*) FROM CD_APPOINTMENT WHERE SERVICE_CODE = 'rush'"));
        assertEquals("ten distinct places", 10, count("SELECT COUNT(DISTINCT PLACE) FROM CD_APPOINTMENT "
                + "WHERE SERVICE_CODE = 'rush'"));
        assertEquals(0, free("rush", slot));
        assertEquals("every booking audited", 10, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = "
                + "'appointment.book' AND REMARKS LIKE '%service=rush%'"));

        String id;
        String holder;
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID, CITIZEN_ID FROM CD_APPOINTMENT WHERE SERVICE_CODE = 'rush'")) {
            rs.next();
            id = rs.getString(1);
            holder = rs.getString(2);
        }
        JsonNode own = get("operator", "/appointments?citizenId=" + holder).body();
        assertTrue("the holder's own list has it", own.findValuesAsText("id").contains(id));
        Reply cancelled = send("operator", HttpRequest.newBuilder(URI.create(base() + "/appointments/" + id)).DELETE());
        assertEquals(cancelled.raw(), 200, cancelled.status());
        assertEquals("CANCELLED", cancelled.body().get("status").asText());
        assertEquals(1, free("rush", slot));
        assertEquals("a second cancel", 409, send("operator", HttpRequest.newBuilder(URI.create(base() + "/appointments/"
                + id)).DELETE()).status());
        Reply again = post("operator", "/appointments", booking("rush", slot, citizens.get(50)));
        assertEquals(again.raw(), 200, again.status());
        assertEquals(0, free("rush", slot));
        Reply full = post("operator", "/appointments", booking("rush", slot, holder));
        assertEquals(full.raw(), 409, full.status());
        assertEquals("records are kept: the cancelled booking and its cancellation", 11,
                count("SELECT COUNT(*) FROM CD_APPOINTMENT WHERE SERVICE_CODE = 'rush'"));
        assertRefused("UPDATE CD_APPOINTMENT SET PLACE = 1");
        assertRefused("DELETE FROM CD_APPOINTMENT_CANCEL");
    }

    @Test
    public void aMoveFreesTheOldPlaceAndTheFrontDeskChecksInOnTheDay() throws Exception {
        String ion = citizenId(ION);
        Instant today = at("2026-12-21T13:00");
        Reply booked = post("operator", "/appointments", "{\"service\":\"id-card\",\"start\":\"" + today + "\",\"citizenId\":\""
                + ion + "\",\"requestNumber\":\"2026/000001\",\"channel\":\"phone\"}");
        assertEquals(booked.raw(), 200, booked.status());
        String first = booked.body().get("id").asText();
        int before = free("id-card", today);

        Instant tuesday = at("2026-12-22T13:20");
        Reply moved = post("operator", "/appointments/" + first + "/move", "{\"start\":\"" + tuesday + "\"}");
        assertEquals(moved.raw(), 200, moved.status());
        String second = moved.body().get("id").asText();
        assertNotEquals(first, second);
        assertEquals(first, moved.body().get("movedFrom").asText());
        assertEquals("2026/000001", moved.body().get("requestNumber").asText());
        assertEquals(before + 1, free("id-card", today));
        JsonNode old = get("operator", "/appointments/" + first).body();
        assertEquals("MOVED", old.get("status").asText());
        assertEquals(second, old.get("movedTo").asText());
        assertEquals("not on the day", 409, post("operator", "/appointments/" + second + "/check-in", "").status());

        Reply todays = post("operator", "/appointments", booking("id-card", at("2026-12-21T13:20"), citizenId(MARIA)));
        assertEquals(todays.raw(), 200, todays.status());
        String maria = todays.body().get("id").asText();
        // Need to know: an employee of ROADS neither sees nor handles REG's counter; REG's own employee checks her in.
        assertEquals(404, post("employee", "/appointments/" + maria + "/check-in", "").status());
        assertEquals(404, get("employee", "/appointments/" + maria).status());
        assertFalse(get("employee", "/appointments?citizenId=" + citizenId(MARIA)).body().findValuesAsText("service")
                .contains("id-card"));
        assertEquals(403, post("employee", "/appointments", booking("id-card", at("2026-12-23T13:00"), ion)).status());
        Reply checkedIn = post("ion", "/appointments/" + maria + "/check-in", "");
        assertEquals(checkedIn.raw(), 200, checkedIn.status());
        assertEquals("CHECKED_IN", checkedIn.body().get("status").asText());
        assertEquals("ion", checkedIn.body().get("closedBy").asText());
        assertEquals("once", 409, post("ion", "/appointments/" + maria + "/check-in", "").status());
        assertEquals("a checked-in appointment is not cancelled", 409,
                send("operator", HttpRequest.newBuilder(URI.create(base() + "/appointments/" + maria)).DELETE()).status());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'appointment.checkin'"));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'appointment.move'"));
    }

    @Test
    public void holidaysWeekendsAndClosedDaysHaveNoSlots() throws Exception {
        JsonNode christmasWeekend = get(null, "/appointments/slots?from=2026-12-25&to=2026-12-27").body();
        assertEquals(christmasWeekend.toString(), 0, christmasWeekend.size());
        JsonNode thursday = get(null, "/appointments/slots?department=REG&from=2026-12-24&to=2026-12-24&lang=en").body();
        // 09:00-12:00 and 13:00-16:00 in slots of 20 minutes.
        assertEquals(18, thursday.size());
        assertEquals("Identity card (issue, renewal)", thursday.get(0).get("serviceName").asText());
        assertEquals(at("2026-12-24T09:00").toString(), thursday.get(0).get("start").asText());
        assertEquals(2, thursday.get(0).get("free").asInt());
        assertEquals("the tax desk opens Monday, Wednesday and Friday", 0,
                get(null, "/appointments/slots?department=TAX&from=2026-12-22&to=2026-12-22").body().size());
        assertEquals(8, get(null, "/appointments/slots?department=TAX&from=2026-12-23&to=2026-12-23").body().size());
        assertEquals(422, post("operator", "/appointments", booking("id-card", at("2026-12-25T09:00"), citizenId(ION)))
                .status());
    }

    @Test
    public void badInputIsRefusedWithAProblemAndNothingIsStored() throws Exception {
        String ion = citizenId(ION);
        Instant slot = at("2026-12-23T10:00");
        long rows = count("SELECT COUNT(*) FROM CD_APPOINTMENT");
        String[][] cases = {
            {"{\"service\":\"passport\",\"start\":\"" + slot + "\",\"citizenId\":\"" + ion + "\"}", "422", "service"},
            {"{\"service\":\"id-card\",\"start\":\"" + at("2026-12-23T10:05") + "\",\"citizenId\":\"" + ion + "\"}", "422",
                "start"},
            {"{\"service\":\"id-card\",\"start\":\"" + at("2026-12-18T10:00") + "\",\"citizenId\":\"" + ion + "\"}", "422",
                "start"},
            {"{\"service\":\"id-card\",\"start\":\"" + slot + "\",\"citizenId\":\"00000000-0000-0000-0000-000000000000\"}",
                "422", "citizenId"},
            {"{\"service\":\"id-card\",\"start\":\"" + slot + "\",\"citizenId\":\"" + ion + "\",\"requestNumber\":\"x\"}",
                "422", "requestNumber"},
            {"{\"service\":\"id-card\",\"start\":\"yesterday\",\"citizenId\":\"" + ion + "\"}", "400", null},
            {"{\"service\":\"id-card\",\"start\":\"" + slot + "\",\"citizenId\":\"" + ion + "\",\"colour\":1}", "400", null},
            {"{\"service\":", "400", null},
            {"{\"start\":\"" + slot + "\",\"citizenId\":\"" + ion + "\"}", "422", "service"},
            {"{\"service\":\"id-card\",\"start\":\"+1000000-01-01T00:00:00Z\",\"citizenId\":\"" + ion + "\"}", "422",
                "start"},
            {"{\"service\":\"id-card\",\"start\":\"-1000000-01-01T00:00:00Z\",\"citizenId\":\"" + ion + "\"}", "422",
                "start"}};
        for (String[] c : cases) {
            Reply r = post("operator", "/appointments", c[0]);
            assertEquals(c[0] + " -> " + r.raw(), Integer.parseInt(c[1]), r.status());
            assertTrue(r.contentType(), r.contentType().contains("problem+json"));
            if (c[2] != null) {
                assertTrue(r.raw(), r.body().has("errors") ? r.body().get("errors").has(c[2]) : r.raw().contains(c[2]));
            }
        }
        // A citizen on the Romanian portal is told in Romanian.
        Reply past = send(null, java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/appointments"))
                .header("Content-Type", "application/json").header("Accept-Language", "ro")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(portalBooking("id-card", at("2026-12-18T10:00"), ION,
                        pin(ION)))));
        assertEquals(past.raw(), 422, past.status());
        assertTrue(past.raw(), past.raw().contains("Ora aleasă a început sau a trecut"));
        // The portal without a PIN, with a wrong one, or naming somebody else.
        assertEquals(422, post(null, "/appointments", booking("id-card", slot, null)).status());
        String pin = pin(ION);
        String wrong = "000000".equals(pin) ? "111111" : "000000";
        assertEquals(403, post(null, "/appointments", portalBooking("id-card", slot, ION, wrong)).status());
        assertEquals(422, post(null, "/appointments", "{\"service\":\"id-card\",\"start\":\"" + slot + "\",\"cnp\":\"" + ION
                + "\",\"pin\":\"" + pin + "\",\"citizenId\":\"" + ion + "\"}").status());
        assertEquals(422, get(null, "/appointments/slots?from=2026-12-24&to=2026-12-23").status());
        assertEquals(422, get(null, "/appointments/slots?from=2026-12-24&to=2027-03-01").status());
        assertEquals(422, get(null, "/appointments/slots?from=tomorrow&to=2026-12-23").status());
        assertEquals(422, get(null, "/appointments/slots?from=2026-12-23").status());
        assertEquals(422, get(null, "/appointments/slots?from=%2B999999999-12-31&to=%2B999999999-12-31").status());
        assertEquals(422, get(null, "/appointments/slots?from=-999999999-01-01&to=2026-12-23").status());
        assertEquals(401, get(null, "/appointments?citizenId=" + ion).status());
        assertEquals(401, send(null, HttpRequest.newBuilder(URI.create(base() + "/appointments/"
                + "00000000-0000-0000-0000-000000000000")).DELETE()).status());
        assertEquals(404, send("operator", HttpRequest.newBuilder(URI.create(base() + "/appointments/"
                + "00000000-0000-0000-0000-000000000000")).DELETE()).status());
        assertEquals("nothing stored", rows, count("SELECT COUNT(*) FROM CD_APPOINTMENT"));
    }

    @Test
    public void aCitizenBooksOnThePortalWithCnpAndPinAndTheOperatorSeesItInTheProfile() throws Exception {
        Instant slot = at("2026-12-23T11:00");
        String pin = pin(MARIA);
        Reply booked = post(null, "/appointments?lang=en", portalBooking("id-card", slot, MARIA, pin));
        assertEquals(booked.raw(), 200, booked.status());
        assertEquals("Identity card (issue, renewal)", booked.body().get("serviceName").asText());
        assertFalse("the portal is told nothing staff-only", booked.body().has("citizenId"));
        assertEquals("the same slot twice", 409, post(null, "/appointments", portalBooking("id-card", slot, MARIA, pin))
                .status());
        String maria = citizenId(MARIA);
        assertEquals(1, count("SELECT COUNT(*) FROM CD_APPOINTMENT WHERE CHANNEL = 'web' AND BOOKED_BY = 'citizen:"
                + maria + "'"));

        JsonNode profile = get("operator", "/citizens/" + maria + "/profile?lang=en&reason=caller%20asks").body();
        JsonNode section = null;
        for (JsonNode s : profile.get("sections")) {
            if ("appointments".equals(s.get("source").asText())) {
                section = s;
            }
        }
        assertTrue(profile.toString(), section != null);
        assertEquals("Appointments at a counter", section.get("title").asText());
        assertTrue(section.toString(), section.toString().contains("2026-12-23 11:00, Ghișeul 2, parter — booked"));
    }

    @Test
    public void theDayBeforeACitizenWithAnAddressIsRemindedOnceByEmailAndOneWithoutIsNot() throws Exception {
        String address = "programare-" + System.nanoTime() + "@example.org";
        String citizen = newCitizen(address);
        Instant tomorrow = at("2026-12-22T15:40");
        Reply booked = post("operator", "/appointments", booking("id-card", tomorrow, citizen));
        assertEquals(booked.raw(), 200, booked.status());
        String withoutAddress;
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID FROM CD_CITIZEN WHERE EMAIL IS NULL ORDER BY NATIONAL_ID")) {
            assertTrue(rs.next());
            withoutAddress = rs.getString(1);
        }
        Reply other = post("operator", "/appointments", booking("id-card", at("2026-12-22T15:20"), withoutAddress));
        assertEquals(other.raw(), 200, other.status());

        MailClient.Mail reminder = MailClient.awaitMessage(address, m -> m.subject().startsWith("Programarea"));
        assertEquals("Programarea dumneavoastră de mâine, 22.12.2026, ora 15:40", reminder.subject());
        assertTrue(reminder.body(), reminder.body().contains("„Carte de identitate (eliberare, preschimbare)”"));
        assertTrue(reminder.body(), reminder.body().contains("Ghișeul 2, parter"));
        Thread.sleep(3000);
        assertEquals("once", 1, MailClient.messagesOf(address).stream().filter(m -> m.subject().startsWith("Programarea"))
                .count());
        assertEquals(1, count("SELECT COUNT(*) FROM CD_APPOINTMENT_REMINDER WHERE APPOINTMENT_ID = '"
                + other.body().get("id").asText() + "'"));
        assertEquals("no address, no message", 0, count("SELECT COUNT(*) FROM CD_CITIZEN_MESSAGE WHERE CITIZEN_ID = '"
                + withoutAddress + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM CD_CITIZEN_MESSAGE WHERE CITIZEN_ID = '" + citizen
                + "' AND STATE = 'SENT'"));
    }

    // ---------------------------------------------------------------- helpers

    private static Instant at(String cityTime) {
        return LocalDateTime.parse(cityTime).atZone(CITY).toInstant();
    }

    private static String booking(String service, Instant start, String citizenId) {
        return "{\"service\":\"" + service + "\",\"start\":\"" + start + "\""
                + (citizenId == null ? "" : ",\"citizenId\":\"" + citizenId + "\"") + "}";
    }

    private static String portalBooking(String service, Instant start, String cnp, String pin) {
        return "{\"service\":\"" + service + "\",\"start\":\"" + start + "\",\"cnp\":\"" + cnp + "\",\"pin\":\"" + pin + "\"}";
    }

    /** The free places of a slot, as anyone reads them. */
    private int free(String service, Instant start) throws Exception {
        String day = LocalDateTime.ofInstant(start, CITY).toLocalDate().toString();
        for (JsonNode slot : get(null, "/appointments/slots?service=" + service + "&from=" + day + "&to=" + day).body()) {
            if (slot.get("start").asText().equals(start.toString())) {
                return slot.get("free").asInt();
            }
        }
        throw new AssertionError("no slot " + service + " at " + start);
    }

    /** Ids of demo citizens without an appointment of their own. */
    private List<String> citizenIds(int how) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID FROM CD_CITIZEN ORDER BY NATIONAL_ID DESC")) {
            while (rs.next() && ids.size() < how) {
                ids.add(rs.getString(1));
            }
        }
        assertEquals(how, ids.size());
        return ids;
    }

    /** A citizen with an e-mail address, registered as the phone channel registers a caller filing a request. */
    private String newCitizen(String address) throws Exception {
        String cnp = cnp();
        Reply filed = post("operator", "/requests", "{\"type\":\"pothole\",\"channel\":\"phone\",\"citizen\":{\"cnp\":\"" + cnp
                + "\",\"firstName\":\"Ana\",\"lastName\":\"Programată\",\"address\":\"Str. Mărășești 10\",\"email\":\""
                + address + "\"},\"description\":\"Groapă lângă ghișee\"}");
        assertEquals(filed.raw(), 201, filed.status());
        return citizenId(cnp);
    }

    /** A valid CNP of a person born on 1 January 1990, new to the registry. */
    private static String cnp() {
        return cnpNumbered(1000 + (int) (System.nanoTime() % 3000) + CITIZENS.incrementAndGet());
    }

    /** Moves the city's clock to {@code instant}, and waits until the clock CivicDesk uses shows it. */
    private void setClock(String instant) throws Exception {
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration config = admin.getConfiguration(TestClock.PID, null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("now", instant);
        config.update(properties);
        Instant target = Instant.parse(instant);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<CityClock> best = bundleContext.getServiceReference(CityClock.class);
            Instant now = best == null ? null : bundleContext.getService(best).now();
            if (now != null && Math.abs(now.toEpochMilli() - target.toEpochMilli()) < 60_000) {
                Thread.sleep(500);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the clock did not move to " + instant);
    }
}
