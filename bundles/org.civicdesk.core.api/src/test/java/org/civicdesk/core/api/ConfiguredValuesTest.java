package org.civicdesk.core.api;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class ConfiguredValuesTest {

    @Test
    public void aListSettingSplitsOnCommasAndBlanksInItsOrder() {
        assertEquals(List.of("citizen.read", "tax.read", "complaint"),
                List.copyOf(ConfiguredValues.of("citizen.read, tax.read", " complaint")));
        assertEquals(List.of("civicdesk", "tax"), List.copyOf(ConfiguredValues.of("civicdesk,tax civicdesk")));
        assertEquals(List.of(), List.copyOf(ConfiguredValues.of("", null)));
        assertEquals(List.of(), List.copyOf(ConfiguredValues.of((String[]) null)));
    }
}
