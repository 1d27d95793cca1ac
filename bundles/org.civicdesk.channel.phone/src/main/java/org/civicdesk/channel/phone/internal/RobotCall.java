package org.civicdesk.channel.phone.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.civicdesk.channel.phone.internal.CallDistributor.Agent;
import org.civicdesk.channel.phone.internal.CallDistributor.Waiting;
import org.civicdesk.channel.phone.internal.RobotScript.Option;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.engagement.api.Announcement;
import org.civicdesk.engagement.api.Poll;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.PhoneNumbers;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call with the phone robot, from the greeting to the hang-up or the hand-over to an
 * operator. Everything the caller hears is text from the script, spoken by {@link Speech};
 * everything that happens is appended to the {@link CallLog}. The log never names the caller.
 */
final class RobotCall {
    private static final Logger LOG = LoggerFactory.getLogger(RobotCall.class);
    private static final int MENU_TIMEOUT_MS = 6000;
    private static final int DIGITS_TIMEOUT_MS = 15000;
    private static final int ATTEMPTS = 3;

    private final PhoneChannel phone;
    private final RobotScript script;
    private final AgiChannel channel;
    private final String callId;
    private final String caller;
    /** The exchange's name of the caller's channel, for transfers. */
    private final String pbxChannel;
    private String language;
    private Citizen citizen;
    private int failedIdentifications;
    /** Whether the caller was handed to an operator (the operator then stays on the call). */
    private boolean connected;

    RobotCall(PhoneChannel phone, RobotScript script, AgiChannel channel, String callId, String pbxChannel, String caller,
            String language) {
        this.phone = phone;
        this.script = script;
        this.channel = channel;
        this.callId = callId;
        this.caller = caller;
        this.pbxChannel = pbxChannel;
        this.language = language;
    }

    /** Runs the call; returns how it ended, for the log. */
    String run() throws AgiException {
        channel.answer();
        if (language == null) {
            language = chooseLanguage();
        }
        phone.log(callId, CallLog.LANGUAGE, language);
        say("welcome", Map.of());
        return menu(RobotScript.MAIN);
    }

    private String chooseLanguage() throws AgiException {
        List<String> languages = script.languages();
        if (languages.size() == 1) {
            return languages.get(0);
        }
        for (int i = 0; i < languages.size(); i++) {
            String key = String.valueOf(i + 1);
            String pressed = ask(languages.get(i), script.text("chooseLanguage", languages.get(i), Map.of("key", key)),
                    1, i == languages.size() - 1 ? MENU_TIMEOUT_MS : 1);
            int chosen = pressed.isEmpty() ? -1 : pressed.charAt(0) - '1';
            if (chosen >= 0 && chosen < languages.size()) {
                return languages.get(chosen);
            }
        }
        return languages.get(0);
    }

    /** Reads a menu and carries out the caller's choices until the call ends. */
    private String menu(String start) throws AgiException {
        String current = start;
        int misses = 0;
        while (true) {
            if (phone.closing()) {
                say("unavailable", Map.of());
                channel.hangup();
                return "interrupted";
            }
            List<Option> options = script.menu(current).stream().filter(this::available).toList();
            StringBuilder prompt = new StringBuilder();
            for (Option o : options) {
                prompt.append(script.text("option", language, Map.of("label", script.label(o, language),
                        "key", o.key()))).append(' ');
            }
            String pressed = ask(language, prompt.toString().strip(), 1, MENU_TIMEOUT_MS);
            Optional<Option> chosen = options.stream().filter(o -> o.key().equals(pressed)).findFirst();
            if (chosen.isEmpty()) {
                say(pressed.isEmpty() ? "noInput" : "invalid", Map.of());
                if (++misses >= ATTEMPTS) {
                    say("goodbye", Map.of());
                    channel.hangup();
                    return "completed";
                }
                continue;
            }
            misses = 0;
            Option option = chosen.get();
            phone.log(callId, CallLog.STEP, option.labelKey());
            switch (option.step()) {
                case "menu" -> current = option.argument();
                case "language" -> language = otherLanguage();
                case "taxes" -> taxes();
                case "status" -> status();
                case "voice" -> voiceRequest();
                case "announcements" -> announcements();
                case "poll" -> poll();
                case "operator" -> {
                    return queue(Set.of(language, CallDistributor.GENERAL));
                }
                case "department" -> {
                    return queue(Set.of(language, option.argument()));
                }
                default -> throw new IllegalStateException("unknown step " + option.step());
            }
        }
    }

