package org.civicdesk.core.api;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SearchTextTest {
    @Test
    public void foldsDiacriticsCaseAndSpaces() {
        assertEquals("stefan tanase str. mihai viteazu", SearchText.fold("  Ștefan  TĂNASE Str. Mihai Viteazu "));
    }

    @Test
    public void foldsBothFormsOfTheRomanianLetters() {
        // ș ț with comma below (U+0219, U+021B) and the older ş ţ with cedilla (U+015F, U+0163).
        assertEquals("autorizatie de construire", SearchText.fold("Autoriza\u021Bie de construire"));
        assertEquals("autorizatie scoala", SearchText.fold("autoriza\u0163ie \u015Fcoal\u0103"));
    }
}
