package org.civicdesk.channel.phone.internal.steps;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class RequestStatusStepTest {

    @Test
    public void aTrackingCodeIsKeyedLetterByTheKeyThatBearsIt() {
        assertEquals("2223334455", RequestStatusStep.onKeypad("ABCDEFGHJK"));
        assertEquals("5667777888", RequestStatusStep.onKeypad("LMNPQRSTUV"));
        assertEquals("9999234567", RequestStatusStep.onKeypad("wxyz234567"));
        assertEquals("789", RequestStatusStep.onKeypad("789"));
    }
}
