package org.civicdesk.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.civicdesk.audit.api.AuditEvent;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class IntegrityKeysTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final AuditEvent event = new AuditEvent("operator", "citizen.read", "citizen-identity", "citizen", "42", null);

    @Test
    public void theKeyFileIsMadeOnceReadableByItsOwnerOnly() throws Exception {
        Path file = folder.getRoot().toPath().resolve("etc/keys");
        IntegrityKeys keys = new IntegrityKeys(file);
        assertEquals("k1", keys.currentId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String mac = keys.mac("k1", "text");
        assertEquals(64, mac.length());
        assertEquals("the same key after a restart", mac, new IntegrityKeys(file).mac("k1", "text"));
    }

    @Test
    public void aRotatedKeyIsCurrentAndTheOldOneStillVerifies() throws Exception {
        Path file = folder.getRoot().toPath().resolve("keys");
        IntegrityKeys keys = new IntegrityKeys(file);
        String before = keys.mac("k1", "text");
        assertEquals("k2", keys.rotate());
        assertEquals("k2", keys.currentId());
        assertEquals(before, keys.mac("k1", "text"));
        assertNotEquals(before, keys.mac("k2", "text"));
        assertEquals("another node sharing the file sees the rotation", "k2", new IntegrityKeys(file).currentId());
        assertFalse(keys.knows("k3"));
        try {
            keys.mac("k3", "text");
            fail("a MAC with a key the file does not hold");
        } catch (IntegrityKeys.UnknownKeyException expected) {
            assertTrue(expected.getMessage().contains("k3"));
        }
    }

    @Test
    public void everyFieldOfAnEntryAndEveryLinkChangesItsMac() throws Exception {
        IntegrityKeys keys = new IntegrityKeys(folder.getRoot().toPath().resolve("keys"));
        String base = keys.mac("k1", Chain.entryText(1000, event, "request:2026/000001#1", "d", "k1"));
        assertNotEquals(base, keys.mac("k1", Chain.entryText(1001, event, "request:2026/000001#1", "d", "k1")));
        assertNotEquals(base, keys.mac("k1", Chain.entryText(1000, new AuditEvent("operator", "citizen.read",
                "citizen-identity", "citizen", "43", null), "request:2026/000001#1", "d", "k1")));
        assertNotEquals(base, keys.mac("k1", Chain.entryText(1000, event, "request:2026/000001#2", "d", "k1")));
        assertNotEquals(base, keys.mac("k1", Chain.entryText(1000, event, "request:2026/000001#1", "e", "k1")));
        assertNotEquals("null and empty differ", keys.mac("k1", Chain.entryText(1000, event, null, null, "k1")),
                keys.mac("k1", Chain.entryText(1000, event, "", "", "k1")));
        String link = keys.mac("k1", Chain.linkText(1, 7, "m", Chain.GENESIS, 5, "k1"));
        assertNotEquals(link, keys.mac("k1", Chain.linkText(2, 7, "m", Chain.GENESIS, 5, "k1")));
        assertNotEquals(link, keys.mac("k1", Chain.linkText(1, 8, "m", Chain.GENESIS, 5, "k1")));
        assertNotEquals(link, keys.mac("k1", Chain.linkText(1, 7, "n", Chain.GENESIS, 5, "k1")));
        assertNotEquals(link, keys.mac("k1", Chain.linkText(1, 7, "m", "1".repeat(64), 5, "k1")));
    }
}
