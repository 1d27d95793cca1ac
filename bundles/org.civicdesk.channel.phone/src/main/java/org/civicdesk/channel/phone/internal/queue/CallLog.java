package org.civicdesk.channel.phone.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The log of every call, whatever became of it. A call is a series of events appended as they
 * happen (started, the robot's steps, queued, answered, a call-back, a request, the end), so a
 * call cut short by a crash or an uninstalled channel keeps what happened up to then; the table
 * is append-only. A call's record is read back from its events.
 */
@Component(service = CallLog.class)
public class CallLog {
    public static final String EVENTS = "CD_PHONE_CALL_EVENT";
    public static final String PRESENCE = "CD_PHONE_PRESENCE";
    /** The number each call came from, beside the append-only log: a person's erasure removes it. */
    public static final String CALLERS = "CD_PHONE_CALLER";

    /** What can happen in a call; the detail of each is said beside it. */
    public static final String STARTED = "started";     // nothing: the caller's number is kept in CALLERS
    public static final String LANGUAGE = "language";   // ro, en
    public static final String STEP = "step";           // a robot step or menu taken
    public static final String IDENTIFIED = "identified"; // citizen id, by PIN
    public static final String QUEUED = "queued";       // the skills asked
    public static final String ANSWERED = "answered";   // the operator's user name: the call is put through
    public static final String CONNECTED = "connected"; // the operator picked up (AMI bridge)
    public static final String CALLBACK = "callback";   // the call-back's id
    public static final String REQUEST = "request";     // a registration number
    public static final String INTERACTION = "interaction"; // the interaction's id
    public static final String TRANSFERRED = "transferred"; // where to
    public static final String ENDED = "ended";         // how: completed, hangup, abandoned, callback, routed, interrupted
    public static final String TALK_ENDED = "talk-ended"; // the operator's conversation is over
    public static final String RECORDING_EXPIRED = "recording-expired"; // the audio was deleted after its retention

    private final Jdbc jdbc;

    @Activate
    public CallLog(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, CallLog.class);
    }

    /** Appends an event to a call's record. */
    public void append(String callId, String kind, String detail) {
        jdbc.update("record a call event", "INSERT INTO " + EVENTS + " (CALL_ID, AT_MS, KIND, DETAIL) VALUES (?, ?, ?, ?)",
                callId, System.currentTimeMillis(), kind, detail == null ? null : truncate(detail));
    }

    /**
     * A call begins: its "started" event, and the number it came from (as the exchange presents it, or {@code null} when
     * hidden) kept beside the log, where a person's erasure can remove it.
     */
    public void started(String callId, String caller) {
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement event = c.prepareStatement("INSERT INTO " + EVENTS
                        + " (CALL_ID, AT_MS, KIND, DETAIL) VALUES (?, ?, ?, NULL)")) {
                    Jdbc.bind(event, callId, System.currentTimeMillis(), STARTED);
                    event.executeUpdate();
                }
                if (caller != null && !caller.isBlank() && !knownCaller(c, callId)) {
                    try (PreparedStatement number = c.prepareStatement("INSERT INTO " + CALLERS
                            + " (CALL_ID, NUMBER) VALUES (?, ?)")) {
                        Jdbc.bind(number, callId, truncate(caller));
                        number.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("record a call's start", e);
        }
    }

    /** Whether the call's number is kept already: a call that comes back to the robot starts again. */
    private static boolean knownCaller(Connection c, String callId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + CALLERS + " WHERE CALL_ID = ?")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Forgets the numbers of a person's calls: those from {@code numbers} (the forms of their number), those the robot
     * identified as them and those of their call-backs; and what an operator's screen still shows of such a call, or of
     * the person. The calls' events stay.
     */
    public void forgetCallers(String citizenId, Set<String> numbers) {
        String among = String.join(", ", Collections.nCopies(numbers.size(), "?"));
        String theirCalls = "SELECT CALL_ID FROM " + EVENTS + " WHERE KIND = ? AND DETAIL = ? UNION SELECT CALL_ID FROM "
                + Callbacks.REQUESTED + " WHERE CITIZEN_ID = ?";
        List<Object> parameters = new ArrayList<>(List.of(IDENTIFIED, citizenId, citizenId));
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement desk = c.prepareStatement("DELETE FROM " + DeskCalls.TABLE + " WHERE CALL_ID IN ("
                        + theirCalls + (numbers.isEmpty() ? "" : " UNION SELECT CALL_ID FROM " + CALLERS + " WHERE NUMBER IN ("
                        + among + ")") + ") OR DETAILS LIKE ?");
                        PreparedStatement callers = c.prepareStatement("DELETE FROM " + CALLERS + " WHERE CALL_ID IN ("
                                + theirCalls + ")" + (numbers.isEmpty() ? "" : " OR NUMBER IN (" + among + ")"))) {
                    List<Object> onDesks = new ArrayList<>(parameters);
                    onDesks.addAll(numbers);
                    onDesks.add("%citizenId=" + citizenId + "%");
                    Jdbc.bind(desk, onDesks.toArray());
                    desk.executeUpdate();
                    List<Object> called = new ArrayList<>(parameters);
                    called.addAll(numbers);
                    Jdbc.bind(callers, called.toArray());
                    callers.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("forget a person's calls' numbers", e);
        }
    }

    /** Appends an operator's change of presence, for the supervisors' reports. */
    public void presence(String username, String presence) {
        jdbc.update("record a presence change", "INSERT INTO " + PRESENCE + " (USERNAME, PRESENCE, AT_MS) VALUES (?, ?, ?)",
                username, presence, System.currentTimeMillis());
    }

    /**
     * One call as the log tells it.
     *
     * @param queueSeconds how long the caller waited in the queue (until answered, or until they gave up)
     * @param talkSeconds  how long the operator talked with them, once the conversation is over
     * @param abandoned    whether the caller hung up in the queue before anyone answered
     * @param path         the robot's steps, in order
     * @param queued       whether the call reached the operators' queue
     */
    public record CallRecord(String callId, String caller, String language, Instant startedAt, Instant endedAt,
            String outcome, Long queueSeconds, String answeredBy, Long talkSeconds, boolean abandoned,
            boolean callbackRequested, List<String> path, String interactionId, List<String> requests,
            String transferredTo, boolean recorded, boolean queued) {
    }

    /** The calls started in {@code [from, to)}, the newest first, at most {@code limit}. */
    public List<CallRecord> calls(Instant from, Instant to, int limit, Predicate<String> recorded) {
        List<CallRecord> calls = calls(from, to, recorded);
        calls.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
        return calls.size() > limit ? calls.subList(0, limit) : calls;
    }

    /** Every call started in {@code [from, to)}, in the order they started. */
    public List<CallRecord> calls(Instant from, Instant to, Predicate<String> recorded) {
        record Row(String callId, long at, String kind, String detail) {
        }
        // The calls started in the period (CD_PHONE_CALL_EVENT_KIND), then each one's events (CD_PHONE_CALL_EVENT_CALL);
        // the "started" event with the caller's number (that of a call of an earlier release is in the event itself).
        List<Row> rows = jdbc.query("read the call log", "SELECT e.CALL_ID, e.AT_MS, e.KIND, COALESCE(n.NUMBER, e.DETAIL) "
                + "FROM " + EVENTS + " s JOIN " + EVENTS + " e ON e.CALL_ID = s.CALL_ID LEFT JOIN " + CALLERS + " n ON "
                + "n.CALL_ID = e.CALL_ID AND e.KIND = s.KIND WHERE s.KIND = ? AND s.AT_MS >= ? AND s.AT_MS < ? ORDER BY e.ID",
                rs -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), 0,
                STARTED, from.toEpochMilli(), to.toEpochMilli());
        Map<String, List<Row>> byCall = new LinkedHashMap<>();
        rows.forEach(r -> byCall.computeIfAbsent(r.callId(), k -> new ArrayList<>()).add(r));
        List<CallRecord> calls = new ArrayList<>();
        for (Map.Entry<String, List<Row>> call : byCall.entrySet()) {
            CallFacts facts = new CallFacts(call.getKey());
            call.getValue().forEach(r -> facts.add(r.at(), r.kind(), r.detail()));
            calls.add(facts.toRecord(recorded.test(call.getKey())));
        }
        return calls;
    }

    /** Folds a call's events into its record. */
    private static final class CallFacts {
        private final String callId;
        private String caller;
        private String language;
        private Instant started;
        private Instant queued;
        private Instant answered;
        private Instant connected;
        private Instant ended;
        private Instant talkEnded;
        private String outcome;
        private String answeredBy;
        private boolean callback;
        private final List<String> path = new ArrayList<>();
        private String interaction;
        private final List<String> requests = new ArrayList<>();
        private String transferredTo;

        CallFacts(String callId) {
            this.callId = callId;
        }

        void add(long atMillis, String kind, String detail) {
            Instant at = Instant.ofEpochMilli(atMillis);
            switch (kind) {
                case STARTED -> {
                    started = at;
                    caller = detail;
                }
                case LANGUAGE -> language = detail;
                case STEP -> path.add(detail);
                case QUEUED -> queued = queued == null ? at : queued;
                case ANSWERED -> {
                    answered = at;
                    answeredBy = detail;
                }
                case CONNECTED -> connected = connected == null ? at : connected;
                case CALLBACK -> callback = true;
                case REQUEST -> requests.add(detail);
                case INTERACTION -> interaction = detail;
                case TRANSFERRED -> transferredTo = detail;
                case ENDED -> {
                    // A routed call's robot part ends when the operator's phone rings; the call goes on.
                    if (outcome == null || !"routed".equals(detail)) {
                        outcome = detail;
                    }
                    ended = "routed".equals(detail) ? ended : at;
                }
                case TALK_ENDED -> {
                    talkEnded = talkEnded == null ? at : talkEnded;
                    ended = ended == null || ended.isBefore(at) ? at : ended;
                }
                default -> {
                    // events of later versions are kept but not summarised here
                }
            }
        }

        CallRecord toRecord(boolean recorded) {
            Instant queueEnd = answered != null ? answered : ended;
            Long queueSeconds = queued == null || queueEnd == null ? null : Duration.between(queued, queueEnd).toSeconds();
            // Talk time from the pick-up when the exchange reported it, else from when the call was put through.
            Instant talkStart = connected != null ? connected : answered;
            Long talkSeconds = talkStart == null || talkEnded == null ? null
                    : Duration.between(talkStart, talkEnded).toSeconds();
            boolean abandoned = queued != null && answered == null && !callback && ended != null;
            return new CallRecord(callId, caller, language, started, ended, outcome, queueSeconds, answeredBy,
                    talkSeconds, abandoned, callback, List.copyOf(path), interaction, List.copyOf(requests),
                    transferredTo, recorded, queued != null);
        }
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
