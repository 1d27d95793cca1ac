package org.civicdesk.report.callcentre.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.Call;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.Role;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.civicdesk.report.api.Series;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The call centre's figures as call-centre managers use them (R17), per day and in total: calls offered to the
 * operators, answered, abandoned (short abandons apart), the average speed of answer, the service level (X % answered
 * within Y s), the average handling time, the longest wait, call-backs asked for and made, and how many calls the robot
 * finished alone; then per operator the calls answered and the occupancy (time handling calls of the time available
 * for them). In a bundle of its own, installed with the reports while the phone channel is.
 */
@Component(service = Report.class)
public class CallCentreReport extends AbstractReport {
    static final Column DAY = Column.of("day", "Ziua", "Day", Column.Type.DATE);
    static final Column OPERATOR = Column.of("operator", "Operator", "Operator", Column.Type.TEXT);
    /** What the total row says in its first column. */
    static final String TOTAL = "TOTAL";

    private final CallCentreStatistics statistics;
    private final CityClock clock;

    @Activate
    public CallCentreReport(@Reference CallCentreStatistics statistics, @Reference CityClock clock) {
        super("call-centre", "Centrul de apeluri", "Call centre", Set.of(Role.ADMIN, Role.SUPERVISOR));
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        ZoneId zone = clock.zone();
        Instant from = parameters.start(zone);
        Instant to = parameters.end(zone);
        CallCentreStatistics.ServiceLevel settings = statistics.serviceLevel();

        Map<LocalDate, DayFigures> days = new TreeMap<>();
        DayFigures total = new DayFigures(settings);
        Map<String, OperatorFigures> operators = new TreeMap<>();
        for (Call call : statistics.calls(from, to)) {
            LocalDate day = call.startedAt().atZone(zone).toLocalDate();
            days.computeIfAbsent(day, d -> new DayFigures(settings)).add(call);
            total.add(call);
            if (call.answeredBy() != null) {
                operators.computeIfAbsent(call.answeredBy(), o -> new OperatorFigures()).answered(call);
            }
        }
        for (CallCentreStatistics.Callback callback : statistics.callbacks(from, to)) {
            days.computeIfAbsent(callback.at().atZone(zone).toLocalDate(), d -> new DayFigures(settings))
                    .callback(callback.made());
            total.callback(callback.made());
        }
        for (CallCentreStatistics.PresenceSpan span : statistics.presence(from, to)) {
            operators.computeIfAbsent(span.username(), o -> new OperatorFigures()).presence(span);
        }

        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> serviceLevel = new LinkedHashMap<>();
        Map<String, Number> offered = new LinkedHashMap<>();
        days.forEach((day, figures) -> {
            rows.add(figures.row(day));
            serviceLevel.put(day.toString(), figures.serviceLevel());
            offered.put(day.toString(), figures.offered);
        });
        rows.add(total.row(TOTAL));
        List<List<Object>> operatorRows = new ArrayList<>();
        operators.forEach((username, figures) -> operatorRows.add(figures.row(username)));

        List<Series> series = List.of(
                new Series("service-level", Map.of("ro", "Nivel de serviciu % (țintă " + settings.targetPercent()
                        + " % în " + settings.answerSeconds() + " s)", "en", "Service level % (target "
                        + settings.targetPercent() + " % in " + settings.answerSeconds() + " s)"), serviceLevel),
                new Series("offered", Map.of("ro", "Apeluri în coadă", "en", "Calls offered"), offered));
        return new ReportResult(dayColumns(settings), rows, series, List.of(new ReportTable("operators",
                Map.of("ro", "Pe operator", "en", "Per operator"), operatorColumns(), operatorRows)));
    }

    static List<Column> dayColumns(CallCentreStatistics.ServiceLevel settings) {
        return List.of(DAY,
                Column.of("calls", "Apeluri primite", "Calls received", Column.Type.INTEGER),
                Column.of("offered", "În coadă", "Offered", Column.Type.INTEGER),
                Column.of("answered", "Preluate", "Answered", Column.Type.INTEGER),
                Column.of("abandoned", "Abandonate", "Abandoned", Column.Type.INTEGER),
                Column.of("shortAbandoned", "Abandonate sub " + settings.shortAbandonSeconds() + " s",
                        "Abandoned within " + settings.shortAbandonSeconds() + " s", Column.Type.INTEGER),
                Column.of("abandonRate", "Rata de abandon %", "Abandon rate %", Column.Type.PERCENT),
                Column.of("serviceLevel", "Preluate în " + settings.answerSeconds() + " s % (țintă "
                        + settings.targetPercent() + " %)", "Answered within " + settings.answerSeconds()
                        + " s % (target " + settings.targetPercent() + " %)", Column.Type.PERCENT),
                Column.of("asa", "Timp mediu de preluare (s)", "Average speed of answer (s)", Column.Type.DECIMAL),
                Column.of("longestWait", "Așteptarea cea mai lungă (s)", "Longest wait (s)", Column.Type.INTEGER),
                Column.of("aht", "Durata medie a convorbirii (s)", "Average handling time (s)", Column.Type.DECIMAL),
                Column.of("callbacksAsked", "Reveniri cerute", "Call-backs asked for", Column.Type.INTEGER),
                Column.of("callbacksMade", "Reveniri făcute", "Call-backs made", Column.Type.INTEGER),
                Column.of("robotContained", "Rezolvate de robot", "Finished by the robot", Column.Type.INTEGER),
                Column.of("robotContainment", "Rezolvate de robot %", "Robot containment %", Column.Type.PERCENT));
    }

