package org.civicdesk.report.polls.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.engagement.api.Poll;
import org.civicdesk.engagement.api.PollResults;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The results of the polls that closed in the period (R14): votes per option. Open polls show nothing. In a
 * bundle of its own, installed with the reports while the polls' feature (civicdesk-engagement) is.
 */
@Component(service = Report.class)
public class PollResultsReport extends AbstractReport {
    private final Polls polls;
    private final CityClock clock;

    @Activate
    public PollResultsReport(@Reference Polls polls, @Reference CityClock clock) {
        super("poll-results", "Rezultatele sondajelor", "Poll results", MANAGERS);
        this.polls = polls;
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
        Instant now = Instant.now();
        List<List<Object>> rows = new ArrayList<>();
        List<Poll> closed = polls.list().stream()
                .filter(p -> !p.closesAt().isBefore(from) && p.closesAt().isBefore(to) && p.isClosedAt(now))
                .sorted(Comparator.comparing(Poll::closesAt).thenComparing(Poll::id)).toList();
        for (Poll poll : closed) {
            PollResults results = polls.results(poll.id());
            for (Poll.Option option : poll.options()) {
                long votes = results.votes().getOrDefault(option.key(), 0L);
                rows.add(Arrays.asList(poll.id(), poll.question("ro"), poll.closesAt().atZone(zone).toLocalDate(),
                        option.key(), option.name("ro"), votes, percent(votes, results.total())));
            }
        }
        return new ReportResult(List.of(Column.of("poll", "Sondaj", "Poll", Column.Type.TEXT),
                Column.of("question", "Întrebare", "Question", Column.Type.TEXT),
                Column.of("closed", "Închis la", "Closed on", Column.Type.DATE),
                Column.of("option", "Opțiune", "Option", Column.Type.TEXT),
                Column.of("optionName", "Răspuns", "Answer", Column.Type.TEXT),
                Column.of("votes", "Voturi", "Votes", Column.Type.INTEGER),
                Column.of("share", "Pondere %", "Share %", Column.Type.PERCENT)), rows);
    }
}
