package org.civicdesk.request.internal;

import static org.junit.Assert.assertEquals;
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

    @Test
    public void aWordStartsWithWhatIsAskedWhenItLiesBeforeTheBoundAfterIt() {
        String after = RequestWords.after("pop");
        assertEquals("poq", after);
        for (String word : List.of("pop", "popa", "popescu", "popz9")) {
            assertTrue(word, word.compareTo("pop") >= 0 && word.compareTo(after) < 0);
        }
        assertTrue("poq".compareTo(after) >= 0);
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