    private boolean available(Option option) {
        return switch (option.step()) {
            case "taxes" -> phone.taxes().isPresent();
            case "poll" -> !openPolls().isEmpty();
            case "language" -> script.languages().size() > 1;
            default -> true;
        };
    }

    private String otherLanguage() {
        List<String> languages = script.languages();
        String next = languages.get((languages.indexOf(language) + 1) % languages.size());
        phone.log(callId, CallLog.LANGUAGE, next);
        return next;
    }

    /** Identifies the caller by CNP or CUI and PIN unless done already; false when they could not be. */
    private boolean identified() throws AgiException {
        while (citizen == null) {
            if (failedIdentifications >= ATTEMPTS) {
                return false;
            }
            String nationalId = ask(language, script.text("askId", language, Map.of()), 13, DIGITS_TIMEOUT_MS);
            String pin = nationalId.isEmpty() ? "" : ask(language, script.text("askPin", language, Map.of()), 8,
                    DIGITS_TIMEOUT_MS);
            try {
                Optional<Citizen> found = nationalId.isEmpty() || pin.isEmpty() ? Optional.empty()
                        : phone.pins().verify(nationalId, pin, Channel.PHONE.id());
                if (found.isPresent()) {
                    citizen = found.get();
                    phone.log(callId, CallLog.IDENTIFIED, citizen.id());
                    say("identified", Map.of("name", citizen.displayName()));
                    return true;
                }
                failedIdentifications++;
            } catch (AccessDeniedException locked) {
                failedIdentifications = ATTEMPTS;
            } catch (CivicDeskException invalid) {
                failedIdentifications++;
            }
            if (failedIdentifications < ATTEMPTS) {
                say("idFailed", Map.of());
            }
        }
        return true;
    }

    /**
     * Identifies the caller for a step that needs it. After three failures the caller may press 0 for an operator
     * (the call goes to the queue) or go back to the menu (false).
     */
    private boolean identifiedOrOfferOperator() throws AgiException {
        if (identified()) {
            return true;
        }
        phone.log(callId, CallLog.STEP, "identification-failed");
        if (ask(language, script.text("idLocked", language, Map.of()), 1, MENU_TIMEOUT_MS).equals("0")) {
            throw new GoToQueue();
        }
        return false;
    }

    private void taxes() throws AgiException {
        Optional<TaxAnswers> taxes = phone.taxes();
        if (taxes.isEmpty()) {
            say("unavailable", Map.of());
            return;
        }
        if (!identifiedOrOfferOperator()) {
            return;
        }
        Optional<TaxAnswers.TaxFacts> facts;
        try {
            facts = taxes.get().of(PhoneChannel.ROBOT, citizen.nationalId());
        } catch (RuntimeException e) {
            LOG.warn("Call {}: the tax data source failed: {}", callId, e.toString());
            say("unavailable", Map.of());
            return;
        }
        if (facts.isEmpty() || facts.get().owedNow().signum() == 0 && facts.get().nextDueDate() == null
                && facts.get().unpaidFines() == 0) {
            say("taxesNone", Map.of());
            return;
        }
        TaxAnswers.TaxFacts f = facts.get();
        StringBuilder text = new StringBuilder(script.text("taxesOwed", language, Map.of("amount", amount(f.owedNow()))));
        if (f.nextDueDate() != null) {
            text.append(' ').append(script.text("taxesNext", language,
                    Map.of("amount", amount(f.nextDueAmount()), "date", date(f.nextDueDate()))));
        }
        if (f.unpaidFines() > 0) {
            text.append(' ').append(script.text("taxesFines", language,
                    Map.of("count", f.unpaidFines(), "amount", amount(f.unpaidFinesAmount()))));
        }
        speak(text.toString());
    }

