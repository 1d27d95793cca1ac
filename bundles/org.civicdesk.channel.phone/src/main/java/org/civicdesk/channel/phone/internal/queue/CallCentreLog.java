package org.civicdesk.channel.phone.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.internal.PhoneChannel;
import org.civicdesk.channel.phone.internal.PhoneConfig;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.persistence.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The call centre's facts for its reports, read from the call log, the presence log and the call-backs; its service
 * level goal from the phone channel's configuration.
 */
@Component(service = {CallCentreStatistics.class, CallCentreLog.class}, configurationPid = PhoneChannel.PID)
public class CallCentreLog implements CallCentreStatistics {
    private final CallLog log;
    private final Jdbc jdbc;
    private final CallDayStore summedDays;
    private final CityClock clock;
    private volatile ServiceLevel serviceLevel;

    @Activate
    public CallCentreLog(@Reference CallLog log,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource, @Reference CityClock clock,
            PhoneConfig config) {
        this.log = log;
        this.jdbc = new Jdbc(dataSource);
        this.summedDays = new CallDayStore(jdbc);
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(PhoneConfig config) {
        serviceLevel = new ServiceLevel(config.serviceLevelSeconds(), config.serviceLevelTarget(),
                config.shortAbandonSeconds());
    }

    @Override
    public ServiceLevel serviceLevel() {
        return serviceLevel;
    }

    @Override
    public List<Call> calls(Instant from, Instant to) {
        return log.calls(from, to, id -> false).stream().map(c -> new Call(c.callId(), c.startedAt(), c.queued(),
                c.queueSeconds(), c.answeredBy(), c.talkSeconds(), c.abandoned(), c.callbackRequested(), c.outcome()))
                .toList();
    }

    @Override
    public List<CallDay> days(LocalDate from, LocalDate to) {
        LocalDate last = to.isAfter(clock.today()) ? clock.today() : to;
        if (from.isAfter(last)) {
            return List.of();
        }
        Map<LocalDate, CallDay> summed = summedDays.read(from, last);
        List<CallDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            CallDay figures = summed.get(day);
            if (figures == null) {
                figures = sum(day);
            }
            if (!CallDays.empty(figures)) {
                days.add(figures);
            }
        }
        return days;
    }

    /** {@code day}'s figures, from its calls, call-backs and presence. */
    CallDay sum(LocalDate day) {
        Instant start = day.atStartOfDay(clock.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        return CallDays.sum(day, calls(start, end), callbacks(start, end), presence(start, end));
    }

    /** Sums each day over from {@code earliest} to {@code latest} not summed yet, at most {@code max} of them. */
    int sumDaysOver(LocalDate earliest, LocalDate latest, int max) throws java.sql.SQLException {
        return summedDays.sums().sumMissing(earliest, latest, max, day -> summedDays.write(sum(day)));
    }

    /** The day the first call started, if any call did. */
    Optional<LocalDate> firstCallDay() {
        List<Long> first = jdbc.query("read the first call", "SELECT MIN(AT_MS) FROM " + CallLog.EVENTS + " WHERE KIND = ?",
                rs -> rs.getObject(1) == null ? null : rs.getLong(1), 1, CallLog.STARTED);
        return first.isEmpty() || first.get(0) == null ? Optional.empty()
                : Optional.of(LocalDate.ofInstant(Instant.ofEpochMilli(first.get(0)), clock.zone()));
    }

    @Override
    public List<PresenceSpan> presence(Instant from, Instant to) {
        // Where each operator stood as the period began, then every change in it.
        List<Change> changes = new ArrayList<>(jdbc.query("read operators' presence", "SELECT p.USERNAME, p.PRESENCE, "
                + "p.AT_MS FROM " + CallLog.PRESENCE + " p WHERE p.ID = (SELECT MAX(q.ID) FROM " + CallLog.PRESENCE
                + " q WHERE q.USERNAME = p.USERNAME AND q.AT_MS < ?)", rs -> new Change(rs.getString(1), rs.getString(2),
                from.toEpochMilli()), 0, from.toEpochMilli()));
        changes.addAll(jdbc.query("read operators' presence", "SELECT USERNAME, PRESENCE, AT_MS FROM " + CallLog.PRESENCE
                + " WHERE AT_MS >= ? AND AT_MS < ? ORDER BY ID", rs -> new Change(rs.getString(1), rs.getString(2),
                rs.getLong(3)), 0, from.toEpochMilli(), to.toEpochMilli()));
        long end = Math.min(to.toEpochMilli(), System.currentTimeMillis());
        List<PresenceSpan> spans = new ArrayList<>();
        Map<String, Change> current = new HashMap<>();
        for (Change change : changes) {
            Change before = current.put(change.username(), change);
            if (before != null) {
                add(spans, before, change.at());
            }
        }
        current.values().forEach(last -> add(spans, last, end));
        return spans;
    }

    /** An operator's change of presence, as the presence log keeps it. */
    private record Change(String username, String presence, long at) {
    }

    /** The span from {@code change} until {@code until}, unless logged out or empty. */
    private static void add(List<PresenceSpan> spans, Change change, long until) {
        if (!LOGGED_OUT.equals(change.presence()) && until > change.at()) {
            spans.add(new PresenceSpan(change.username(), change.presence(), Instant.ofEpochMilli(change.at()),
                    Instant.ofEpochMilli(until)));
        }
    }

    @Override
    public List<Callback> callbacks(Instant from, Instant to) {
        List<Callback> callbacks = new ArrayList<>(jdbc.query("read call-backs", "SELECT REQUESTED_MS FROM "
                + Callbacks.REQUESTED + " WHERE REQUESTED_MS >= ? AND REQUESTED_MS < ?", rs -> new Callback(
                Instant.ofEpochMilli(rs.getLong(1)), false, null), 0, from.toEpochMilli(), to.toEpochMilli()));
        callbacks.addAll(jdbc.query("read call-backs", "SELECT DONE_MS, DONE_BY FROM " + Callbacks.DONE
                + " WHERE DONE_MS >= ? AND DONE_MS < ?", rs -> new Callback(Instant.ofEpochMilli(rs.getLong(1)), true,
                rs.getString(2)), 0, from.toEpochMilli(), to.toEpochMilli()));
        callbacks.sort((a, b) -> a.at().compareTo(b.at()));
        return callbacks;
    }
}
