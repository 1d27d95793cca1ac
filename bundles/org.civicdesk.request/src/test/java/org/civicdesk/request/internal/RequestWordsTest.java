package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Test;

public class RequestWordsTest {

    @Test
    public void aRequestsWordsAreFoldedAndNumbersAlsoKeptWithoutLeadingZeros() {
        Set<String> words = RequestWords.of("2026/000123", "Groapă în fața blocului Ștefan cel Mare", "Str. Zamca nr. 7");
        assertEquals(Set.of("2026", "000123", "123", "groapa", "in", "fata", "blocului", "stefan", "cel", "mare", "str",
                "zamca", "nr", "7"), words);
    }

    @Test
    public void aSearchAsksForEachWordLongestFirstWithoutSingleLetters() {
        assertEquals(List.of("popescu", "ionut"), RequestWords.sought("Ionuț  a POPESCU"));
        assertEquals(List.of("000123", "2026"), RequestWords.sought("2026/000123"));
        assertEquals(List.of(), RequestWords.sought(" % _ - "));
    }

    /**
     * A word asked is found when it is a token of the request's words: a word whole, or a beginning of at least three
     * characters; a shorter word asked is a whole word.
     */
    @Test
    public void aRequestsTokensAreItsWordsWholeAndTheirBeginnings() {
        Set<String> tokens = RequestWords.tokensOf(RequestWords.of("2026/000123", "Groapă pe Zamca 7"));
        assertEquals(Set.of("202", "2026", "000", "0001", "00012", "000123", "123", "gro", "groa", "groap", "groapa", "pe",
                "zam", "zamc", "zamca", "7"), tokens);
        for (String asked : RequestWords.sought("zamc groap 000123 123 pe 7")) {
            assertTrue(asked, tokens.contains(asked));
        }
        assertFalse("the middle of a word", tokens.contains("amca"));
        assertFalse("two letters are a whole word", tokens.contains("gr"));
        assertFalse("one digit is a whole number", tokens.contains("1"));
    }

    @Test
    public void longWordsAreCutAndARequestKeepsAtMostItsShare() {
        String longWord = "a".repeat(60);
        assertEquals(Set.of("a".repeat(RequestWords.MAX_WORD)), RequestWords.of(longWord));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append("w").append(i).append(' ');
        }
        assertTrue(RequestWords.of(many.toString()).size() <= 400);
    }
}
