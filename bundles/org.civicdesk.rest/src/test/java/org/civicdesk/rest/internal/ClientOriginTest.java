package org.civicdesk.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ClientOriginTest {
    private final ClientOrigin.TrustedProxies proxies = ClientOrigin.TrustedProxies.parse("10.0.0.5, 10.1.0.0/16, ::1");

    @Test
    public void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
        ClientOrigin origin = ClientOrigin.of(proxies, "203.0.113.9", false, "198.51.100.1", "https");
        assertEquals("203.0.113.9", origin.address());
        assertFalse(origin.https());
        assertFalse(ClientOrigin.of(ClientOrigin.TrustedProxies.NONE, "10.0.0.5", false, "198.51.100.1", "https")
                .https());
    }

    @Test
    public void aTrustedProxyTellsTheClientAndTheScheme() {
        ClientOrigin origin = ClientOrigin.of(proxies, "10.0.0.5", false, "198.51.100.1", "https");
        assertEquals("198.51.100.1", origin.address());
        assertTrue(origin.https());
        assertTrue(ClientOrigin.of(proxies, "10.1.200.3", false, null, "HTTPS, http").https());
        assertEquals("10.1.200.3", ClientOrigin.of(proxies, "10.1.200.3", true, null, null).address());
        assertTrue(ClientOrigin.of(proxies, "::1", true, null, null).https());
    }

    @Test
    public void theClientIsTheLastHopThatIsNoTrustedProxy() {
        // The client wrote a fake first hop itself; our proxies appended what they saw.
        ClientOrigin origin = ClientOrigin.of(proxies, "10.0.0.5", false, "1.2.3.4, 198.51.100.1, 10.1.0.9", "https");
        assertEquals("198.51.100.1", origin.address());
    }

    @Test
    public void onlyAddressesAndRangesAreTrusted() {
        assertFalse(proxies.trusts("10.2.0.1"));
        assertTrue(proxies.trusts("10.1.255.255"));
        assertFalse(proxies.trusts("localhost"));
        assertThrows(IllegalArgumentException.class, () -> ClientOrigin.TrustedProxies.parse("proxy.example.org"));
        assertThrows(IllegalArgumentException.class, () -> ClientOrigin.TrustedProxies.parse("10.0.0.0/33"));
    }
}
