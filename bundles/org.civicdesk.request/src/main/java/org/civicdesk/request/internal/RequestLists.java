package org.civicdesk.request.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;


import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Page;
import org.civicdesk.core.api.Role;
import org.civicdesk.persistence.InLists;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.ServiceRequest;

/**
 * The registry's lists: searches, newest-first pages and a department's workload, each filtered by
 * {@link StateFilter} so that what a viewer may see is decided in one place, and each search recorded in the audit
 * trail. A page is found in two steps: the numbers of its requests, from the requests' state alone (one table, read
 * from the top of the index of the list's order), then those requests' rows.
 */
final class RequestLists {
    private static final int MAX_PAGE = 1000;
    private static final String INFO_KIND = "request";
    /** How many matches a search counts at least before it calls the total a lower bound. */
    static final int COUNTED = 1000;
    /** How many requests of a citizen, or having a word, a list sorts itself; past that it reads them as any filter. */
    private static final int CANDIDATES = 3000;
    private static final String STATE = " FROM CD_REQUEST_STATE s";
    private static final String OPEN_ORDER = "s.DEADLINE, s.REGISTERED_MS DESC, s.REQ_NUMBER DESC";
    /** The index of finished or open requests by registration, newest first. */
    private static final String FINISHED_REGISTERED = "CD_STATE_FINISHED_REGISTERED";
    /** The longest registration period whose open requests a list reads day by day. */
    private static final Duration SHORT_PERIOD = Duration.ofDays(31);
    private static final String NEWEST_ORDER = "s.REGISTERED_MS DESC, s.REQ_NUMBER DESC";

    /** The orders lists show. */
    private enum Order {
        /** Open requests first, the oldest deadline (the longest overdue) first, then the newest; the finished ones
         * after them, newest first. */
        OPEN_FIRST,
        /** The newest first. */
        NEWEST
    }

    private final JpaTransactions tx;
    private final Jdbc jdbc;
    private final AuditLog audit;
    private final CityClock clock;
    private final PersonalTexts texts;

    RequestLists(JpaTransactions tx, Jdbc jdbc, AuditLog audit, CityClock clock, PersonalTexts texts) {
        this.texts = texts;
        this.tx = tx;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private static void checkRange(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.of("limit", "page.range", MAX_PAGE);
        }
    }

    /**
     * A page of what {@code q} matches that {@code actor} may see, audited: the open requests first, the oldest deadline
     * (so the longest overdue) first, then the finished ones, newest first. Each part is read from the top of the index
     * of its order (CD_STATE_OPEN_ORDER, CD_STATE_FINISHED_REGISTERED), so that a page costs about the same with a thousand
     * requests or a million; a citizen's requests and those having a rare word are few, and sorted here; the open requests
     * of a short registration period are read day by day (CD_STATE_OPEN_DAY) and merged. The total is
     * exact up to {@link #COUNTED} matches beyond the page; past that it is a lower bound ({@link Page#exact()} false):
     * counting a million rows for "1–50 of …" is what made the console's first screen slow.
     */
    Page<ServiceRequest> search(Actor actor, RequestQuery q, int offset, int limit) {
        checkRange(offset, limit);
        LocalDate today = clock.today();
        SqlWhere where = StateFilter.of(actor, q, today, clock.zone(), texts);
        Page<ServiceRequest> page;
        Optional<Set<String>> few = candidates(q);
        if (few.isPresent()) {
            List<String> all = sortedAmong(where, few.get(), Order.OPEN_FIRST);
            page = new Page<>(rows(all.stream().skip(offset).limit(limit).toList(), today), all.size(), offset, limit, true);
        } else {
            int wanted = offset + limit;
            boolean dense = dense(actor, q);
            List<String> numbers = new ArrayList<>();
            int open = 0;
            if (!Boolean.TRUE.equals(q.done()) && (q.status() == null || anyOpenIn(q.status()))) {
                // A short registration period's open requests lie together along their registration, not their deadline
                // (the recent ones have the latest deadlines): read day by day, not looked for along the whole backlog.
                Optional<StateFilter.Registrations> period = StateFilter.registrations(q, clock.zone(), clock.now())
                        .filter(p -> dense && p.length().compareTo(SHORT_PERIOD) <= 0);
                List<String> openFirst = period.isPresent() ? openDayByDay(where, period.get(), wanted)
                        : numbers(where, Boolean.FALSE, dense ? "CD_STATE_OPEN_ORDER" : null, OPEN_ORDER, 0, wanted);
                open = openFirst.size();
                numbers.addAll(openFirst.subList(Math.min(offset, open), open));
            }
            if (open < wanted && !Boolean.FALSE.equals(q.done()) && !Boolean.TRUE.equals(q.overdue())) {
                // Fewer open matches than the page reaches: that is all of them; the finished ones follow.
                numbers.addAll(numbers(where, Boolean.TRUE, dense ? FINISHED_REGISTERED : null, NEWEST_ORDER,
                        Math.max(0, offset - open), limit - numbers.size()));
            }
            long bound = Math.max(COUNTED, wanted);
            long counted = jdbc.query("count requests", "SELECT s.REQ_NUMBER" + STATE + where.sql, rs -> Boolean.TRUE,
                    (int) bound + 1, where.parameters()).size();
            boolean exact = counted <= bound;
            page = new Page<>(rows(numbers, today), exact ? counted : bound, offset, limit, exact);
        }
        audit.record(new AuditEvent(actor.username(), "request.search", INFO_KIND, "request", null,
                "filter=" + audited(q) + " results=" + page.total() + (page.exact() ? "" : "+")));
        return page;
    }

