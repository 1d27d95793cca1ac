package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SearchTextTest {
    @Test
    public void foldsDiacriticsCaseAndSpaces() {
        assertEquals("stefan tanase str. mihai viteazu", SearchText.fold("  Ștefan  TĂNASE Str. Mihai Viteazu "));
    }
}
