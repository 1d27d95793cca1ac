package org.civicdesk.rest.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.junit.Test;

/** The URL and address of a call as the portal and Open311 give them back. */
public class ClientOriginsTest {
    private final ClientOrigins origins = new ClientOrigins();

    private static HttpServletRequest call(String peer, String url, Map<String, String> headers) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ClientOriginsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURL" -> new StringBuffer(url);
                    case "getRemoteAddr" -> peer;
                    case "isSecure" -> url.startsWith("https:");
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final Map<String, String> PROXIED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "sesizari.primaria.ro, intern.local", "X-Forwarded-For", "198.51.100.7");

    @Test
    public void behindATrustedProxyTheUrlAndAddressTheClientUsed() {
        origins.setTrusted(ClientOrigin.TrustedProxies.parse("10.0.0.0/8"));
        HttpServletRequest proxied = call("10.0.0.5", "http://10.0.0.9:8181/open311/v2/discovery.json", PROXIED);
        assertEquals("https://sesizari.primaria.ro/open311/v2/discovery.json", origins.requestUrl(proxied));
        assertEquals("198.51.100.7", origins.clientAddress(proxied));
        assertEquals("a forwarded host that is no host keeps the connection's", "https://10.0.0.9:8181/portal/",
                origins.requestUrl(call("10.0.0.5", "http://10.0.0.9:8181/portal/", Map.of("X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "evil.example/<script>"))));
    }

    @Test
    public void fromAnyoneElseTheHeadersAreNotBelieved() {
        origins.setTrusted(ClientOrigin.TrustedProxies.parse("10.0.0.0/8"));
        HttpServletRequest direct = call("203.0.113.9", "http://localhost:8181/open311/v2/discovery.json", PROXIED);
        assertEquals("http://localhost:8181/open311/v2/discovery.json", origins.requestUrl(direct));
        assertEquals("203.0.113.9", origins.clientAddress(direct));
        origins.setTrusted(ClientOrigin.TrustedProxies.NONE);
        assertEquals("http://10.0.0.9:8181/x", origins.requestUrl(call("10.0.0.5", "http://10.0.0.9:8181/x", PROXIED)));
    }
}