    /** A newest-first page of what {@code q} matches that {@code actor} may see, with no count; audited. */
    List<ServiceRequest> newest(Actor actor, RequestQuery q, int offset, int limit) {
        checkRange(offset, limit);
        LocalDate today = clock.today();
        SqlWhere where = StateFilter.of(actor, q, today, clock.zone(), texts);
        Optional<Set<String>> few = candidates(q);
        List<ServiceRequest> items;
        if (few.isPresent() && few.get().size() <= offset + limit) {
            // All of them on the page or before it (a citizen's requests in their 360° view): their rows read at once.
            items = texts.opened(InLists.inSlices(new ArrayList<>(few.get()), slice -> jdbc.query("list requests",
                    RequestRows.SELECT + where.sql + " AND r.REQ_NUMBER" + InLists.marks(slice.size()),
                    rs -> RequestRows.of(rs, today), 0, where.parametersAnd(slice))).stream().sorted(NEWEST_FIRST)
                    .skip(offset).limit(limit).toList());
        } else {
            List<String> numbers = few.isPresent()
                    ? sortedAmong(where, few.get(), Order.NEWEST).stream().skip(offset).limit(limit).toList()
                    : numbers(where, null, !dense(actor, q) ? null : q.done() == null ? "CD_STATE_NEWEST"
                            : FINISHED_REGISTERED, NEWEST_ORDER, offset, limit);
            items = rows(numbers, today);
        }
        audit.record(new AuditEvent(actor.username(), "request.search", INFO_KIND, "request", null,
                "filter=" + audited(q) + " newest offset=" + offset + " results=" + items.size()));
        return items;
    }

    /**
     * The filter as the audit trail keeps it: the words typed only counted, for they may be a person's name, which
     * would outlive the person's erasure in an append-only record.
     */
    static String audited(RequestQuery q) {
        if (q.text() == null || q.text().isBlank()) {
            return q.toString();
        }
        int words = q.text().strip().split("\\s+").length;
        return new RequestQuery(q.status(), q.type(), q.department(), q.assignee(), q.channel(), q.citizenId(), q.overdue(),
                words + (words == 1 ? " word" : " words"), q.from(), q.to(), q.registeredAfter(), q.registeredBefore(),
                q.changedAfter(), q.changedBefore(), q.types(), q.done()).toString();
    }

