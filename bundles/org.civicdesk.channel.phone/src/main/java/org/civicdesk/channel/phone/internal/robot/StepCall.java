package org.civicdesk.channel.phone.internal.robot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.internal.queue.CallCentre;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.Citizen;

/**
 * The call as one step sees it while it runs: its sentences are the script's wording if it has one,
 * else the step's own prompts, in the caller's language; all else goes through the robot's voice and
 * the line.
 */
final class StepCall implements RobotCall {
    /** The most answers {@link #choose} offers: one key each. */
    private static final int MAX_CHOICES = 9;

    private final Voice voice;
    private final ExchangeLine line;
    private final Map<String, String> prompts;
    private final Optional<Citizen> citizen;
    private final String callId;
    private final CallLog callLog;
    private final ZoneId zone;

    StepCall(Voice voice, ExchangeLine line, Map<String, String> prompts, Optional<Citizen> citizen, String callId,
            CallLog callLog, ZoneId zone) {
        this.voice = voice;
        this.line = line;
        this.prompts = prompts;
        this.citizen = citizen;
        this.callId = callId;
        this.callLog = callLog;
        this.zone = zone;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String language() {
        return voice.language();
    }

    @Override
    public Actor actor() {
        return CallCentre.ROBOT;
    }

    @Override
    public Optional<Citizen> citizen() {
        return citizen;
    }

    @Override
    public boolean hasText(String key) {
        return wording(key).isPresent();
    }

    private Optional<String> wording(String key) {
        return voice.script().wording(key, voice.language()).or(() -> Optional.ofNullable(prompts.get(key)));
    }

    @Override
    public String text(String key, Map<String, ?> values) {
        String template = wording(key).orElseThrow(() -> new IllegalArgumentException("the robot has no sentence '" + key
                + "' in " + voice.language()));
        return RobotScript.fill(template, values);
    }

    @Override
    public void say(String key, Map<String, ?> values) throws CallEndedException {
        voice.speak(text(key, values));
    }

    @Override
    public void say(String key) throws CallEndedException {
        say(key, Map.of());
    }

    @Override
    public void speak(String words) throws CallEndedException {
        voice.speak(words);
    }

    @Override
    public String ask(String words, int maxDigits) throws CallEndedException {
        if (maxDigits < 1) {
            throw new IllegalArgumentException("ask for one key at least");
        }
        return voice.ask(words, maxDigits);
    }

    @Override
    public int choose(String question, List<String> choices) throws CallEndedException {
        if (choices.isEmpty() || choices.size() > MAX_CHOICES) {
            throw new IllegalArgumentException("offer 1 to " + MAX_CHOICES + " choices, not " + choices.size());
        }
        StringBuilder prompt = new StringBuilder(question);
        for (int i = 0; i < choices.size(); i++) {
            prompt.append(' ').append(voice.text("option", Map.of("label", choices.get(i), "key", i + 1)));
        }
        String pressed = voice.ask(prompt.toString(), 1);
        int index = pressed.matches("[1-9]") ? Integer.parseInt(pressed) - 1 : -1;
        if (index < 0 || index >= choices.size()) {
            voice.say(pressed.isEmpty() ? "noInput" : "invalid");
            return -1;
        }
        return index;
    }

    @Override
    public void record(Path base, int maxSeconds) throws CallEndedException {
        line.record(base.toString(), maxSeconds * 1000L);
    }

    /** Without thousands separators: the speech engine reads them oddly. */
    @Override
    public String amount(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(voice.language()));
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    @Override
    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(voice.language())));
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String digitByDigit(String number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) {
            out.append(c == '/' ? ", " : c + " ");
        }
        return out.toString().strip();
    }

    @Override
    public void log(String step) {
        callLog.append(callId, CallLog.STEP, step);
    }

    @Override
    public void filed(String requestNumber) {
        callLog.append(callId, CallLog.REQUEST, requestNumber);
    }
}