    private void status() throws AgiException {
        String digits = ask(language, script.text("askNumber", language, Map.of()), 13, DIGITS_TIMEOUT_MS);
        Optional<ServiceRequest> request = Optional.empty();
        if (digits.matches("\\d{5,13}")) {
            try {
                RequestNumber number = new RequestNumber(Integer.parseInt(digits.substring(0, 4)),
                        Integer.parseInt(digits.substring(4)));
                request = Optional.of(phone.registry().get(PhoneChannel.ROBOT, number));
            } catch (IllegalArgumentException | CivicDeskException e) {
                request = Optional.empty();
            }
        }
        if (request.isEmpty()) {
            say("statusUnknown", Map.of());
            return;
        }
        ServiceRequest r = request.get();
        String text = script.text("status", language, Map.of("number", digitByDigit(r.number()),
                "status", script.status(r.status(), language),
                "date", date(r.lastChangeAt().atZone(zone()).toLocalDate())));
        if (r.assignee() != null) {
            String employee = phone.staffName(r.assignee());
            text += " " + script.text("statusEmployee", language, Map.of("employee", employee));
        }
        speak(text);
    }

    private void voiceRequest() throws AgiException {
        if (!identifiedOrOfferOperator()) {
            return;
        }
        say("voiceIntro", Map.of());
        VoiceMessages messages = phone.voiceMessages();
        Path recording = messages.prepare(callId, citizen, language);
        try {
            channel.recordFile(recording.toString(), "wav", "#", phone.maxRecordingSeconds() * 1000, 0, true, 5);
        } catch (AgiException hungUp) {
            // What the caller said before hanging up is a request all the same.
            messages.file(recording);
            throw hungUp;
        }
        Optional<ServiceRequest> filed = messages.file(recording);
        if (filed.isEmpty()) {
            say("voiceEmpty", Map.of());
            return;
        }
        say("voiceFiled", Map.of("number", digitByDigit(filed.get().number()), "deadline", date(filed.get().deadline())));
    }
    private void announcements() throws AgiException {
        List<Announcement> current = phone.announcements().current(Instant.now());
        if (current.isEmpty()) {
            say("announcementsNone", Map.of());
            return;
        }
        for (Announcement a : current) {
            speak(a.text(language));
        }
    }

    private List<Poll> openPolls() {
        Instant now = Instant.now();
        return phone.polls().list().stream().filter(poll -> poll.isOpenAt(now)).toList();
    }

    private void poll() throws AgiException {
        List<Poll> open = openPolls();
        if (open.isEmpty()) {
            say("pollNone", Map.of());
            return;
        }
        if (!identifiedOrOfferOperator()) {
            return;
        }
        for (Poll poll : open) {
            if (phone.polls().hasVoted(citizen, poll.id())) {
                say("pollAlready", Map.of());
                continue;
            }
            StringBuilder prompt = new StringBuilder(poll.question(language));
            List<Poll.Option> options = poll.options();
            for (int i = 0; i < options.size(); i++) {
                prompt.append(' ').append(script.text("option", language,
                        Map.of("label", options.get(i).name(language), "key", i + 1)));
            }
            String pressed = ask(language, prompt.toString(), 1, MENU_TIMEOUT_MS);
            int index = pressed.matches("[1-9]") ? Integer.parseInt(pressed) - 1 : -1;
            if (index < 0 || index >= options.size()) {
                say(pressed.isEmpty() ? "noInput" : "invalid", Map.of());
                continue;
            }
            try {
                phone.polls().vote(citizen, poll.id(), options.get(index).key(), Channel.PHONE.id());
                phone.log(callId, CallLog.STEP, "voted");
                say("pollVoted", Map.of());
            } catch (ConflictException already) {
                say("pollAlready", Map.of());
            } catch (AccessDeniedException | NotFoundException refused) {
                say("pollRefused", Map.of());
            }
        }
    }