    /**
     * Whether what {@code q} asks leaves many requests (no assignee, citizen, words or recent change, and a viewer who
     * sees a department or more): its page is then read from the top of the index of its order, which Derby's planner,
     * not knowing that a page stops early, would not choose by itself. A registration period is read there too: its
     * open requests among all open ones (a bounded backlog), its finished ones from a range of the index.
     */
    private static boolean dense(Actor actor, RequestQuery q) {
        return q.assignee() == null && q.citizenId() == null && StateFilter.words(q).isEmpty()
                && q.changedAfter() == null && (Visibility.seesAll(actor) || actor.has(Role.SUPERVISOR));
    }

    /**
     * The numbers of the requests matching {@code where} (and finished or not, unless {@code finished} is null) in
     * {@code order}, from {@code offset}, at most {@code limit}: read along {@code index} when named.
     */
    private List<String> numbers(SqlWhere where, Boolean finished, String index, String order, int offset, int limit) {
        String from = STATE + (index == null ? "" : Jdbc.along(index));
        return jdbc.query("list requests", "SELECT s.REQ_NUMBER" + from + where.sql
                + (finished == null ? "" : " AND s.FINISHED = ?") + " ORDER BY " + order + " OFFSET " + offset
                + " ROWS FETCH NEXT " + limit + " ROWS ONLY", rs -> rs.getString(1), 0,
                finished == null ? where.parameters() : where.parametersAnd(finished));
    }

    /**
     * The first {@code wanted} open requests matching {@code where}, registered in {@code period}, in the open-first
     * order: each registration day's first ones from the top of CD_STATE_OPEN_DAY, merged. A day's are in deadline order
     * in that index; the period's are not in any, and sorting them all read every open request of the period.
     */
    private List<String> openDayByDay(SqlWhere where, StateFilter.Registrations period, int wanted) {
        List<OpenKey> firsts = new ArrayList<>();
        for (int day = RequestStateEntity.registeredDay(period.start());
                day <= RequestStateEntity.registeredDay(Math.max(period.start(), period.end() - 1)); day++) {
            firsts.addAll(jdbc.query("list requests", "SELECT s.REQ_NUMBER, s.FINISHED, s.DEADLINE, s.REGISTERED_MS" + STATE
                    + Jdbc.along("CD_STATE_OPEN_DAY") + where.sql + " AND s.FINISHED = ? AND s.REGISTERED_DAY = ?"
                    + " ORDER BY " + OPEN_ORDER + " FETCH NEXT " + wanted + " ROWS ONLY", OpenKey::of, 0,
                    where.parametersAnd(Boolean.FALSE, day)));
        }
        return firsts.stream().sorted(OpenKey.OPEN_FIRST).limit(wanted).map(OpenKey::number).toList();
    }

    /** The newest first; one millisecond's by number, the highest first, as {@link OpenKey#NEWEST}. */
    private static final Comparator<ServiceRequest> NEWEST_FIRST = Comparator.comparing(ServiceRequest::registeredAt)
            .thenComparing(r -> r.number().toString()).reversed();

    /** What the list orders a request by: open or not, its deadline, its registration, its number. */
    private record OpenKey(String number, boolean finished, String deadline, long registered) {
        /** The newest first; one millisecond's by number, the highest first (the state's REQ_NUMBER DESC). */
        static final Comparator<OpenKey> NEWEST = Comparator.comparingLong(OpenKey::registered).reversed()
                .thenComparing(OpenKey::number, Comparator.reverseOrder());
        /** Open first, by deadline, then the newest; the finished ones after, newest first. */
        static final Comparator<OpenKey> OPEN_FIRST = Comparator.comparing(OpenKey::finished)
                .thenComparing(k -> k.finished() ? "" : k.deadline()).thenComparing(NEWEST);

