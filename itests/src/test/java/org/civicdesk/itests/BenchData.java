package org.civicdesk.itests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.PastRequest;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;

/**
 * City-sized data for the benchmarks: requests through the registry's bulk path ({@link #imported}); citizens and calls,
 * which no chain vouches for, and requests as an upgrade leaves them ({@link #generate}), written straight into the
 * tables in batches.
 */
final class BenchData {
    static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final String[][] TYPES = {{"pothole", "ROADS", "10"}, {"streetlight", "ROADS", "5"},
        {"waste", "SANIT", "3"}, {"information", "REGISTRY", "10"}, {"complaint", "REGISTRY", "30"}};

    /** Requests given to {@link RequestRegistry#importPast} at once. */
    private static final int IMPORT_BATCH = 500;

    private BenchData() {
    }

    /**
     * Writes {@code count} requests registered over {@code year} straight into the registry's tables, as an upgrade
     * leaves them: numbered in {@code numberedIn} (a year of their own, so that what the running system files meanwhile
     * never takes a number the generator is about to write); with {@code allOpen} every one open, its next escalation
     * step to be worked out, otherwise the older done and some of the last month's still open.
     */
    static void generate(DataSource database, int year, int numberedIn, int count, boolean allOpen) throws Exception {
        Random random = new Random(year);
        long start = LocalDate.of(year, 1, 1).atStartOfDay(CITY).toInstant().toEpochMilli();
        long end = Math.min(LocalDate.of(year + 1, 1, 1).atStartOfDay(CITY).toInstant().toEpochMilli(),
                System.currentTimeMillis() - 3_600_000);
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            int first = lastSequence(c, numberedIn) + 1;
            try (PreparedStatement request = c.prepareStatement("INSERT INTO CD_REQUEST (REQ_NUMBER, REG_YEAR, SEQ, "
                    + "TRACKING_CODE, TYPE_CODE, CHANNEL, CITIZEN_ID, DESCRIPTION, LAT, LON, ADDRESS, DEPARTMENT, REGISTERED_MS, "
                    + "DEADLINE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement event = c.prepareStatement("INSERT INTO CD_REQUEST_EVENT (ID, REQUEST_NUMBER, EVENT_SEQ, "
                            + "OCCURRED_MS, KIND, ACTOR, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement state = c.prepareStatement("INSERT INTO CD_REQUEST_STATE (REQ_NUMBER, STATUS, ASSIGNEE, "
                            + "FINISHED, LAST_EVENT_SEQ, LAST_CHANGE_MS, DEADLINE, NEXT_STEP, TYPE_CODE, DEPARTMENT, CHANNEL, "
                            + "REGISTERED_MS, REGISTERED_DAY, VERSION) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (int i = 0; i < count; i++) {
                    int sequence = first + i;
                    String number = String.format("%04d/%06d", numberedIn, sequence);
                    String[] type = TYPES[random.nextInt(TYPES.length)];
                    long registered = start + (long) ((end - start) * ((double) i / count));
                    LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(registered), CITY);
                    request.setString(1, number);
                    request.setInt(2, numberedIn);
                    request.setInt(3, sequence);
                    request.setString(4, String.format("B%01d%08d", numberedIn % 10, sequence));
                    request.setString(5, type[0]);
                    String channel = random.nextBoolean() ? "web" : "phone";
                    request.setString(6, channel);
                    request.setString(7, null);
                    request.setString(8, "Bench request " + number);
                    request.setDouble(9, 47.62 + random.nextDouble() * 0.06);
                    request.setDouble(10, 26.21 + random.nextDouble() * 0.08);
                    request.setString(11, "Str. Bench " + random.nextInt(200));
                    request.setString(12, type[1]);
                    request.setLong(13, registered);
                    String deadline = day.plusDays(Integer.parseInt(type[2]) * 7L / 5).toString();
                    request.setString(14, deadline);
                    request.addBatch();
                    event(event, number, 1, registered, "CREATED", "registered");
                    // Older requests are done; some of the recent ones are still being worked on.
                    boolean done = !allOpen && (registered < end - 30L * 86_400_000 || random.nextInt(3) == 0);
                    long changed = registered;
                    if (done) {
                        changed = Math.min(end, registered + (1 + random.nextInt(10)) * 86_400_000L);
                        event(event, number, 2, changed, "STATUS_CHANGED", "resolved");
                    }
                    state.setString(1, number);
                    state.setString(2, done ? "resolved" : "registered");
                    state.setBoolean(3, done);
                    state.setInt(4, done ? 2 : 1);
                    state.setLong(5, changed);
                    state.setString(6, deadline);
                    state.setString(7, done ? null : "0000-01-01");
                    state.setString(8, type[0]);
                    state.setString(9, type[1]);
                    state.setString(10, channel);
                    state.setLong(11, registered);
                    state.setInt(12, (int) Math.floorDiv(registered, 86_400_000L));
                    state.addBatch();
                    if (i % 2000 == 1999 || i == count - 1) {
                        request.executeBatch();
                        event.executeBatch();
                        state.executeBatch();
                        c.commit();
                    }
                }
            }
            setLastSequence(c, numberedIn, first + count - 1);
            c.commit();
        }
    }