    /**
     * The caller waits for an operator with these skills, hearing their place and the estimated
     * wait; past the configured wait they may ask to be called back instead.
     */
    private String queue(Set<String> skills) throws AgiException {
        if (phone.closing()) {
            throw new QueueClosed();
        }
        CallDistributor distributor = phone.distributor();
        if (!distributor.anyoneFor(skills)) {
            say("noOperators", Map.of());
            return offerCallback(skills) ? "callback" : goodbye();
        }
        phone.log(callId, CallLog.QUEUED, String.join(" ", skills));
        Waiting waiting = distributor.enqueue(callId, skills);
        boolean callbackOffered = false;
        try {
            while (true) {
                Agent operator = awaitOperator(waiting, 0);
                if (operator == null) {
                    int position = distributor.position(waiting);
                    say("queuePosition", Map.of("position", position, "minutes",
                            distributor.estimatedMinutes(waiting)));
                    long waited = Duration.between(waiting.queuedAt, Instant.now()).toSeconds();
                    if (!callbackOffered && waited >= phone.callbackAfterSeconds()) {
                        callbackOffered = true;
                        if (offerCallback(skills)) {
                            return "callback";
                        }
                    }
                    channel.exec("StartMusicOnHold");
                    operator = awaitOperator(waiting, phone.announceEverySeconds());
                    if (operator == null) {
                        channel.exec("StopMusicOnHold");
                        continue;
                    }
                    channel.exec("StopMusicOnHold");
                }
                return connect(operator);
            }
        } finally {
            Optional<String> chosen = distributor.leave(waiting);
            if (!connected) {
                // The caller went (or the channel stopped) just as an operator was chosen: the operator is free again.
                chosen.ifPresent(operator -> distributor.unassign(operator, callId));
            }
        }
    }

    private Agent awaitOperator(Waiting waiting, int seconds) {
        try {
            return phone.distributor().await(waiting, seconds);
        } catch (CancellationException e) {
            throw new QueueClosed();
        }
    }

    /** Hands the caller to the operator: the dialplan dials their extension when this script returns. */
    private String connect(Agent operator) throws AgiException {
        say("connecting", Map.of());
        channel.setVariable("CIVICDESK_DIAL", phone.dialString(operator.extension()));
        channel.setVariable("CIVICDESK_OPERATOR", operator.username());
        connected = true;
        phone.log(callId, CallLog.ANSWERED, operator.username());
        phone.offerToOperator(operator, callId, pbxChannel, caller, language, citizen);
        return "routed";
    }

    private boolean offerCallback(Set<String> skills) throws AgiException {
        if (PhoneNumbers.normalise(caller).isEmpty()) {
            return false;
        }
        String pressed = ask(language, script.text("queueCallbackOffer", language, Map.of()), 1, MENU_TIMEOUT_MS);
        if (!pressed.equals("1")) {
            return false;
        }
        String id = phone.callbacks().request(callId, caller, citizen == null ? null : citizen.id(), language, skills);
        phone.log(callId, CallLog.CALLBACK, id);
        say("callbackRecorded", Map.of());
        channel.hangup();
        return true;
    }

    private String goodbye() throws AgiException {
        say("goodbye", Map.of());
        channel.hangup();
        return "completed";
    }

    /** Thrown by a step whose caller asked for an operator after failing to identify. */
    static final class GoToQueue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GoToQueue() {
            super(null, null, false, false);
        }
    }

    /** Thrown to a caller waiting in the queue when the phone channel stops. */
    static final class QueueClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueueClosed() {
            super(null, null, false, false);
        }
    }

    /** Runs a whole call, turning "go to an operator" from any step into the queue. */
    String runToEnd() throws AgiException {
        try {
            try {
                return run();
            } catch (GoToQueue toOperator) {
                return queue(Set.of(language, CallDistributor.GENERAL));
            }
        } catch (QueueClosed closed) {
            say("unavailable", Map.of());
            return "interrupted";
        }
    }

    private void say(String key, Map<String, ?> values) throws AgiException {
        speak(script.text(key, language, values));
    }

    private void speak(String text) throws AgiException {
        channel.streamFile(phone.speech().say(script.voice(language), text));
    }

    /** Says a prompt and collects up to {@code maxDigits} keys; empty when nothing was pressed. */
    private String ask(String lang, String text, int maxDigits, int timeoutMs) throws AgiException {
        String answer = channel.getData(phone.speech().say(script.voice(lang), text), timeoutMs, maxDigits);
        return answer == null ? "" : answer.replaceAll("[^0-9*#]", "");
    }

    /** An amount as the language writes it, without thousands separators (the speech engine reads them oddly). */
    private String amount(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(language)));
    }

    private ZoneId zone() {
        return phone.zone();
    }

    /** The registration number as it is printed, said one digit at a time so that it can be written down. */
    private static String digitByDigit(RequestNumber number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toString().toCharArray()) {
            out.append(c == '/' ? ", " : c + " ");
        }
        return out.toString().strip();
    }
}
