package org.civicdesk.channel.phone.internal.robot;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civicdesk.channel.phone.internal.robot.Menu.Choice;
import org.civicdesk.channel.phone.internal.robot.RobotSteps.Entry;
import org.junit.Test;

/** How the main menu is made of the steps present and the script: keys, order, and keys that do not move. */
public class MenuTest {

    private static List<Entry> with(Entry... more) {
        List<Entry> steps = new ArrayList<>(Arrays.asList(Steps.shipped()));
        steps.addAll(Arrays.asList(more));
        steps.sort((a, b) -> a.order() != b.order() ? Integer.compare(a.order(), b.order()) : a.id().compareTo(b.id()));
        return steps;
    }

    /** "key what" for each option of the main menu, in the order the robot reads them. */
    private static List<String> main(Map<String, Object> script, List<Entry> steps) {
        return new Menu(RobotScript.read(script), steps).options(RobotScript.MAIN).stream()
                .map(c -> c.key() + " " + c.option().labelKey()).toList();
    }

    @Test
    public void theShippedStepsKeepTodaysKeysBeforeTheScriptsOptions() throws IOException {
        assertEquals(List.of("1 taxes", "2 status", "3 voice", "4 announcements", "5 poll", "6 menu.departments",
                "9 language", "0 operator"), main(RobotScriptTest.shipped(), with()));
    }

    @Test
    public void aNewStepTakesTheFirstFreeKeyInItsOrder() throws IOException {
        Entry hours = Steps.entry("hours", 60, null, Steps.saying("hours"));
        assertEquals(List.of("1 taxes", "2 status", "3 voice", "4 announcements", "5 poll", "7 hours", "6 menu.departments",
                "9 language", "0 operator"), main(RobotScriptTest.shipped(), with(hours)));
    }

    @Test
    public void aStepGetsTheKeyItAsksForOnlyIfItIsFree() throws IOException {
        Entry early = Steps.entry("early", 5, null, Steps.saying("early"));
        Entry greedy = Steps.entry("greedy", 80, "2", Steps.saying("greedy"));
        assertEquals("key 2 is the status step's: the greedy step gets the first free key after the early one's",
                List.of("7 early", "1 taxes", "2 status", "3 voice", "4 announcements", "5 poll", "8 greedy",
                        "6 menu.departments", "9 language", "0 operator"), main(RobotScriptTest.shipped(), with(early, greedy)));
        Entry eight = Steps.entry("eight", 70, "8", Steps.saying("eight"));
        assertEquals("declared keys are given first; with no key left, a step is left out", List.of("7 early", "1 taxes",
                "2 status", "3 voice", "4 announcements", "5 poll", "8 eight", "6 menu.departments", "9 language",
                "0 operator"), main(RobotScriptTest.shipped(), with(early, eight, greedy)));
    }

    @Test
    public void aMissingStepLeavesItsKeyUnusedAndTheOthersInPlace() throws IOException {
        List<Entry> withoutTaxes = with().stream().filter(e -> !e.id().equals("taxes")).toList();
        Entry hours = Steps.entry("hours", 60, null, Steps.saying("hours"));
        List<Entry> steps = new ArrayList<>(withoutTaxes);
        steps.add(hours);
        assertEquals("a step without a key of its own takes a free one, here the taxes' key while they are away",
                List.of("2 status", "3 voice", "4 announcements", "5 poll", "1 hours", "6 menu.departments", "9 language",
                        "0 operator"), main(RobotScriptTest.shipped(), steps));
        assertEquals(List.of("2 status", "3 voice", "4 announcements", "5 poll", "6 menu.departments", "9 language",
                "0 operator"), main(RobotScriptTest.shipped(), withoutTaxes));
    }

    @Test
    public void theScriptPlacesAStepOnItsKeyAndInItsPlace() throws IOException {
        Map<String, Object> script = RobotScriptTest.shipped();
        script.put("menu.main", "6 menu departments, 8 taxes, 9 language, 0 operator");
        script.put("menu.departments", "1 department TAX, 2 poll, 9 menu main");
        assertEquals(List.of("2 status", "3 voice", "4 announcements", "6 menu.departments", "8 taxes", "9 language",
                "0 operator"), main(script, with()));
        assertEquals(List.of("1 department.TAX", "2 poll", "9 menu.main"), new Menu(RobotScript.read(script), with())
                .options("departments").stream().map(c -> c.key() + " " + c.option().labelKey()).toList());
        script = RobotScriptTest.shipped();
        script.put("menu.main", "6 menu departments, 8 nowhere, 9 language, 0 operator");
        assertEquals("a step the script names but nobody provides is left out", List.of("1 taxes", "2 status", "3 voice",
                "4 announcements", "5 poll", "6 menu.departments", "9 language", "0 operator"), main(script, with()));
    }

    @Test
    public void aStepIsNamedByTheScriptsWordingElseItsOwn() throws IOException {
        Map<String, Object> script = RobotScriptTest.shipped();
        script.put("label.status.ro", "o cerere");
        Menu menu = new Menu(RobotScript.read(script), with());
        Choice status = menu.options(RobotScript.MAIN).get(1);
        assertEquals("o cerere", status.label(RobotScript.read(script), "ro").orElseThrow());
        assertEquals("status en", status.label(RobotScript.read(script), "en").orElseThrow());
        Entry romanianOnly = Steps.entry("local", 60, null, Steps.step(l -> l.equals("ro") ? Map.of("label", "local")
                : Map.of(), false, call -> null));
        Choice local = new Menu(RobotScript.read(script), with(romanianOnly)).options(RobotScript.MAIN).get(5);
        assertEquals("local", local.option().step());
        assertEquals("not offered in a language it does not speak", true, local.label(RobotScript.read(script), "en")
                .isEmpty());
    }
}