        static OpenKey of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new OpenKey(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4));
        }
    }

    /** Whether any open request is in {@code status} (CD_STATE_OPEN_STATUS): none is in a final one. */
    private boolean anyOpenIn(String status) {
        // Told the index: Derby would read the status's own, every resolved request, to find that none is open.
        return !jdbc.query("look for an open request in a status", "SELECT s.REQ_NUMBER" + STATE
                + Jdbc.along("CD_STATE_OPEN_STATUS") + " WHERE s.FINISHED = ? AND s.STATUS = ?",
                rs -> Boolean.TRUE, 1, Boolean.FALSE, status).isEmpty();
    }

    /**
     * The numbers of the few requests {@code q} can only match: those of its citizen, or having its rarest word, when
     * there are at most {@link #CANDIDATES} (from CD_REQUEST_CITIZEN, CD_REQUEST_TOKEN_TOKEN); empty when there is no such
     * few.
     */
    private Optional<Set<String>> candidates(RequestQuery q) {
        if (q.citizenId() != null) {
            Optional<Set<String>> filed = atMost("SELECT REQ_NUMBER FROM CD_REQUEST WHERE CITIZEN_ID = ?", q.citizenId());
            if (filed.isPresent()) {
                return filed;
            }
        }
        // The longest word first: the likeliest to be rare. The first few enough will do (the filter checks the rest).
        for (String word : StateFilter.words(q)) {
            Optional<Set<String>> having = atMost("SELECT REQ_NUMBER FROM " + RequestWords.TOKENS + " WHERE TOKEN = ?",
                    RequestWords.hashOf(texts, word));
            if (having.isPresent()) {
                return having;
            }
        }
        return Optional.empty();
    }

    private Optional<Set<String>> atMost(String sql, Object... parameters) {
        List<String> found = jdbc.query("find requests", sql, rs -> rs.getString(1), CANDIDATES + 1, parameters);
        return found.size() > CANDIDATES ? Optional.empty() : Optional.of(new HashSet<>(found));
    }

    /** The numbers of those of {@code candidates} that match {@code where}, in {@code order}: sorted here. */
    private List<String> sortedAmong(SqlWhere where, Set<String> candidates, Order order) {
        List<OpenKey> keys = InLists.inSlices(new ArrayList<>(candidates), slice -> jdbc.query("list requests",
                "SELECT s.REQ_NUMBER, s.FINISHED, s.DEADLINE, s.REGISTERED_MS" + STATE + where.sql + " AND s.REQ_NUMBER"
                        + InLists.marks(slice.size()), OpenKey::of, 0, where.parametersAnd(slice)));
        return keys.stream().distinct().sorted(order == Order.NEWEST ? OpenKey.NEWEST : OpenKey.OPEN_FIRST)
                .map(OpenKey::number).toList();
    }

    /** The requests numbered {@code numbers}, in that order. */
    private List<ServiceRequest> rows(List<String> numbers, LocalDate today) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<String, ServiceRequest> read = new HashMap<>();
        InLists.inSlices(numbers, slice -> jdbc.query("list requests", RequestRows.SELECT + " WHERE r.REQ_NUMBER"
                + InLists.marks(slice.size()), rs -> RequestRows.of(rs, today), 0, slice.toArray()))
                .forEach(dto -> read.put(dto.number().toString(), dto));
        // Opened after the read, with all of the page's keys read at once.
        texts.opened(new ArrayList<>(read.values())).forEach(dto -> read.put(dto.number().toString(), dto));
        return numbers.stream().map(read::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Open requests of a department by assignee ("" for none). */
    Map<String, Long> workload(Actor actor, String department) {
        if (department == null || department.isBlank()) {
            throw InvalidInputException.of("department", "department.required");
        }
        if (!Visibility.canAssign(actor, department)) {
            throw new AccessDeniedException("only a supervisor of " + department + " or an administrator sees its workload");
        }
        Map<String, Long> load = new TreeMap<>();
        tx.read(em -> em.createQuery("SELECT s.assignee, COUNT(s) FROM RequestStateEntity s"
                + " WHERE s.department = ?1 AND s.finished = false GROUP BY s.assignee",
                Object[].class).setParameter(1, department).getResultList())
                .forEach(row -> load.put(row[0] == null ? "" : (String) row[0], ((Number) row[1]).longValue()));
        return load;
    }
}
