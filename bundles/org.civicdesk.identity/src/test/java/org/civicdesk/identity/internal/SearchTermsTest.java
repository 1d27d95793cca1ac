package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.civicdesk.core.api.SearchText;
import org.junit.Test;

public class SearchTermsTest {
    private static SearchTerms of(String typed) {
        return SearchTerms.of(typed, SearchText.fold(typed));
    }

    @Test
    public void nameWordsAreSoughtInAnyOrderWithoutDiacritics() {
        SearchTerms terms = of("Ion  Popescu");
        assertEquals("c.searchName LIKE :w0 AND c.searchName LIKE :w1", terms.condition());
        assertEquals(Map.of("w0", "%ion%", "w1", "%popescu%"), terms.parameters());
        assertEquals(Map.of("w0", "%ionut%"), of("Ionuț").parameters());
    }

    @Test
    public void anAddressIsItsNameAndNumberWhateverItsStreetWord() {
        assertEquals(Map.of("w0", "%zamca%", "w1", "%3%"), of("Str. Zamca nr. 3").parameters());
        assertEquals(Map.of("w0", "%stefan%", "w1", "%cel%", "w2", "%mare%", "w3", "%12%"),
                of("Bd. Ștefan cel Mare 12").parameters());
        assertEquals("only a street word: as typed", Map.of("w0", "%str%"), of("str").parameters());
    }

    @Test
    public void aPhoneIsAPhoneAndDigitsAreACnpOrCui() {
        assertEquals("c.phoneKey = :phone", of("0740 123 456").condition());
        assertEquals(Map.of("phone", "+40740123456"), of("0740 123 456").parameters());
        assertEquals(Map.of("phone", "+40740123456"), of("+40 740-123-456").parameters());
        assertEquals("c.nationalId LIKE :id", of("1800101").condition());
        assertEquals(Map.of("id", "1800101%"), of("1800101").parameters());
        assertEquals(Map.of("id", "14837265%"), of("RO14837265").parameters());
    }
}
