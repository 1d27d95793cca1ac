package org.civicdesk.channel.phone.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.core.api.InvalidInputException;

/**
 * The phone robot as configured in {@code etc/org.civicdesk.channel.phone.ivr.cfg}: its
 * languages and voices, its menu tree and every sentence it says, in each language. The menus
 * are data, not code: an administrator adds a department or reorders the options by editing the
 * file, and the change applies to the next call.
 */
final class RobotScript {
    /** The menu a call starts in. */
    static final String MAIN = "main";
    /** What an option may lead to besides another menu. */
    static final Set<String> STEPS = Set.of("menu", "taxes", "status", "voice", "announcements", "poll", "operator",
            "department", "language");
    /** Sentences the robot cannot do without, checked in every language when the script is read. */
    static final List<String> REQUIRED_TEXTS = List.of("welcome", "chooseLanguage", "option", "invalid", "noInput",
            "goodbye", "askId", "askPin", "idFailed", "idLocked", "identified", "taxesOwed", "taxesNext", "taxesFines",
            "taxesNone", "askNumber", "status", "statusEmployee", "statusUnknown", "voiceIntro", "voiceFiled",
            "voiceEmpty", "voicePending", "announcementsNone", "pollNone", "pollVoted", "pollAlready", "pollRefused",
            "queuePosition", "queueCallbackOffer", "callbackRecorded", "noOperators", "connecting", "unavailable");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** One choice of a menu: the key to press and where it leads ({@code department URB}, {@code menu departments}). */
    record Option(String key, String step, String argument) {
        /** The key of this option's label: the step, or the step and its argument. */
        String labelKey() {
            return argument == null ? step : step + "." + argument;
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
            } else if (key.startsWith("text.") || key.startsWith("label.") || key.startsWith("status.")) {
                texts.put(key, String.valueOf(e.getValue()).strip());
            }
        }
        if (!menus.containsKey(MAIN)) {
            throw new InvalidInputException("menu.main", "the robot needs a main menu");
        }
        for (Map.Entry<String, List<Option>> menu : menus.entrySet()) {
            for (Option o : menu.getValue()) {
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

    List<String> languages() {
        return languages;
    }

    String voice(String language) {
        return voices.get(language);
    }

    List<Option> menu(String name) {
        return menus.getOrDefault(name, List.of());
    }

    /** A sentence with its placeholders ({@code {name}}) filled in. */
    String text(String key, String language, Map<String, ?> values) {
        return fill(texts.get("text." + key + "." + language), values);
    }

    String label(Option option, String language) {
        return texts.get("label." + option.labelKey() + "." + language);
    }

    /** A request status as said to callers, or the status code in words when the script does not name it. */
    String status(String status, String language) {
        return texts.getOrDefault("status." + status + "." + language, status.replace('_', ' '));
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
            if (!STEPS.contains(step)) {
                throw new InvalidInputException(property, "unknown step '" + parts[1] + "'; the steps are " + STEPS);
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
