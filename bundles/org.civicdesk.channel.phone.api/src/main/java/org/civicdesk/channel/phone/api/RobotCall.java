package org.civicdesk.channel.phone.api;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A call as a {@link RobotStep} sees it while it runs: the caller's language and identity, and
 * what the step can do on the line: say its sentences, read keys, record. The exchange and its
 * protocol stay behind it. Everything is said in the caller's language with the robot's voice.
 * Methods that talk to the caller throw {@link CallEndedException} once the caller has hung up.
 */
@ProviderType
public interface RobotCall {

    /** The exchange's id of the call, as the call log knows it. */
    String callId();

    /** The caller's language, {@code ro} or {@code en}. */
    String language();

    /** Whom the robot acts as when it reads or files anything: audited as the phone robot. */
    Actor actor();

    /**
     * The caller, once identified by national id and PIN: always, for a step that
     * {@link RobotStep#needsIdentifiedCaller needs it}.
     */
    Optional<Citizen> citizen();

    /** Whether there is a sentence of that key in the caller's language: the step's own, or the robot's. */
    boolean hasText(String key);

    /**
     * A sentence in the caller's language with its placeholders filled in: the script's wording
     * ({@code text.<key>.<language>}) if it has one, else the step's own prompt. The robot's own
     * sentences ({@code unavailable}, {@code invalid}, {@code noInput}, {@code goodbye}) can be said too.
     *
     * @throws IllegalArgumentException when there is no such sentence in the caller's language
     */
    String text(String key, Map<String, ?> values);

    /** Says a sentence ({@link #text}) and waits until it has been heard. */
    void say(String key, Map<String, ?> values) throws CallEndedException;

    /** Says a sentence without placeholders. */
    void say(String key) throws CallEndedException;

    /** Says these words as they are, e.g. an announcement stored in the caller's language. */
    void speak(String words) throws CallEndedException;

    /**
     * Says these words and reads the keys the caller presses meanwhile or after: at most
     * {@code maxDigits}, or fewer ended with {@code #}.
     *
     * @return the keys pressed, empty when the caller pressed none in time
     */
    String ask(String words, int maxDigits) throws CallEndedException;

    /**
     * Asks the caller to choose one of up to nine answers: the question, then "for &lt;choice&gt;,
     * press &lt;n&gt;" for each. On no key or a key that is not offered the caller is told so.
     *
     * @return the index of the choice in {@code choices}, or -1 when none was chosen
     */
    int choose(String question, List<String> choices) throws CallEndedException;

    /**
     * Records what the caller says, after a tone, until they press {@code #}, stay silent for five
     * seconds or {@code maxSeconds} pass, into {@code base} + {@code .wav}. The exchange writes the
     * file, so {@code base} must lie in a directory it writes to and CivicDesk reads (the phone
     * channel's recording directory). What was said before a hang-up is in the file all the same.
     */
    void record(Path base, int maxSeconds) throws CallEndedException;

    /** An amount as the caller's language writes it, with two decimals and no thousands separators. */
    String amount(BigDecimal amount);

    /** A date as the caller's language says it ({@code 31 martie 2027}). */
    String date(LocalDate date);

    /** The city hall's time zone, for dates of instants. */
    ZoneId zone();

    /** A number read one digit at a time, so that the caller can write it down; {@code /} becomes a pause. */
    String digitByDigit(String number);

    /** Notes in the call log that the call went through a step of the dialogue ({@code voted}). */
    void log(String step);

    /** Notes in the call log that the call filed a request, by its registration number. */
    void filed(String requestNumber);
}
