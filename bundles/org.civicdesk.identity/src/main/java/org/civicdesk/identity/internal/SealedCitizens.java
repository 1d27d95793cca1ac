package org.civicdesk.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.persistence.InLists;
import org.civicdesk.persistence.Jdbc;

/**
 * Citizens sealed for CD_CITIZEN and opened again, and the keyed hashes of their search tokens
 * ({@link SearchTerms#tokensOf}) in CD_CITIZEN_TOKEN: the database holds nothing of a person's identity in clear.
 */
final class SealedCitizens {
    static final String TOKENS = "CD_CITIZEN_TOKEN";

    private final CitizenKeysImpl keys;
    private final Jdbc jdbc;

    SealedCitizens(CitizenKeysImpl keys, Jdbc jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /**
     * A new row for {@code plain}, its fields sealed with the person's key (made now, in the caller's transaction, if
     * they have none), and its search tokens.
     */
    CitizenEntity seal(Connection transaction, Citizen plain) throws SQLException {
        CitizenEntity stored = new CitizenEntity(plain.id(), plain.kind(), plain.registered().toEpochMilli());
        reseal(transaction, stored, null, plain);
        return stored;
    }

    /**
     * Puts {@code after} in force in {@code stored}, sealed, and changes its search tokens from those of {@code before}
     * (what {@code stored} held, opened; null for a new row or one in clear) to those of {@code after}.
     */
    void reseal(Connection transaction, CitizenEntity stored, Citizen before, Citizen after) throws SQLException {
        javax.crypto.SecretKey key = keys.keyIn(transaction, after.id());
        boolean indexed = stored.tokensIndexed();
        stored.store(after, value -> keys.seal(key, after.id(), value), keys);
        index(transaction, indexed ? before : null, after);
    }

    /** The person {@code stored} is, opened with their key; an erased person's sealed fields open to nothing. */
    Citizen open(CitizenEntity stored) {
        return stored.toDto(value -> keys.open(stored.id(), value).orElse(null));
    }

    /** These people opened, their keys read in one query (at most a few hundred at a time: an IN list). */
    List<Citizen> openAll(List<CitizenEntity> stored) {
        keys.preload(stored.stream().map(CitizenEntity::id).toList());
        return stored.stream().map(this::open).toList();
    }

    /**
     * These people opened, in no particular order, read in plain SQL with their keys in the same statement; those not
     * on record are left out.
     */
    List<Citizen> read(List<String> ids) {
        java.util.Map<String, CitizenEntity> rows = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> wrapped = new java.util.HashMap<>();
        InLists.inSlices(ids, slice -> jdbc.query("read citizens", "SELECT " + CitizenEntity.COLUMNS + ", k.WRAPPED_KEY"
                + " FROM CD_CITIZEN c LEFT JOIN " + CitizenKeysImpl.TABLE + " k ON k.CITIZEN_ID = c.ID WHERE c.ID"
                + InLists.marks(slice.size()), rs -> {
                    CitizenEntity row = CitizenEntity.stored(rs);
                    wrapped.put(row.id(), rs.getString(CitizenEntity.COLUMN_COUNT + 1));
                    return row;
                }, 0, slice.toArray())).forEach(row -> rows.putIfAbsent(row.id(), row));
        keys.remember(wrapped);
        return rows.values().stream().map(this::open).toList();
    }

    /**
     * Changes a person's search tokens from those of {@code before} (null: they have none) to those of {@code after}, in
     * the caller's transaction: only the tokens that differ are written. The tokens are found by what they are, never by
     * whose they are (an index by citizen would be as large as the tokens' own), so {@code before} must be the person
     * whose tokens are on record.
     */
    void index(Connection transaction, Citizen before, Citizen after) throws SQLException {
        Set<Long> old = before == null ? Set.of() : new HashSet<>(tokens(before));
        Set<Long> now = new HashSet<>(tokens(after));
        write(transaction, "DELETE FROM " + TOKENS + " WHERE TOKEN = ? AND CITIZEN_ID = ?", old.stream()
                .filter(token -> !now.contains(token)).toList(), after.id());
        write(transaction, "INSERT INTO " + TOKENS + " (TOKEN, CITIZEN_ID) VALUES (?, ?)", now.stream()
                .filter(token -> !old.contains(token)).toList(), after.id());
    }

    /** The keyed hashes of {@code plain}'s search tokens, each once. */
    List<Long> tokens(Citizen plain) {
        return SearchTerms.tokensOf(plain.nationalId(), plain.lastName(), plain.firstName(), plain.address()).stream()
                .map(keys::searchToken).distinct().toList();
    }

    /** Deletes the search tokens of {@code stored} (the person as on record, opened), in the caller's transaction. */
    void forget(Connection transaction, Citizen stored) throws SQLException {
        write(transaction, "DELETE FROM " + TOKENS + " WHERE TOKEN = ? AND CITIZEN_ID = ?", tokens(stored), stored.id());
    }

    /** Runs {@code sql} (a token's hash and a citizen's id) for each of {@code tokens}, in one batch. */
    private static void write(Connection transaction, String sql, List<Long> tokens, String citizenId)
            throws SQLException {
        if (tokens.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = transaction.prepareStatement(sql)) {
            for (long token : tokens) {
                ps.setLong(1, token);
                ps.setString(2, citizenId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The ids of the citizens who have every one of {@code tokens}, in the order of their ids, at most {@code max}; none
     * for no tokens.
     */
    List<String> withTokens(List<String> tokens, int max) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        return new TokenRuns(jdbc, TOKENS).common(tokens.stream().map(keys::searchToken).distinct().toList(), max);
    }
}
