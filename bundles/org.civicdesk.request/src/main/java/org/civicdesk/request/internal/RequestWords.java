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
import org.civicdesk.persistence.Jdbc;

/**
 * The words of requests, for search: a request's description, place and number cut into words folded without case and
 * diacritics ("Ștefan cel Mare 12" gives stefan, cel, mare, 12), kept in CD_REQUEST_WORD (derived from the requests,
 * written with each; its key (number, word) answers "has this request a word starting so", CD_REQUEST_WORD_WORD "which
 * requests have"), and what a search asks cut the same way. A search matches a request that has, for each word asked, a
 * word starting with it, in any order: "popescu ion" and "ion popescu" find the same, "Ionut" finds "Ionuț", "000123"
 * and "123" find 2026/000123.
 */
final class RequestWords {
    /** Longest word kept: longer ones are cut (a search for them still finds them, by their start). */
    static final int MAX_WORD = 40;
    /** Most words kept of one request. */
    private static final int MAX_WORDS = 400;
    /** Most words of one search. */
    private static final int MAX_SOUGHT = 8;
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

    /** The first word after every word starting with {@code prefix}: a word starts with it when in [prefix, this). */
    static String after(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
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

    /** Writes the words of a request in {@code c}, in one batch. */
    static void insert(Connection c, String number, Set<String> words) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_REQUEST_WORD (REQ_NUMBER, WORD) VALUES (?, ?)")) {
            for (String word : words) {
                Jdbc.bind(ps, number, word);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
