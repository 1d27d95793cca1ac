package org.civicdesk.channel.phone.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

/** The shipped script ({@code etc/org.civicdesk.channel.phone.ivr.cfg}) and what a mistaken one is told. */
public class RobotScriptTest {

    private static Map<String, Object> shipped() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../../etc/org.civicdesk.channel.phone.ivr.cfg"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, Object> map = new HashMap<>();
        p.forEach((k, v) -> map.put((String) k, v));
        return map;
    }

    @Test
    public void theShippedScriptSpeaksBothLanguages() throws IOException {
        RobotScript script = RobotScript.read(shipped());
        assertEquals(List.of("ro", "en"), script.languages());
        assertEquals("Pentru stadiul unei cereri, apăsați 2.", script.text("option", "ro",
                Map.of("label", script.label(script.menu("main").get(1), "ro"), "key", "2")));
        assertEquals("For the status of a request, press 2.", script.text("option", "en",
                Map.of("label", script.label(script.menu("main").get(1), "en"), "key", "2")));
        assertEquals("în lucru", script.status("in_progress", "ro"));
        assertEquals("an unnamed status is said in words", "on hold", script.status("on_hold", "en"));
        assertTrue(script.menu("departments").stream()
                .anyMatch(o -> o.step().equals("department") && o.argument().equals("URB")));
    }

    private static void refused(Map<String, Object> script, String property, String message) {
        try {
            RobotScript.read(script);
            fail("accepted a script with a mistake in " + property);
        } catch (InvalidInputException e) {
            assertEquals(property, e.field());
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }

    @Test
    public void aMistakenScriptIsRefusedNamingTheMistake() throws IOException {
        Map<String, Object> script = shipped();
        script.put("menu.main", "1 taxes, 2 fortune");
        refused(script, "menu.main", "unknown step 'fortune'");

        script = shipped();
        script.put("menu.main", "1 taxes, 1 status");
        refused(script, "menu.main", "key 1 is used twice");

        script = shipped();
        script.put("menu.main", "1 menu nowhere");
        refused(script, "menu.main", "leads to menu 'nowhere'");

        script = shipped();
        script.remove("text.goodbye.en");
        refused(script, "text.goodbye.en", "no such sentence");

        script = shipped();
        script.remove("label.status.en");
        refused(script, "label.status.en", "not named in en");
    }
}
