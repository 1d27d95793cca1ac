package org.civicdesk.report.callcentre.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.api.CallCentreStatistics.CallDay;
import org.civicdesk.core.api.Actor;
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

    @Activate
    public CallCentreReport(@Reference CallCentreStatistics statistics) {
        super("call-centre", "Centrul de apeluri", "Call centre", Set.of(Role.ADMIN, Role.SUPERVISOR));
        this.statistics = statistics;
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        CallCentreStatistics.ServiceLevel settings = statistics.serviceLevel();
        // A row and a figure per day summed once the day is over: a year is a few hundred of them, not every call.
        List<CallDay> days = statistics.days(parameters.from(), parameters.to());
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Number> serviceLevel = new LinkedHashMap<>();
        Map<String, Number> offered = new LinkedHashMap<>();
        Map<String, OperatorFigures> operators = new TreeMap<>();
        for (CallDay day : days) {
            DayFigures figures = new DayFigures(settings, List.of(day));
            rows.add(figures.row(day.day()));
            serviceLevel.put(day.day().toString(), figures.serviceLevel());
            offered.put(day.day().toString(), day.queued());
            day.operators().forEach(o -> operators.computeIfAbsent(o.username(), u -> new OperatorFigures()).add(o));
        }
        rows.add(new DayFigures(settings, days).row(TOTAL));
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
        private final List<CallDay> days;
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

        DayFigures(CallCentreStatistics.ServiceLevel goal, List<CallDay> days) {
            this.goal = goal;
            this.days = days;
            for (CallDay day : days) {
                calls += day.calls();
                offered += day.queued();
                answered += day.answered();
                abandoned += day.abandoned();
                shortAbandoned += goal.shortAbandons(day);
                waitOfAnswered += day.waitOfAnswered();
                longestWait = Math.max(longestWait, day.longestWait());
                talked += day.talked();
                talkSeconds += day.talkSeconds();
                callbacksAsked += day.callbacksAsked();
                callbacksMade += day.callbacksMade();
                contained += day.contained();
            }
        }

        /** Answered in time of the calls offered, short abandons left out; {@code null} when none was offered. */
        Double serviceLevel() {
            return goal.achievedOver(days);
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

        void add(CallCentreStatistics.OperatorDay day) {
            answered += day.answered();
            talked += day.talked();
            talkSeconds += day.talkSeconds();
            handlingMillis += day.handlingMillis();
            availableMillis += day.availableMillis();
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

    /** Milliseconds as minutes with two decimals. */
    static double minutes(long millis) {
        return Math.round(millis / 600.0) / 100.0;
    }
}
