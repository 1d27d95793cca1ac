package org.civicdesk.identity.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.crypto.SecretKey;

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
}
