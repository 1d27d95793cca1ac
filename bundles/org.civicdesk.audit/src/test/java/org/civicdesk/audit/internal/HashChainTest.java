package org.civicdesk.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.civicdesk.audit.api.AuditEvent;
import org.junit.Test;

public class HashChainTest {
    private final AuditEvent event = new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "42", null);

    @Test
    public void sameInputGivesSameHash() {
        assertEquals(HashChain.hash(1, 1000, event, HashChain.GENESIS), HashChain.hash(1, 1000, event, HashChain.GENESIS));
        assertEquals(64, HashChain.hash(1, 1000, event, HashChain.GENESIS).length());
    }

    @Test
    public void everyFieldAndTheLinkChangeTheHash() {
        String base = HashChain.hash(1, 1000, event, HashChain.GENESIS);
        assertNotEquals(base, HashChain.hash(2, 1000, event, HashChain.GENESIS));
        assertNotEquals(base, HashChain.hash(1, 1001, event, HashChain.GENESIS));
        assertNotEquals(base, HashChain.hash(1, 1000,
                new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "43", null), HashChain.GENESIS));
        assertNotEquals(base, HashChain.hash(1, 1000,
                new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "42", ""), HashChain.GENESIS));
        assertNotEquals(base, HashChain.hash(1, 1000, event, "1".repeat(64)));
    }

    @Test
    public void fieldBoundariesCannotBeShifted() {
        assertNotEquals(
                HashChain.hash(1, 1, new AuditEvent("ab", "c", null, null, null, null), HashChain.GENESIS),
                HashChain.hash(1, 1, new AuditEvent("a", "bc", null, null, null, null), HashChain.GENESIS));
    }
}
