package org.civicdesk.request.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.civicdesk.core.api.SearchText;
import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.persistence.Jdbc;

/**
 * The words of requests, for search: a request's description, place and number cut into words folded without case and
 * diacritics ("Ștefan cel Mare 12" gives stefan, cel, mare, 12), and what a search asks cut the same way. A search
 * matches a request that has, for each word asked, a word starting with it, in any order: "popescu ion" and "ion popescu"
 * find the same, "Ionut" finds "Ionuț", "000123" and "123" find 2026/000123; a word asked of one or two characters is a
 * whole word ("nr" finds "nr", not "nrc"). What is kept are tokens, not words: each word whole and its beginnings of at
 * least {@link #MIN_BEGINNING} characters, as keyed hashes ({@link CitizenKeys#searchToken}) in CD_REQUEST_TOKEN (derived
 * from the requests, written with each; its key (number, token) answers "has this request a word starting so",
 * CD_REQUEST_TOKEN_TOKEN "which requests have"): the words of what people wrote are not in the database in clear, as the
 * texts themselves are sealed with their key.
 */
final class RequestWords {
    /** The tokens' table. */
    static final String TOKENS = "CD_REQUEST_TOKEN";
    /** Longest word kept: longer ones are cut (a search for them still finds them, by their start). */
    static final int MAX_WORD = 40;
    /** Most words kept of one request. */
    private static final int MAX_WORDS = 400;
    /** Most words of one search. */
    private static final int MAX_SOUGHT = 8;
    /** Shortest beginning of a word kept as a token: a shorter word asked is a whole word (as the citizens' search). */
    static final int MIN_BEGINNING = 3;
    /** What the registry's tokens start with before they are hashed: its hashes and another module's never match. */
    private static final String MARK = "r:";
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private RequestWords() {
    }

    /** The words of a request's texts ({@code null} texts are skipped). */
    static Set<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            for (String word : cut(text)) {
                if (words.size() >= MAX_WORDS) {
                    return words;
                }
                if (word.length() > 1 || Character.isDigit(word.charAt(0))) {
                    words.add(word);
                }
                // A number is also found without its leading zeros: 000123 by 123.
                String unpadded = LEADING_ZEROS.matcher(word).replaceFirst("");
                if (!unpadded.equals(word) && unpadded.chars().allMatch(Character::isDigit)) {
                    words.add(unpadded);
                }
            }
        }
        return words;
    }

    /**
     * The words a search asks for, the longest first (the likeliest to be rare): single letters are left out (every
     * request has a word starting with one).
     */
    static List<String> sought(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : cut(text)) {
            if (word.length() > 1 || Character.isDigit(word.charAt(0))) {
                words.add(word);
            }
        }
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted.subList(0, Math.min(MAX_SOUGHT, sorted.size()));
    }

    /** The tokens of {@code words}: each whole, and its beginnings of at least {@link #MIN_BEGINNING} characters. */
    static Set<String> tokensOf(Set<String> words) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : words) {
            for (int end = MIN_BEGINNING; end < word.length(); end++) {
                tokens.add(word.substring(0, end));
            }
            tokens.add(word);
        }
        return tokens;
    }

    /** The keyed hash of a token, or of a word asked: a request has a word starting with it when it has this hash. */
    static long hashOf(PersonalTexts texts, String token) {
        return texts.searchToken(MARK + token);
    }

    private static List<String> cut(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : BETWEEN_WORDS.split(SearchText.fold(text))) {
            if (!word.isEmpty()) {
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
            }
        }
        return words;
    }

    /** Writes the tokens of a request's words in {@code c}, hashed, in one batch. */
    static void insert(Connection c, PersonalTexts texts, String number, Set<String> words) throws SQLException {
        Set<Long> hashes = new LinkedHashSet<>();
        tokensOf(words).forEach(token -> hashes.add(hashOf(texts, token)));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TOKENS + " (REQ_NUMBER, TOKEN) VALUES (?, ?)")) {
            for (long hash : hashes) {
                Jdbc.bind(ps, number, hash);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Puts {@code words} in place of the request's tokens, in {@code c}: what its texts say now, written once. */
    static void replace(Connection c, PersonalTexts texts, String number, Set<String> words) throws SQLException {
        delete(c, number);
        insert(c, texts, number, words);
    }

    /** Deletes the tokens of the request {@code number} in {@code c}. */
    private static void delete(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TOKENS + " WHERE REQ_NUMBER = ?")) {
            Jdbc.bind(ps, number);
            ps.executeUpdate();
        }
    }
}
