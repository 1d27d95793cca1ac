package org.civicdesk.channel.phone.internal.robot;

import java.util.Map;

import org.civicdesk.channel.phone.api.CallEndedException;

/**
 * The robot's voice in one call: words in the caller's language, made into sound by the speech
 * engine (cached) and played on the line, and the keys pressed in answer.
 */
final class Voice {
    /** How long the robot waits for a choice of one key. */
    static final int MENU_TIMEOUT_MS = 6000;
    /** How long it waits for each key of a number. */
    static final int DIGITS_TIMEOUT_MS = 15000;

    private final ExchangeLine line;
    private final Speech speech;
    private final RobotScript script;
    private String language;

    Voice(ExchangeLine line, Speech speech, RobotScript script, String language) {
        this.line = line;
        this.speech = speech;
        this.script = script;
        this.language = language;
    }

    String language() {
        return language;
    }

    void language(String chosen) {
        this.language = chosen;
    }

    RobotScript script() {
        return script;
    }

    /** One of the script's sentences, filled in, in the caller's language. */
    String text(String key, Map<String, ?> values) {
        return script.text(key, language, values);
    }

    void say(String key, Map<String, ?> values) throws CallEndedException {
        speak(text(key, values));
    }

    void say(String key) throws CallEndedException {
        say(key, Map.of());
    }

    void speak(String words) throws CallEndedException {
        line.play(speech.say(script.voice(language), words));
    }

    /** Says the words and reads up to {@code maxDigits} keys: a choice of one key, or a number. */
    String ask(String words, int maxDigits) throws CallEndedException {
        return ask(language, words, maxDigits, maxDigits == 1 ? MENU_TIMEOUT_MS : DIGITS_TIMEOUT_MS);
    }

    /** Says the words in a given voice and reads the keys, waiting {@code timeoutMs}. */
    String ask(String inLanguage, String words, int maxDigits, int timeoutMs) throws CallEndedException {
        return line.read(speech.say(script.voice(inLanguage), words), timeoutMs, maxDigits);
    }
}