    /**
     * Imports {@code count} requests registered over {@code year} (until an hour ago) through the registry's bulk path,
     * {@link RequestRegistry#importPast}, in batches, with their history: the older done, some of the last month's still
     * open; each filed by one of the first {@code citizens} citizens {@link #citizens} wrote (none: anonymous), round the
     * city in turn. Every record gets its audit entry, so integrity verification covers them.
     *
     * @return the numbers the registry gave, in the order of registration
     */
    static List<RequestNumber> imported(RequestRegistry registry, int year, int count, int citizens) {
        Random random = new Random(year);
        long start = LocalDate.of(year, 1, 1).atStartOfDay(CITY).toInstant().toEpochMilli();
        long end = Math.min(LocalDate.of(year + 1, 1, 1).atStartOfDay(CITY).toInstant().toEpochMilli(),
                System.currentTimeMillis() - 3_600_000);
        Actor admin = new Actor("admin", Set.of(Role.ADMIN), null);
        List<RequestNumber> numbers = new ArrayList<>(count);
        List<PastRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] type = TYPES[random.nextInt(TYPES.length)];
            long registered = start + (long) ((end - start) * ((double) i / count));
            // Older requests are done; some of the recent ones are still being worked on.
            boolean done = registered < end - 30L * 86_400_000 || random.nextInt(3) == 0;
            List<PastRequest.PastChange> changes = done ? List.of(new PastRequest.PastChange(
                    Instant.ofEpochMilli(Math.min(end, registered + (1 + random.nextInt(10)) * 86_400_000L)), "bench",
                    "resolved", null)) : List.of();
            batch.add(new PastRequest(type[0], new Channel(random.nextBoolean() ? "web" : "phone"),
                    citizens == 0 ? null : citizenId(random.nextInt(citizens)), "Bench request " + year + "-" + i,
                    new Location(47.62 + random.nextDouble() * 0.06, 26.21 + random.nextDouble() * 0.08,
                            "Str. Bench " + random.nextInt(200)), Instant.ofEpochMilli(registered), changes));
            if (batch.size() == IMPORT_BATCH || i == count - 1) {
                numbers.addAll(registry.importPast(admin, batch));
                batch.clear();
            }
        }
        return numbers;
    }

    /** The id of the {@code i}-th generated citizen. */
    static String citizenId(int i) {
        return String.format("bench-citizen-%08d", i);
    }

    /**
     * Writes {@code count} citizens in clear, as a raw import or an earlier release leaves them (the citizen registry
     * seals them when it starts next), each with a national id of its own: born from 1950 on, 900 a day, in Giurgiu
     * (county 52: the demo's citizens live in Suceava).
     */
    static void citizens(DataSource database, int count) throws Exception {
        String[] last = {"Popescu", "Ionescu", "Popa", "Rusu", "Munteanu", "Ștefănescu", "Țurcanu", "Avram"};
        String[] first = {"Maria", "Ion", "Elena", "Andrei", "Ioana", "Mihai", "Ana", "Gheorghe"};
        long now = System.currentTimeMillis();
        try (Connection c = database.getConnection(); PreparedStatement citizen = c.prepareStatement("INSERT INTO CD_CITIZEN "
                + "(ID, KIND, NATIONAL_ID, FIRST_NAME, LAST_NAME, ADDRESS, PHONE, REGISTERED_MS) "
                + "VALUES (?, 'PERSON', ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String lastName = last[i % last.length];
                String firstName = first[(i / last.length) % first.length];
                String address = "Str. Bench " + (i % 500) + ", nr. " + (i % 97 + 1);
                String phone = String.format("07%08d", i);
                citizen.setString(1, citizenId(i));
                citizen.setString(2, nationalId(i));
                citizen.setString(3, firstName);
                citizen.setString(4, lastName);
                citizen.setString(5, address);
                citizen.setString(6, phone);
                citizen.setLong(7, now - i * 1000L);
                citizen.addBatch();
                if (i % 2000 == 1999 || i == count - 1) {
                    citizen.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /** A valid Romanian personal numeric code, different for each {@code i} below 9 million. */
    static String nationalId(int i) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i / 900);
        String first12 = String.format("%d%02d%02d%02d52%03d", i % 2 == 0 ? 1 : 2, born.getYear() % 100,
                born.getMonthValue(), born.getDayOfMonth(), i % 900 + 1).substring(0, 12);
        String weights = "279146358279";
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (first12.charAt(k) - '0') * (weights.charAt(k) - '0');
        }
        return first12 + (sum % 11 == 10 ? 1 : sum % 11);
    }

    /**
     * Writes {@code count} calls spread over the year before now, as the phone channel logs them: most queued and
     * answered within a minute by one of ten operators, one in ten abandoned, one in five finished by the robot.
     */
    static void calls(DataSource database, int count) throws Exception {
        Random random = new Random(count);
        long end = System.currentTimeMillis() - 3_600_000;
        long start = end - 365L * 86_400_000;
        try (Connection c = database.getConnection(); PreparedStatement event = c.prepareStatement(
                "INSERT INTO CD_PHONE_CALL_EVENT (CALL_ID, AT_MS, KIND, DETAIL) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String call = "bench-call-" + i;
                long at = start + (long) ((end - start) * ((double) i / count));
                callEvent(event, call, at, "started", "0700000000");
                int kind = random.nextInt(10);
                if (kind < 2) {
                    callEvent(event, call, at + 1_000, "step", "status");
                    callEvent(event, call, at + 60_000, "ended", "completed");
                } else if (kind < 3) {
                    callEvent(event, call, at + 5_000, "queued", "roads");
                    callEvent(event, call, at + 5_000 + random.nextInt(90_000), "ended", "abandoned");
                } else {
                    long answered = at + 5_000 + random.nextInt(60_000);
                    callEvent(event, call, at + 5_000, "queued", "roads");
                    callEvent(event, call, answered, "answered", "cc.op" + random.nextInt(10));
                    callEvent(event, call, answered + 30_000 + random.nextInt(300_000), "talk-ended", null);
                }
                if (i % 1000 == 999 || i == count - 1) {
                    event.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void callEvent(PreparedStatement event, String call, long at, String kind, String detail)
            throws Exception {
        event.setString(1, call);
        event.setLong(2, at);
        event.setString(3, kind);
        event.setString(4, detail);
        event.addBatch();
    }

    private static void event(PreparedStatement event, String number, int sequence, long at, String kind, String status)
            throws Exception {
        event.setString(1, number + "#" + sequence);
        event.setString(2, number);
        event.setInt(3, sequence);
        event.setLong(4, at);
        event.setString(5, kind);
        event.setString(6, "system:bench");
        event.setString(7, status);
        event.addBatch();
    }

    private static int lastSequence(Connection c, int year) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LAST_SEQ FROM CD_REGISTRATION_COUNTER WHERE REG_YEAR = " + year)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void setLastSequence(Connection c, int year, int last) throws Exception {
        try (Statement s = c.createStatement()) {
            if (s.executeUpdate("UPDATE CD_REGISTRATION_COUNTER SET LAST_SEQ = " + last + " WHERE REG_YEAR = " + year) == 0) {
                s.executeUpdate("INSERT INTO CD_REGISTRATION_COUNTER (REG_YEAR, LAST_SEQ) VALUES (" + year + ", " + last + ")");
            }
        }
    }
}
