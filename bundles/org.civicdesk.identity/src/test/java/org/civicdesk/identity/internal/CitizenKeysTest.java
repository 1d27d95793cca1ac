package org.civicdesk.identity.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Test;

/** The master key: made once with its keystore, the same one after every restart, and only with the right password. */
public class CitizenKeysTest {

    @Test
    public void theMasterKeyIsMadeOnceAndReadBackAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("keys");
        Path keystore = dir.resolve("etc/civicdesk-personal-data.p12");
        SecretKey made = CitizenKeysImpl.masterKey(keystore, "secret".toCharArray(), "personal-data-1");
        assertTrue(Files.exists(keystore));
        SecretKey again = CitizenKeysImpl.masterKey(keystore, "secret".toCharArray(), "personal-data-1");
        assertArrayEquals(made.getEncoded(), again.getEncoded());
        assertTrue(made.getEncoded().length == 32);
        assertThrows(java.io.IOException.class, () -> CitizenKeysImpl.masterKey(keystore, "wrong".toCharArray(),
                "personal-data-1"));
        assertThrows(GeneralSecurityException.class, () -> CitizenKeysImpl.masterKey(keystore, "secret".toCharArray(),
                "no-such-alias"));
    }

    /**
     * The keyed hashes a sealed CNP or name is found by: the same for the same keystore after a restart, other under
     * another keystore, and neither the value nor a plain hash of it.
     */
    @Test
    public void theKeyedHashesDependOnTheKeystoreOnly() throws Exception {
        Path dir = Files.createTempDirectory("keys");
        SecretKey master = CitizenKeysImpl.masterKey(dir.resolve("a.p12"), "secret".toCharArray(), "personal-data-1");
        SecretKey again = CitizenKeysImpl.masterKey(dir.resolve("a.p12"), "secret".toCharArray(), "personal-data-1");
        SecretKey other = CitizenKeysImpl.masterKey(dir.resolve("b.p12"), "secret".toCharArray(), "personal-data-1");
        byte[] cnp = "n:1800101330019".getBytes(StandardCharsets.UTF_8);
        byte[] hashed = CitizenKeysImpl.indexHash(master).get().doFinal(cnp);
        assertArrayEquals(hashed, CitizenKeysImpl.indexHash(again).get().doFinal(cnp));
        assertFalse(java.util.Arrays.equals(hashed, CitizenKeysImpl.indexHash(other).get().doFinal(cnp)));
        Mac underMaster = Mac.getInstance("HmacSHA256");
        underMaster.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
        assertFalse("a key of its own, not the master key", java.util.Arrays.equals(hashed, underMaster.doFinal(cnp)));
        assertEquals(32, hashed.length);
        assertFalse(HexFormat.of().formatHex(hashed).contains("1800101330019"));
    }

    /** Erasure destroys the key: what was sealed stays unreadable, and nothing is sealed for the person again. */
    @Test
    public void anErasedPersonGetsNoNewKey() throws Exception {
        Path dir = Files.createTempDirectory("keys");
        org.apache.derby.jdbc.EmbeddedDataSource derby = new org.apache.derby.jdbc.EmbeddedDataSource();
        derby.setDatabaseName(dir.resolve("db").toString());
        derby.setCreateDatabase("create");
        CitizenKeysImpl keys = new CitizenKeysImpl(derby, config(dir.resolve("keys.p12")));
        String sealed = keys.seal("c-1", "Zamfira");
        assertEquals(java.util.Optional.of("Zamfira"), keys.open("c-1", sealed));

        new org.civicdesk.persistence.Jdbc(derby).inTransaction(c -> {
            keys.destroy(c, "c-1");
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO CD_CITIZEN_ERASURE (CITIZEN_ID, ERASED_BY, "
                    + "ERASED_MS, REASON) VALUES ('c-1', 'dpo', 0, 'test')")) {
                ps.executeUpdate();
            }
            return null;
        });

        assertEquals(java.util.Optional.empty(), keys.open("c-1", sealed));
        assertThrows(IllegalStateException.class, () -> keys.seal("c-1", "Zamfira"));
        assertEquals("still no key", java.util.Optional.empty(), keys.open("c-1", sealed));
        assertEquals("another person is sealed for as before", java.util.Optional.of("Ion"), keys.open("c-2",
                keys.seal("c-2", "Ion")));
    }

    private static CitizenKeysConfig config(Path keystore) {
        return new CitizenKeysConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CitizenKeysConfig.class;
            }

            @Override
            public String keystore() {
                return keystore.toString();
            }

            @Override
            public String keystore_password() {
                return "secret";
            }

            @Override
            public String alias() {
                return "personal-data-1";
            }
        };
    }
}