    static List<Column> operatorColumns() {
        return List.of(OPERATOR,
                Column.of("answered", "Preluate", "Answered", Column.Type.INTEGER),
                Column.of("aht", "Durata medie a convorbirii (s)", "Average handling time (s)", Column.Type.DECIMAL),
                Column.of("handlingMinutes", "Minute în convorbiri", "Minutes handling calls", Column.Type.DECIMAL),
                Column.of("availableMinutes", "Minute disponibil sau în convorbiri", "Minutes available or handling",
                        Column.Type.DECIMAL),
                Column.of("occupancy", "Grad de ocupare %", "Occupancy %", Column.Type.PERCENT));
    }

    /** The figures of a day, or of the whole period. */
    static final class DayFigures {
        private final CallCentreStatistics.ServiceLevel goal;
        long calls;
        long offered;
        long answered;
        long abandoned;
        long shortAbandoned;
        long waitOfAnswered;
        long longestWait;
        long talked;
        long talkSeconds;
        long callbacksAsked;
        long callbacksMade;
        long contained;
        /** The day's calls, for the service level as {@link CallCentreStatistics.ServiceLevel} works it out. */
        private final List<Call> all = new ArrayList<>();

        DayFigures(CallCentreStatistics.ServiceLevel goal) {
            this.goal = goal;
        }

        void add(Call call) {
            calls++;
            all.add(call);
            if (call.containedByRobot()) {
                contained++;
            }
            if (!call.queued()) {
                return;
            }
            offered++;
            long wait = call.waitSeconds() == null ? 0 : call.waitSeconds();
            longestWait = Math.max(longestWait, wait);
            if (call.answeredBy() != null) {
                answered++;
                waitOfAnswered += wait;
                if (call.talkSeconds() != null) {
                    talked++;
                    talkSeconds += call.talkSeconds();
                }
            } else if (call.abandoned()) {
                abandoned++;
                if (goal.shortAbandon(call)) {
                    shortAbandoned++;
                }
            }
        }

        void callback(boolean made) {
            if (made) {
                callbacksMade++;
            } else {
                callbacksAsked++;
            }
        }

        /** Answered in time of the calls offered, short abandons left out; {@code null} when none was offered. */
        Double serviceLevel() {
            return goal.achieved(all);
        }

        List<Object> row(Object first) {
            return Arrays.asList(first, calls, offered, answered, abandoned, shortAbandoned,
                    percent(abandoned - shortAbandoned, offered - shortAbandoned), serviceLevel(),
                    mean(waitOfAnswered, answered), offered == 0 ? null : longestWait, mean(talkSeconds, talked),
                    callbacksAsked, callbacksMade, contained, percent(contained, calls));
        }
    }

    /** An operator's calls and time over the period. */
    static final class OperatorFigures {
        long answered;
        long talked;
        long talkSeconds;
        long handlingMillis;
        long availableMillis;

        void answered(Call call) {
            answered++;
            if (call.talkSeconds() != null) {
                talked++;
                talkSeconds += call.talkSeconds();
            }
        }

        /** Time on calls and in wrap-up is handling; that and time available is what occupancy divides by. */
        void presence(CallCentreStatistics.PresenceSpan span) {
            long millis = Duration.between(span.from(), span.to()).toMillis();
            if (CallCentreStatistics.HANDLING.contains(span.presence())) {
                handlingMillis += millis;
                availableMillis += millis;
            } else if (CallCentreStatistics.AVAILABLE.equals(span.presence())) {
                availableMillis += millis;
            }
        }

        List<Object> row(String username) {
            return Arrays.asList(username, answered, mean(talkSeconds, talked), minutes(handlingMillis),
                    minutes(availableMillis), percent(handlingMillis, availableMillis));
        }
    }

    /** {@code sum / count} with two decimals, {@code null} of nothing. */
    static Double mean(long sum, long count) {
        return count == 0 ? null : Math.round(100.0 * sum / count) / 100.0;
    }

    private static double minutes(long millis) {
        return Math.round(millis / 600.0) / 100.0;
    }
}
