package org.civicdesk.channel.phone.internal.robot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.channel.phone.internal.robot.RobotScript.Option;
import org.civicdesk.channel.phone.internal.robot.RobotSteps.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menus of one call, from the script and the steps present when the call started. The main
 * menu reads the steps first, in their order, then the script's options; another menu reads the
 * script's options. A step has the key the script gives it (which also places it), else the one it
 * declares if free, else the first free key from 1, taken in the steps' order: a step that is not
 * offered at the moment (a poll step with no poll open) keeps its key, so the keys callers learn do
 * not move.
 */
final class Menu {
    private static final Logger LOG = LoggerFactory.getLogger(Menu.class);
    private static final List<String> FREE_KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

    /**
     * One option of a menu: the key, and either a step or one of the script's own options.
     *
     * @param option the script's option, or one made for a step the script does not place
     * @param step   the step it runs, or {@code null} for moving about the menus
     */
    record Choice(String key, Option option, Entry step) {
        /** What the option is called in a language: the script's wording, else the step's; empty if neither. */
        Optional<String> label(RobotScript script, String language) {
            Optional<String> worded = script.label(option, language);
            if (worded.isPresent() || step == null) {
                return worded;
            }
            return Optional.ofNullable(step.step().prompts(language).get(RobotStep.LABEL)).filter(l -> !l.isBlank());
        }
    }

    private final RobotScript script;
    private final Map<String, Entry> steps;
    /** The steps the script does not place, with the keys they get, in their order: they lead the main menu. */
    private final List<Choice> contributed;

    Menu(RobotScript script, List<Entry> present) {
        this.script = script;
        this.steps = present.stream().collect(Collectors.toMap(Entry::id, Function.identity(), (a, b) -> a));
        Set<String> placed = new HashSet<>();
        for (String name : script.menuNames()) {
            script.menu(name).stream().filter(Option::runsStep).forEach(o -> placed.add(o.step()));
        }
        Set<String> taken = new HashSet<>();
        script.menu(RobotScript.MAIN).forEach(o -> taken.add(o.key()));
        List<Entry> unplaced = present.stream().filter(e -> !placed.contains(e.id())).toList();
        Map<String, String> keys = new HashMap<>();
        // Declared keys first, so that a step without one never takes the key another asks for.
        for (Entry e : unplaced) {
            if (e.key() != null && taken.add(e.key())) {
                keys.put(e.id(), e.key());
            }
        }
        for (Entry e : unplaced) {
            if (!keys.containsKey(e.id())) {
                Optional<String> free = FREE_KEYS.stream().filter(k -> !taken.contains(k)).findFirst();
                if (free.isEmpty()) {
                    LOG.warn("The main menu has no key left for the robot step {}", e.id());
                    continue;
                }
                taken.add(free.get());
                keys.put(e.id(), free.get());
            }
        }
        List<Choice> choices = new ArrayList<>();
        for (Entry e : unplaced) {
            String key = keys.get(e.id());
            if (key != null) {
                choices.add(new Choice(key, new Option(key, e.id(), null), e));
            }
        }
        this.contributed = List.copyOf(choices);
    }

    /**
     * Every option of a menu with its key, in the order the robot reads them; a step the script places but that is not
     * present is left out, and its key stays unused.
     */
    List<Choice> options(String name) {
        List<Choice> options = new ArrayList<>();
        if (RobotScript.MAIN.equals(name)) {
            options.addAll(contributed);
        }
        for (Option o : script.menu(name)) {
            if (!o.runsStep()) {
                options.add(new Choice(o.key(), o, null));
            } else if (steps.containsKey(o.step())) {
                options.add(new Choice(o.key(), o, steps.get(o.step())));
            }
        }
        return options;
    }
}
