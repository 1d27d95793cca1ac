package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.civicdesk.core.api.SearchText;
import org.junit.Test;

public class SearchTermsTest {
    private static SearchTerms of(String typed) {
        return SearchTerms.of(typed, SearchText.fold(typed));
    }

    /** Whether a citizen with these fields is found by what was typed: every token of the search is one of theirs. */
    private static boolean finds(String typed, String nationalId, String lastName, String firstName, String address) {
        return SearchTerms.tokensOf(nationalId, lastName, firstName, address).containsAll(of(typed).tokens());
    }

    @Test
    public void nameWordsAreSoughtInAnyOrderWithoutDiacritics() {
        assertEquals(List.of("w:ion", "w:popescu"), of("Ion  Popescu").tokens());
        assertNull(of("Ion  Popescu").phone());
        assertEquals(List.of("w:ionut"), of("Ionuț").tokens());
        assertTrue(finds("popescu ion", "1800101330019", "Popescu", "Ion", null));
        assertTrue(finds("IONUT MARGINEANU", "1800101330019", "Mărgineanu", "Ionuț", "Str. Zamca 3"));
        assertTrue("the beginning of a word", finds("Popes", "1800101330019", "Popescu", "Ion", null));
        assertFalse("a word the person does not have", finds("Ion Necunoscut", "1800101330019", "Popescu", "Ion", null));
        assertFalse("the middle of a word", finds("escu", "1800101330019", "Popescu", "Ion", null));
        assertTrue("three letters begin a word", finds("Pop", "1800101330019", "Popescu", "Ion", null));
        assertFalse("two letters are a whole word", finds("Po", "1800101330019", "Popescu", "Ion", null));
        assertTrue(finds("Ia Po", "1800101330019", "Po", "Ia", null));
    }

    @Test
    public void anAddressIsItsNameAndNumberWhateverItsStreetWord() {
        assertEquals(List.of("w:zamca", "w:3"), of("Str. Zamca nr. 3").tokens());
        assertEquals(List.of("w:stefan", "w:cel", "w:mare", "w:12"), of("Bd. Ștefan cel Mare 12").tokens());
        assertEquals("only a street word: as typed", List.of("w:str"), of("str").tokens());
        assertTrue(finds("Zamca 3", "1800101330019", "Popescu", "Ion", "Str. Zamca nr. 3, Suceava"));
        assertFalse("a number is a whole word or its beginning", finds("Zamca 3", "1800101330019", "Popescu", "Ion",
                "Str. Zamca nr. 13, Suceava"));
        assertTrue(finds("str", "1800101330019", "Popescu", "Ion", "Str. Zamca nr. 3"));
    }

    @Test
    public void aPhoneIsAPhoneAndDigitsAreACnpOrCui() {
        assertEquals("+40740123456", of("0740 123 456").phone());
        assertEquals("+40740123456", of("+40 740-123-456").phone());
        assertEquals(List.of(), of("0740 123 456").tokens());
        assertEquals(List.of("n:1800101"), of("1800101").tokens());
        assertEquals(List.of("n:14837265"), of("RO14837265").tokens());
        assertTrue(finds("180010133", "1800101330019", "Popescu", "Ion", null));
        assertTrue(finds("RO14837265", "14837265", "Firma SRL", null, null));
        assertFalse("digits are a national id, not a house number", finds("3", "1800101330019", "Popescu", "Ion",
                "Str. Zamca 3"));
        assertTrue("six digits begin a CNP", finds("180010", "1800101330019", "Popescu", "Ion", null));
        assertFalse("fewer are a whole CUI", finds("18001", "1800101330019", "Popescu", "Ion", null));
        assertTrue(finds("RO1234", "1234", "Firma Veche SA", null, null));
    }

    @Test
    public void theAuditTrailLearnsTheKindOfSearchNotWhatWasTyped() {
        assertEquals("by name or address, 2 words", of("Ion Popescu").described());
        assertEquals("by name or address, 1 word", of("Popescu").described());
        assertEquals("by national id, 9 digits", of("180010133").described());
        assertEquals("by phone number", of("0740 123 456").described());
    }

    @Test
    public void aCitizensTokensAreTheBeginningsOfTheirWordsAndNationalId() {
        Set<String> tokens = SearchTerms.tokensOf("14837265", "Ana", null, "Str. X 7");
        assertEquals(Set.of("n:148372", "n:1483726", "n:14837265", "w:ana", "w:str", "w:x", "w:7"), tokens);
        assertEquals(Set.of("n:1234", "w:firma", "w:fir", "w:firm", "w:sa"), SearchTerms.tokensOf("1234", "Firma SA", null,
                null));
    }
}
