package org.civicdesk.channel.phone.internal.robot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.core.api.InvalidInputException;

/**
 * The phone robot as configured in {@code etc/org.civicdesk.channel.phone.ivr.cfg}: its
 * languages and voices, its menu tree and the sentences it says, in each language. The menus
 * are data, not code: an administrator adds a department or reorders the options by editing the
 * file, and the change applies to the next call. The steps of the main menu come from the step
 * services present ({@link RobotSteps}); the script may place one on a key of its choice, and
 * reword its sentences ({@code label.<step>.<language>}, {@code text.<key>.<language>}).
 */
public final class RobotScript {
    /** The menu a call starts in. */
    public static final String MAIN = "main";
    /** What an option may lead to besides a step: another menu, a department's operators, an operator, the other language. */
    static final Set<String> NAVIGATION = Set.of("menu", "operator", "department", "language");
    /** Sentences the robot cannot do without, checked in every language when the script is read; steps bring their own. */
    static final List<String> REQUIRED_TEXTS = List.of("welcome", "chooseLanguage", "option", "invalid", "noInput",
            "goodbye", "askId", "askPin", "idFailed", "idLocked", "identified", "queuePosition", "queueCallbackOffer",
            "callbackRecorded", "noOperators", "connecting", "unavailable");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern STEP_ID = Pattern.compile("[a-z][a-z0-9-]*");

    /**
     * One choice of a menu: the key to press and where it leads ({@code department URB}, {@code menu departments}, or
     * a step service by its id, {@code taxes}).
     */
    public record Option(String key, String step, String argument) {
        /** The key of this option's label: the step, or the step and its argument. */
        public String labelKey() {
            return argument == null ? step : step + "." + argument;
        }

        /** Whether the option runs a step service rather than moving about the menus. */
        public boolean runsStep() {
            return !NAVIGATION.contains(step);
        }
    }

    private final List<String> languages;
    private final Map<String, String> voices;
    private final Map<String, List<Option>> menus;
    private final Map<String, String> texts;

    private RobotScript(List<String> languages, Map<String, String> voices, Map<String, List<Option>> menus,
            Map<String, String> texts) {
        this.languages = languages;
        this.voices = voices;
        this.menus = menus;
        this.texts = texts;
    }

    /**
     * Reads the script from configuration properties.
     *
     * @throws InvalidInputException naming what is wrong: a step the robot does not know, a menu that leads nowhere,
     *         a sentence missing in one of the languages
     */
    static RobotScript read(Map<String, ?> properties) {
        List<String> languages = list(string(properties, "languages", "ro, en"));
        Map<String, String> voices = new LinkedHashMap<>();
        for (String language : languages) {
            voices.put(language, string(properties, "voice." + language, language));
        }
        Map<String, List<Option>> menus = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("menu.")) {
                menus.put(key.substring(5), options(key, String.valueOf(e.getValue())));
            } else if (key.startsWith("text.") || key.startsWith("label.")) {
                texts.put(key, String.valueOf(e.getValue()).strip());
            }
        }
        if (!menus.containsKey(MAIN)) {
            throw new InvalidInputException("menu.main", "the robot needs a main menu");
        }
        for (Map.Entry<String, List<Option>> menu : menus.entrySet()) {
            for (Option o : menu.getValue()) {
                if (o.runsStep()) {
                    // A step service names itself; the script may reword its label (label.<step>.<language>).
                    continue;
                }
                if (o.step().equals("menu") && !menus.containsKey(o.argument())) {
                    throw new InvalidInputException("menu." + menu.getKey(), "option " + o.key() + " leads to menu '"
                            + o.argument() + "', which is not defined");
                }
                for (String language : languages) {
                    if (!texts.containsKey("label." + o.labelKey() + "." + language)) {
                        throw new InvalidInputException("label." + o.labelKey() + "." + language,
                                "the option is not named in " + language);
                    }
                }
            }
        }
        for (String text : REQUIRED_TEXTS) {
            for (String language : languages) {
                if (!texts.containsKey("text." + text + "." + language)) {
                    throw new InvalidInputException("text." + text + "." + language, "the robot has no such sentence");
                }
            }
        }
        return new RobotScript(List.copyOf(languages), Map.copyOf(voices), Map.copyOf(menus), Map.copyOf(texts));
    }

    public List<String> languages() {
        return languages;
    }

    public String voice(String language) {
        return voices.get(language);
    }

    Set<String> menuNames() {
        return menus.keySet();
    }

    public List<Option> menu(String name) {
        return menus.getOrDefault(name, List.of());
    }

    /** A sentence with its placeholders ({@code {name}}) filled in. */
    public String text(String key, String language, Map<String, ?> values) {
        return fill(texts.get("text." + key + "." + language), values);
    }

    /** The script's own wording of a sentence, if it has one in that language (a step's sentence reworded). */
    Optional<String> wording(String key, String language) {
        return Optional.ofNullable(texts.get("text." + key + "." + language));
    }

    /** The label of an option as the script words it; for a step's option, empty unless the script rewords it. */
    Optional<String> label(Option option, String language) {
        return Optional.ofNullable(texts.get("label." + option.labelKey() + "." + language));
    }

    static String fill(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Option> options(String property, String value) {
        List<Option> options = new ArrayList<>();
        for (String entry : list(value)) {
            String[] parts = entry.split("\\s+");
            if (parts.length < 2 || parts.length > 3 || !parts[0].matches("[0-9*#]")) {
                throw new InvalidInputException(property, "write each option as <key> <step> [<argument>], not '"
                        + entry + "'");
            }
            String step = parts[1].toLowerCase(Locale.ROOT);
            if (!NAVIGATION.contains(step) && !STEP_ID.matcher(step).matches()) {
                throw new InvalidInputException(property, "'" + parts[1] + "' is neither one of " + NAVIGATION
                        + " nor a step's id (letters, digits and dashes)");
            }
            boolean needsArgument = step.equals("menu") || step.equals("department");
            if (needsArgument != (parts.length == 3)) {
                throw new InvalidInputException(property, needsArgument ? "say which " + step + " option " + parts[0]
                        + " leads to" : "option " + parts[0] + " takes no argument");
            }
            if (options.stream().anyMatch(o -> o.key().equals(parts[0]))) {
                throw new InvalidInputException(property, "key " + parts[0] + " is used twice");
            }
            options.add(new Option(parts[0], step, parts.length == 3 ? parts[2] : null));
        }
        return options;
    }

    private static String string(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
