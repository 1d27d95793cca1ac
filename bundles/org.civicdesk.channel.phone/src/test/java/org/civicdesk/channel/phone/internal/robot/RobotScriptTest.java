package org.civicdesk.channel.phone.internal.robot;

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

import org.civicdesk.channel.phone.internal.robot.RobotScript.Option;
import org.civicdesk.core.api.InvalidInputException;
import org.junit.Test;

/** The shipped script ({@code etc/org.civicdesk.channel.phone.ivr.cfg}) and what a mistaken one is told. */
public class RobotScriptTest {

    static Map<String, Object> shipped() throws IOException {
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
        Option departments = script.menu("main").get(0);
        assertEquals("Pentru a vorbi cu un departament, apăsați 6.", script.text("option", "ro",
                Map.of("label", script.label(departments, "ro").orElseThrow(), "key", departments.key())));
        assertEquals("For speaking to a department, press 6.", script.text("option", "en",
                Map.of("label", script.label(departments, "en").orElseThrow(), "key", departments.key())));
        assertTrue(script.menu("departments").stream()
                .anyMatch(o -> o.step().equals("department") && o.argument().equals("URB")));
        assertTrue("the steps bring their own sentences", script.wording("taxesOwed", "ro").isEmpty());
    }

    @Test
    public void theScriptMayPlaceAndRewordAStep() throws IOException {
        Map<String, Object> properties = shipped();
        properties.put("menu.main", "1 taxes, 6 menu departments, 9 language, 0 operator");
        properties.put("label.taxes.ro", "impozite");
        properties.put("text.taxesNone.ro", "Nu datorați nimic.");
        RobotScript script = RobotScript.read(properties);
        Option taxes = script.menu("main").get(0);
        assertTrue(taxes.runsStep());
        assertEquals("impozite", script.label(taxes, "ro").orElseThrow());
        assertTrue("a step's label in a language the script does not reword is the step's", script.label(taxes, "en")
                .isEmpty());
        assertEquals("Nu datorați nimic.", script.wording("taxesNone", "ro").orElseThrow());
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
        script.put("menu.main", "1 taxes, 2 Fortune!");
        refused(script, "menu.main", "'Fortune!' is neither one of");

        script = shipped();
        script.put("menu.main", "1 taxes now");
        refused(script, "menu.main", "option 1 takes no argument");

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
        script.remove("label.operator.en");
        refused(script, "label.operator.en", "not named in en");
    }
}
