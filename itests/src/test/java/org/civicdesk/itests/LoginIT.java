package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Logging in (issue 13, part 5): throttling that cannot lock a real user out, the reverse proxy
 * believed only when trusted, HTTPS through it, demo accounts off with the demo, and PINs that a
 * stranger knowing a CNP cannot lock. The test client is the trusted proxy (it connects from
 * 127.0.0.1) and plays clients at different addresses with {@code X-Forwarded-For}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LoginIT extends CivicDeskTestSupport {

    @Override
    protected Option[] extra() {
        return new Option[] {editConfigurationFilePut("etc/org.civicdesk.rest.cfg", "trustedProxies", "127.0.0.1")};
    }

    /** A call with HTTP Basic as {@code user:password}, from {@code client} through the trusted proxy. */
    private HttpResponse<String> basicFrom(String client, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/me")).header("X-Forwarded-For", client)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The console's login form, from {@code client} through the trusted proxy, as HTTPS or not. */
    private HttpResponse<String> sessionFrom(String client, String proto, String user, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/session"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password
                        + "\"}"));
        if (proto != null) {
            request.header("X-Forwarded-Proto", proto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void guessesFromOneAddressHoldBackThatAddressNotTheUser() throws Exception {
        String attacker = "203.0.113.10";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, basicFrom(attacker, "elena", "guess" + i).statusCode());
        }
        HttpResponse<String> refused = basicFrom(attacker, "elena", "elena");
        assertEquals("even the right password waits at the guessing address", 429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals(429, sessionFrom(attacker, null, "elena", "elena").statusCode());

        // Elena at her own desk is not held back, by Basic or by the console's form.
        assertEquals(200, basicFrom("198.51.100.20", "elena", "elena").statusCode());
        assertEquals(200, sessionFrom("198.51.100.21", null, "elena", "elena").statusCode());
    }

    @Test
    public void unknownUsersAreThrottledLikeKnownOnes() throws Exception {
        String prober = "203.0.113.11";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, sessionFrom(prober, null, "nobody-here", "guess" + i).statusCode());
        }
        assertEquals(429, sessionFrom(prober, null, "nobody-here", "guess").statusCode());
    }

    @Test
    public void forwardedHeadersAreBelievedFromTheTrustedProxyAndHttpsMakesTheCookieSecure() throws Exception {
        HttpResponse<String> https = sessionFrom("198.51.100.30", "https", "operator", "operator");
        assertEquals(https.body(), 200, https.statusCode());
        String cookie = https.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("; Secure"));
        assertTrue(cookie, cookie.contains("HttpOnly"));
        assertTrue(https.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));

        HttpResponse<String> plain = sessionFrom("198.51.100.30", null, "operator", "operator");
        assertEquals(200, plain.statusCode());
        assertFalse(plain.headers().firstValue("Set-Cookie").orElse("").contains("Secure"));
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    public void demoAccountsStopWorkingWhenTheDemoIsTurnedOff() throws Exception {
        ConfigurationAdmin configs = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration demo = configs.getConfiguration("org.civicdesk.demo", null);
        Dictionary<String, Object> on = demo.getProperties();
        Dictionary<String, Object> off = new Hashtable<>();
        for (String key : Collections.list(on.keys())) {
            off.put(key, on.get(key));
        }
        off.put("enabled", "false");
        demo.update(off);
        try {
            // The demo turns its accounts off one after the other, the administrator last.
            awaitStatus("employee", 401);
            awaitStatus("admin", 401);
        } finally {
            on.put("enabled", "true");
            demo.update(on);
        }
        awaitStatus("employee", 200);
        awaitDemoReady();
    }

    /** Waits until the demo user's own password gets this status; each try from its own address, so none is throttled. */
    private void awaitStatus(String demoUser, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        int last = -1;
        for (int attempt = 0; System.currentTimeMillis() < deadline; attempt++) {
            last = basicFrom("192.0.2." + (attempt % 200), demoUser, demoUser).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        fail(demoUser + " answered " + last + ", not " + status);
    }

    @Test
    public void aStrangerWhoKnowsACnpCannotLockItsPin() throws Exception {
        String cnp = "2550720350038";
        String pin = pin(cnp);
        String wrong = pin.equals("000000") ? "111111" : "000000";
        CitizenPins pins = bundleContext.getService(bundleContext.getServiceReference(CitizenPins.class));
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            try {
                assertTrue(pins.verify(cnp, wrong, "web", "web:203.0.113.40").isEmpty());
            } catch (AccessDeniedException stopped) {
                refused++;
            }
        }
        assertTrue("the stranger is stopped", refused > 0);
        assertTrue("their right guess is refused too", refusedFor(pins, cnp, pin, "web:203.0.113.40"));
        Optional<Citizen> owner = pins.verify(cnp, pin, "phone", "phone:0230512345");
        assertTrue("the citizen is not locked out", owner.isPresent());
    }

    private static boolean refusedFor(CitizenPins pins, String cnp, String pin, String caller) {
        try {
            pins.verify(cnp, pin, "web", caller);
            return false;
        } catch (AccessDeniedException expected) {
            return true;
        }
    }
}
