package org.civicdesk.engagement.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.engagement.api.Poll;
import org.civicdesk.engagement.api.PollResults;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenKind;
import org.civicdesk.identity.api.NationalIds;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Polls, their options, who voted ({@code CD_POLL_PARTICIPATION}, one row per citizen and poll:
 * the primary key makes a second vote fail on every node) and the ballots
 * ({@code CD_POLL_BALLOT}: poll and option only, under a random id, no time) — written in one
 * transaction, all append-only.
 */
@Component(service = Polls.class)
public class PollsImpl implements Polls {
    static final String POLLS = "CD_POLL";
    static final String OPTIONS = "CD_POLL_OPTION";
    static final String PARTICIPATION = "CD_POLL_PARTICIPATION";
    static final String BALLOTS = "CD_POLL_BALLOT";
    private static final int MAX_QUESTION = 500;

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final CityClock clock;

    @Activate
    public PollsImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference AuditLog audit, @Reference CityClock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.audit = audit;
        this.clock = clock;
        SchemaMigrations.update(dataSource, PollsImpl.class);
    }

    @Override
    public Poll create(Actor actor, Map<String, String> questions, List<Poll.Option> options, Instant opensAt,
            Instant closesAt, int minimumAge) {
        Staff.requireSupervisorOrAdmin(actor, "sets up polls");
        Map<String, String> checked = Texts.check("questions", questions, MAX_QUESTION);
        Window.check(opensAt, closesAt);
        if (minimumAge < 0 || minimumAge > 120) {
            throw InvalidInputException.of("minimumAge", "poll.minimumAge");
        }
        if (options == null || options.size() < 2 || options.size() > 20) {
            throw InvalidInputException.of("options", "poll.options");
        }
        List<Poll.Option> cleaned = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Poll.Option option : options) {
            String key = option == null || option.key() == null ? "" : option.key().strip();
            if (!key.matches("[a-z0-9_-]{1,30}") || !keys.add(key)) {
                throw InvalidInputException.of("options", "poll.optionKeys");
            }
            cleaned.add(new Poll.Option(key, Texts.check("options." + key, option.names(), 200)));
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + POLLS + " (ID, QUESTION_RO, QUESTION_EN, "
                        + "OPENS_MS, CLOSES_MS, MIN_AGE, CREATED_BY, CREATED_MS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Jdbc.bind(ps, id, checked.get("ro"), checked.get("en"), opensAt.toEpochMilli(), closesAt.toEpochMilli(),
                            minimumAge, actor.username(), now.toEpochMilli());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + OPTIONS + " (POLL_ID, POS, OPTION_KEY, "
                        + "NAME_RO, NAME_EN) VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < cleaned.size(); i++) {
                        Poll.Option option = cleaned.get(i);
                        Jdbc.bind(ps, id, i + 1, option.key(), option.names().get("ro"), option.names().get("en"));
                        ps.executeUpdate();
                    }
                }
                audit.record(c, new AuditEvent(actor.username(), "poll.create", "poll", "poll", id, "opens=" + opensAt
                        + " closes=" + closesAt), null);
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("setting up a poll", e);
        }
        return new Poll(id, checked, cleaned, opensAt, closesAt, minimumAge, actor.username(), now);
    }

    @Override
    public List<Poll> list() {
        return withOptions(jdbc.query("reading polls", "SELECT ID, QUESTION_RO, QUESTION_EN, OPENS_MS, CLOSES_MS, MIN_AGE, "
                + "CREATED_BY, CREATED_MS FROM " + POLLS + " ORDER BY CREATED_MS DESC", PollsImpl::read, 500));
    }

    @Override
    public Optional<Poll> get(String id) {
        return withOptions(jdbc.query("reading a poll", "SELECT ID, QUESTION_RO, QUESTION_EN, OPENS_MS, CLOSES_MS, MIN_AGE, "
                + "CREATED_BY, CREATED_MS FROM " + POLLS + " WHERE ID = ?", PollsImpl::read, 1, id)).stream().findFirst();
    }

    @Override
    public void vote(Citizen citizen, String pollId, String optionKey, String channel) {
        Poll poll = get(pollId).orElseThrow(() -> new NotFoundException("no poll " + pollId));
        Instant now = Instant.now();
        if (!poll.isOpenAt(now)) {
            throw new ConflictException(now.isBefore(poll.opensAt()) ? "the poll opens at " + poll.opensAt()
                    : "the poll closed at " + poll.closesAt());
        }
        if (poll.options().stream().noneMatch(o -> o.key().equals(optionKey))) {
            throw InvalidInputException.of("option", "poll.noOption", TextInput.line("option", optionKey, 40));
        }
        requireEligible(citizen, poll);
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + PARTICIPATION + " (POLL_ID, CITIZEN_ID, "
                        + "CHANNEL, VOTED_MS) VALUES (?, ?, ?, ?)")) {
                    Jdbc.bind(ps, pollId, citizen.id(), channel == null ? "unknown" : channel, now.toEpochMilli());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + BALLOTS + " (BALLOT_ID, POLL_ID, OPTION_KEY) "
                        + "VALUES (?, ?, ?)")) {
                    Jdbc.bind(ps, UUID.randomUUID().toString(), pollId, optionKey);
                    ps.executeUpdate();
                }
                // Who voted, never how.
                audit.record(c, new AuditEvent("citizen:" + citizen.id(), "poll.vote", "poll", "poll", pollId,
                        "channel=" + channel), null);
                return null;
            });
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("this citizen has voted in this poll already");
            }
            throw SqlErrors.unchecked("recording a vote", e);
        }
    }

    private void requireEligible(Citizen citizen, Poll poll) {
        if (citizen.kind() != CitizenKind.PERSON) {
            throw new AccessDeniedException("only persons vote in local polls, not companies");
        }
        LocalDate born = NationalIds.birthDateOf(citizen.nationalId());
        LocalDate closing = LocalDate.ofInstant(poll.closesAt(), clock.zone());
        if (Period.between(born, closing).getYears() < poll.minimumAge()) {
            throw new AccessDeniedException("voters in this poll are at least " + poll.minimumAge() + " years old");
        }
    }

    @Override
    public boolean hasVoted(Citizen citizen, String pollId) {
        return !jdbc.query("reading a vote", "SELECT 1 FROM " + PARTICIPATION + " WHERE POLL_ID = ? AND CITIZEN_ID = ?",
                rs -> 1, 1, pollId, citizen.id()).isEmpty();
    }

    @Override
    public PollResults results(String pollId) {
        Poll poll = get(pollId).orElseThrow(() -> new NotFoundException("no poll " + pollId));
        if (!poll.isClosedAt(Instant.now())) {
            throw new ConflictException("the results are shown after the poll closes, at " + poll.closesAt());
        }
        Map<String, Long> votes = new LinkedHashMap<>();
        poll.options().forEach(o -> votes.put(o.key(), 0L));
        jdbc.query("counting votes", "SELECT OPTION_KEY, COUNT(*) FROM " + BALLOTS + " WHERE POLL_ID = ? GROUP BY OPTION_KEY",
                rs -> votes.put(rs.getString(1), rs.getLong(2)), 0, pollId);
        return new PollResults(pollId, votes, votes.values().stream().mapToLong(Long::longValue).sum());
    }

    private List<Poll> withOptions(List<Poll> polls) {
        List<Poll> complete = new ArrayList<>();
        for (Poll poll : polls) {
            List<Poll.Option> options = jdbc.query("reading poll options", "SELECT OPTION_KEY, NAME_RO, NAME_EN FROM "
                    + OPTIONS + " WHERE POLL_ID = ? ORDER BY POS", rs -> new Poll.Option(rs.getString(1), rs.getString(3) == null
                            ? Map.of("ro", rs.getString(2)) : Map.of("ro", rs.getString(2), "en", rs.getString(3))), 0,
                    poll.id());
            complete.add(new Poll(poll.id(), poll.questions(), options, poll.opensAt(), poll.closesAt(), poll.minimumAge(),
                    poll.createdBy(), poll.createdAt()));
        }
        return complete;
    }

    private static Poll read(java.sql.ResultSet rs) throws SQLException {
        Map<String, String> questions = rs.getString(3) == null ? Map.of("ro", rs.getString(2))
                : Map.of("ro", rs.getString(2), "en", rs.getString(3));
        return new Poll(rs.getString(1), questions, List.of(), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)));
    }
}
