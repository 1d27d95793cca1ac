package org.civicdesk.identity.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SqlErrors;

/**
 * The citizens who have every one of several search tokens, found by reading each token's citizens in the order of
 * their ids, a little of each at a time, and keeping those every token has: "Ionescu Elena" at a million citizens is
 * two runs of 125,000 ids that share one in eight — a few thousand ids read from each run find the first two hundred,
 * where checking each Ionescu for Elena was a random read in the index per Ionescu. A token few citizens have is read
 * to its end at once, and its citizens beyond what was read of the others are checked one by one (a rare name with a
 * common street, "Bench 17 nr 18").
 *
 * <p>The ids must come from the database in Java's order of strings: citizens' ids (UUIDs, lower case) do in any
 * collation. If they do not (an import's ids under a language's collation), the search falls back to a join that checks
 * the first token's citizens for the others, slower but right.
 */
final class TokenRuns {
    /** How many of a token's citizens the first read reads; each further read four times as many, up to {@link #MOST}. */
    private static final int FIRST = 2_000;
    private static final int MOST = 50_000;
    /** At most so many citizens are checked one by one for the tokens not read to their end; past that, read on. */
    private static final int CHECKED = 2_000;

    private final Jdbc jdbc;
    private final String table;

    TokenRuns(Jdbc jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The ids of the citizens who have every one of {@code tokens} (keyed hashes), in the order of ids, at most {@code max}. */
    List<String> common(List<Long> tokens, int max) {
        if (tokens.size() == 1) {
            return jdbc.query("find citizens by a search token", "SELECT CITIZEN_ID FROM " + table + " WHERE TOKEN = ?"
                    + " ORDER BY CITIZEN_ID", rs -> rs.getString(1), max, tokens.get(0));
        }
        List<Run> runs = tokens.stream().map(Run::new).toList();
        try {
            for (int read = FIRST;; read = Math.min(MOST, read * 4)) {
                for (Run run : runs) {
                    if (!run.complete) {
                        run.readOn(read);
                    }
                }
                Optional<String> horizon = runs.stream().filter(run -> !run.complete).map(Run::last)
                        .min(Comparator.naturalOrder());
                List<String> found = commonUpTo(runs, horizon.orElse(null), max);
                if (found.size() >= max || horizon.isEmpty()) {
                    return found;
                }
                Optional<Run> fewest = runs.stream().filter(run -> run.complete).min(Comparator.comparingInt(Run::size));
                if (fewest.isPresent()) {
                    List<String> beyond = fewest.get().ids.stream().filter(id -> id.compareTo(horizon.get()) > 0)
                            .filter(id -> runs.stream().allMatch(run -> !run.complete || run.has(id))).toList();
                    if (beyond.size() <= CHECKED) {
                        found.addAll(checked(beyond, runs, max - found.size()));
                        return found;
                    }
                }
            }
        } catch (OutOfOrder e) {
            return joined(runs.stream().sorted(Comparator.comparingInt(Run::size)).map(run -> run.token).toList(), max);
        }
    }

    /** The ids up to {@code horizon} (null: all) of the run read least far that every run has, at most {@code max}. */
    private static List<String> commonUpTo(List<Run> runs, String horizon, int max) {
        Run fewest = runs.stream().min(Comparator.comparingInt(Run::size)).orElseThrow();
        List<String> found = new ArrayList<>();
        for (String id : fewest.ids) {
            if (found.size() >= max || horizon != null && id.compareTo(horizon) > 0) {
                break;
            }
            if (runs.stream().allMatch(run -> run.has(id))) {
                found.add(id);
            }
        }
        return found;
    }

    /**
     * Those of {@code candidates} (in order) that every run has, at most {@code max}: a run read past a candidate knows;
     * for the others the index is asked for each (an IN list on the second column of the key is a read of the token's
     * every citizen in Derby), until enough are found.
     */
    private List<String> checked(List<String> candidates, List<Run> runs, int max) {
        try {
            return jdbc.inTransaction(c -> {
                List<String> found = new ArrayList<>();
                try (PreparedStatement has = c.prepareStatement("SELECT 1 FROM " + table + " WHERE TOKEN = ?"
                        + " AND CITIZEN_ID = ?")) {
                    for (String id : candidates) {
                        if (found.size() >= max) {
                            break;
                        }
                        boolean everyRun = true;
                        for (Run run : runs) {
                            everyRun = run.knows(id) ? run.has(id) : asked(has, run.token, id);
                            if (!everyRun) {
                                break;
                            }
                        }
                        if (everyRun) {
                            found.add(id);
                        }
                    }
                }
                return found;
            });
        } catch (SQLException e) {
            throw SqlErrors.unchecked("checking citizens for search tokens", e);
        }
    }

    private static boolean asked(PreparedStatement has, long token, String id) throws SQLException {
        has.setLong(1, token);
        has.setString(2, id);
        try (ResultSet rs = has.executeQuery()) {
            return rs.next();
        }
    }

    /** The citizens with every token, the first token's each checked for the others by the database. */
    private List<String> joined(List<Long> tokens, int max) {
        StringBuilder sql = new StringBuilder("SELECT t0.CITIZEN_ID FROM " + table + " t0");
        List<Object> parameters = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            sql.append(" JOIN ").append(table).append(" t").append(i).append(" ON t").append(i).append(".TOKEN = ? AND t")
                    .append(i).append(".CITIZEN_ID = t0.CITIZEN_ID");
            parameters.add(tokens.get(i));
        }
        parameters.add(tokens.get(0));
        return jdbc.query("find citizens by search tokens", sql.append(" WHERE t0.TOKEN = ?").toString(),
                rs -> rs.getString(1), max, parameters.toArray());
    }

    private static Object[] parameters(long token, List<String> ids) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(token);
        parameters.addAll(ids);
        return parameters.toArray();
    }

    /** What the database answered that Java orders otherwise. */
    private static final class OutOfOrder extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfOrder() {
            super(null, null, false, false);
        }
    }

    /** The citizens of one token read so far, in the order of their ids. */
    private final class Run {
        final long token;
        final List<String> ids = new ArrayList<>();
        final Set<String> known = new HashSet<>();
        boolean complete;

        Run(long token) {
            this.token = token;
        }

        void readOn(int count) {
            List<String> next = ids.isEmpty()
                    ? jdbc.query("read citizens of a search token", "SELECT CITIZEN_ID FROM " + table + " WHERE TOKEN = ?"
                            + " ORDER BY CITIZEN_ID", rs -> rs.getString(1), count, token)
                    : jdbc.query("read citizens of a search token", "SELECT CITIZEN_ID FROM " + table + " WHERE TOKEN = ?"
                            + " AND CITIZEN_ID > ? ORDER BY CITIZEN_ID", rs -> rs.getString(1), count, token, last());
            for (String id : next) {
                if (!ids.isEmpty() && id.compareTo(last()) <= 0) {
                    throw new OutOfOrder();
                }
                ids.add(id);
                known.add(id);
            }
            complete = next.size() < count;
        }

        String last() {
            return ids.get(ids.size() - 1);
        }

        int size() {
            return ids.size();
        }

        /** Whether the token's having {@code id} is known from what was read: it was read to its end, or past it. */
        boolean knows(String id) {
            return complete || id.compareTo(last()) <= 0;
        }

        /** Whether the token's citizens read so far include {@code id}. */
        boolean has(String id) {
            return known.contains(id);
        }
    }
}
