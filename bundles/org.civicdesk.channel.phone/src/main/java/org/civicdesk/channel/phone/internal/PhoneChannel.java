package org.civicdesk.channel.phone.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.civicdesk.channel.phone.api.SpeechToText;
import org.civicdesk.channel.phone.internal.CallDistributor.Agent;
import org.civicdesk.channel.phone.internal.CallDistributor.Presence;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.engagement.api.Announcements;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.PhoneNumbers;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone channel: the FastAGI server the exchange hands calls to (the robot, then the queue),
 * the call distribution to operators, and what the console asks of it (presence, the caller on
 * an operator's line, call-backs, the call log). Configured by {@code etc/org.civicdesk.channel.phone.cfg}
 * and the robot's script in {@code etc/org.civicdesk.channel.phone.ivr.cfg}.
 */
@Component(service = PhoneChannel.class, configurationPid = PhoneChannel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PhoneConfig.class)
public class PhoneChannel {
    static final String PID = "org.civicdesk.channel.phone";
    /** The robot's own actor: what it reads and files is audited under this name. */
    static final Actor ROBOT = Actor.system("phone-robot");
    private static final Logger LOG = LoggerFactory.getLogger(PhoneChannel.class);
    /** How long an uninstall waits for calls in progress to finish what they are doing (a request being filed). */
    private static final long DRAIN_SECONDS = 20;
    /** How many of the caller's open requests the pop-up lists. */
    private static final int OPEN_REQUESTS = 10;

    private final CitizenPins pins;
    private final CitizenRegistry citizens;
    private final RequestRegistry registry;
    private final InteractionLog interactions;
    private final AttachmentStore attachments;
    private final Announcements announcements;
    private final Polls polls;
    private final StaffDirectory staff;
    private final CityClock clock;
    private final CallLog callLog;
    private final Callbacks callbacks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TaxAnswers taxAnswers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SpeechToText speechToText;

    private volatile PhoneConfig config;
    /** The operators of the configuration, by user name, read when it changes. */
    private volatile Map<String, OperatorSetup> configuredOperators = Map.of();
    private final RobotScripts scripts;
    private volatile Speech speech;
    private volatile Path recordingDirectory;
    private volatile VoiceMessages voiceMessages;
    private volatile CallRecordings recordings;
    /** One clean-up at a time: the housekeeping job's, or the one a configuration change makes. */
    private final Object cleaning = new Object();
    private final CallDistributor distributor;
    private DefaultAgiServer agiServer;
    private volatile Pbx pbx;
    private volatile boolean closing;
    /** Calls the robot is handling now, by call id. */
    private final Set<String> liveCalls = ConcurrentHashMap.newKeySet();
    /** The call each operator has just been given, for the console's pop-up. */
    private final DeskCalls deskCalls;

    /**
     * The caller on an operator's line, as the console pops it up.
     *
     * @param citizenId     the caller when the robot identified them by PIN ({@code verified}), or the one
     *                      citizen whose phone is the caller's number, or {@code null}
     * @param matches       how many citizens have the caller's number
     * @param interactionId the interaction started for the operator
     * @param openRequests  the caller's requests still open, the newest first: what they are likely calling about
     */
    public record DeskCall(String callId, String pbxChannel, String caller, String language, String citizenId,
            boolean verified, int matches, String interactionId, Instant at, List<OpenRequest> openRequests) {
    }

    /** One of the caller's open requests, with whoever handles it (whom the caller may be transferred to). */
    public record OpenRequest(String number, String type, String status, String assignee, LocalDate deadline) {
    }

    @Activate
    public PhoneChannel(@Reference CitizenPins pins, @Reference CitizenRegistry citizens,
            @Reference RequestRegistry registry, @Reference InteractionLog interactions,
            @Reference AttachmentStore attachments, @Reference Announcements announcements, @Reference Polls polls,
            @Reference StaffDirectory staff, @Reference CityClock clock, @Reference CallLog callLog,
            @Reference Callbacks callbacks, @Reference RobotScripts scripts,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource, PhoneConfig config)
            throws IOException, SQLException {
        this.pins = pins;
        this.citizens = citizens;
        this.registry = registry;
        this.interactions = interactions;
        this.attachments = attachments;
        this.announcements = announcements;
        this.polls = polls;
        this.staff = staff;
        this.clock = clock;
        this.callLog = callLog;
        this.callbacks = callbacks;
        this.scripts = scripts;
        this.deskCalls = new DeskCalls(dataSource);
        this.distributor = new CallDistributor(dataSource, config.wrapUpSeconds(), config.assumedTalkSeconds(),
                agent -> callLog.presence(agent.username(), agent.presence().id()));
        try {
            apply(config);
        } catch (IOException | RuntimeException e) {
            // No half-started channel: the callers it queued go with it.
            distributor.close();
            throw e;
        }
        startAgi(config);
        recoverVoiceMessages();
    }

    @Modified
    void modified(PhoneConfig changed) throws IOException {
        PhoneConfig previous = this.config;
        apply(changed);
        // The retention may be shorter now: the purge does not wait for the housekeeping job's next run.
        cleanUp();
        distributor.configure(changed.wrapUpSeconds(), changed.assumedTalkSeconds());
        if (previous.agiPort() != changed.agiPort() || !previous.agiAddress().equals(changed.agiAddress())
                || previous.maxCalls() != changed.maxCalls()) {
            stopAgi();
            startAgi(changed);
        }
    }

    @Deactivate
    void deactivate() {
        closing = true;
        stopAgi();
        // Callers in the queue are let go; calls in progress finish the step they are in (a recorded message is
        // filed), then end.
        distributor.releaseWaiting();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (!liveCalls.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        distributor.close();
        if (pbx != null) {
            pbx.close();
        }
        if (!liveCalls.isEmpty()) {
            LOG.warn("{} calls were still with the robot when the phone channel stopped", liveCalls.size());
            liveCalls.forEach(id -> log(id, CallLog.ENDED, "interrupted"));
        }
    }

    private void apply(PhoneConfig changed) throws IOException {
        RobotScript readScript = scripts.current();
        Path data = Path.of(System.getProperty("karaf.data", "data"), "civicdesk");
        Speech newSpeech = new Speech(directory(changed.promptDirectory(), data.resolve("prompts")),
                changed.ttsCommand(), changed.soxCommand(), changed.promptGroup());
        this.recordingDirectory = Files.createDirectories(directory(changed.recordingDirectory(),
                data.resolve("recordings")));
        this.voiceMessages = new VoiceMessages(this, recordingDirectory);
        this.recordings = new CallRecordings(recordingDirectory, Duration.ofDays(changed.callRecordingRetentionDays()));
        this.speech = newSpeech;
        PhoneConfig previous = this.config;
        this.configuredOperators = operators(changed.operators());
        this.config = changed;
        prepareMenus(readScript, newSpeech);
        if (previous == null || !previous.amiHost().equals(changed.amiHost()) || previous.amiPort() != changed.amiPort()
                || !previous.amiUsername().equals(changed.amiUsername())
                || !previous.amiSecret().equals(changed.amiSecret())) {
            connectPbx(changed);
        }
    }

    private synchronized void connectPbx(PhoneConfig c) {
        if (pbx != null) {
            pbx.close();
            pbx = null;
        }
        if (!c.amiHost().isBlank()) {
            pbx = new Pbx(c.amiHost().strip(), c.amiPort(), c.amiUsername(), c.amiSecret(), this::talkEnded, this::connected);
        }
    }

    private Pbx pbx() {
        Pbx connected = pbx;
        if (connected == null) {
            throw new ConflictException("no exchange manager interface (AMI) is configured: set amiHost in "
                    + "etc/" + PID + ".cfg");
        }
        return connected;
    }

    /**
     * Speaks the fixed sentences once at start, so that the first caller does not wait for the speech engine, and
     * so that a missing engine is reported now rather than at the first call.
     */
    private static void prepareMenus(RobotScript script, Speech speech) {
        try {
            for (String language : script.languages()) {
                for (String key : List.of("welcome", "goodbye", "invalid", "noInput", "askId", "askPin")) {
                    speech.say(script.voice(language), script.text(key, language, Map.of()));
                }
            }
        } catch (IllegalStateException e) {
            LOG.error("The phone robot cannot speak: {}. Install espeak-ng and sox (Debian packages) or set ttsCommand "
                    + "and soxCommand in etc/{}.cfg", e.getMessage(), PID);
        }
    }

    /** Audio past its retention, and prompts nobody hears any more: the housekeeping job's work. */
    void cleanUp() {
        synchronized (cleaning) {
            recordings.purge((callId, recordedAt) -> log(callId, CallLog.RECORDING_EXPIRED, "recorded " + recordedAt));
            try {
                speech.forget(Duration.ofDays(config.promptCacheDays()));
            } catch (IllegalStateException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    /** Messages of calls cut short are filed in the background: starting the channel does not wait for them. */
    private void recoverVoiceMessages() {
        VoiceMessages messages = voiceMessages;
        Thread recovery = new Thread(messages::recover, "civicdesk-phone-voice-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    private static Path directory(String configured, Path fallback) {
        return configured == null || configured.isBlank() ? fallback : Path.of(configured.strip());
    }

    private synchronized void startAgi(PhoneConfig c) throws IOException {
        DefaultAgiServer server = new DefaultAgiServer((AgiScript) this::serve);
        server.setAddress(InetAddress.getByName(c.agiAddress()));
        server.setPort(c.agiPort());
        server.setPoolSize(Math.min(20, c.maxCalls()));
        server.setMaximumPoolSize(c.maxCalls());
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException | IllegalStateException e) {
                LOG.error("The FastAGI server cannot listen on {}:{}: {}", c.agiAddress(), c.agiPort(), e.toString());
            }
        }, "civicdesk-fastagi");
        acceptor.setDaemon(true);
        acceptor.start();
        agiServer = server;
        LOG.info("FastAGI server listening on {}:{}", c.agiAddress(), c.agiPort());
    }

    private synchronized void stopAgi() {
        if (agiServer != null) {
            try {
                agiServer.shutdown();
            } catch (IllegalStateException e) {
                // it never started
            }
            agiServer = null;
        }
    }

    /** One FastAGI connection: {@code agi://civicdesk/ivr} is a call for the robot, {@code /ended} a call's end. */
    private void serve(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = request.getUniqueId() == null || request.getUniqueId().isBlank() ? UUID.randomUUID().toString()
                : request.getUniqueId();
        String scriptName = request.getScript() == null ? "ivr" : request.getScript().replaceAll("^/+", "");
        if (scriptName.startsWith("ended")) {
            talkEnded(callId);
            return;
        }
        if (closing) {
            channel.hangup();
            return;
        }
        RobotScript current = scripts.current();
        String language = request.getParameter("language");
        String caller = request.getCallerIdNumber();
        liveCalls.add(callId);
        String outcome = "interrupted";
        try {
            log(callId, CallLog.STARTED, caller);
            outcome = new RobotCall(this, current, channel, callId, request.getChannel(), caller,
                    language != null && current.languages().contains(language) ? language : null).runToEnd();
        } catch (AgiException hungUp) {
            outcome = "hangup";
        } catch (RuntimeException e) {
            outcome = "failed";
            LOG.error("Call {} failed in the robot", callId, e);
        } finally {
            log(callId, CallLog.ENDED, outcome);
            liveCalls.remove(callId);
        }
    }

    /** The exchange says the operator answered (the caller joined a bridge): talk time counts from now. */
    void connected(String callId) {
        distributor.onCall(callId).filter(agent -> deskCalls.answered(callId))
                .ifPresent(agent -> log(callId, CallLog.CONNECTED, agent.username()));
    }

    /** The exchange says a call is over (AMI hang-up, or the dialplan's {@code h} extension): its operator wraps up. */
    void talkEnded(String callId) {
        distributor.onCall(callId).ifPresent(agent -> {
            long talk = Duration.between(deskCalls.talkStarted(callId).orElse(Instant.now()), Instant.now()).toSeconds();
            // Every node with AMI hears the hang-up: the one that ends the call logs it.
            if (distributor.callEnded(agent.username(), callId, talk)) {
                log(callId, CallLog.TALK_ENDED, agent.username());
            }
        });
    }

    /** The caller is on the operator's line: find who it is, start the interaction, pop it up on the console. */
    void offerToOperator(Agent operator, String callId, String pbxChannel, String caller, String language,
            Citizen identified) {
        Optional<StaffAccount> account = staff.find(operator.username());
        Actor actor = account.map(StaffAccount::asActor).orElse(ROBOT);
        List<Citizen> matches = identified != null ? List.of(identified)
                : caller == null ? List.of() : citizens.findByPhone(actor, caller, "caller on the operator's line");
        Interaction interaction = interactions.start(actor, Channel.PHONE);
        String citizenId = matches.size() == 1 ? matches.get(0).id() : null;
        if (citizenId != null) {
            interactions.identify(actor, interaction.id(), citizenId, identified != null);
        }
        log(callId, CallLog.INTERACTION, interaction.id());
        List<OpenRequest> open = citizenId == null ? List.of() : registry.search(actor, new RequestQuery(null, null, null,
                null, null, citizenId, null, null, null, null, null, null, null, null, null, false), 0, OPEN_REQUESTS)
                .items().stream().map(r -> new OpenRequest(r.number().toString(), r.type(), r.status(), r.assignee(),
                        r.deadline())).toList();
        deskCalls.put(operator.username(), new DeskCall(callId, pbxChannel, caller, language, citizenId, identified != null,
                matches.size(), interaction.id(), Instant.now(), open));
    }

    // What the console asks.

    /** An operator changes their presence. */
    Agent setPresence(StaffAccount account, String presence, String extension) {
        Presence wanted = Presence.parse(presence);
        if (extension != null && !extension.isBlank()) {
            if (!extension.strip().matches("[0-9]{2,8}")) {
                throw new InvalidInputException("extension", "an extension is 2 to 8 digits");
            }
        }
        if (wanted == Presence.ON_CALL) {
            throw new InvalidInputException("presence", "an operator is put on a call by the queue, not by hand");
        }
        Optional<Agent> current = distributor.agent(account.username());
        if (current.isPresent() && current.get().presence() == Presence.ON_CALL && current.get().callId() != null) {
            // The operator ends the call from the console: the exchange did not tell us (no AMI, no h extension).
            talkEnded(current.get().callId());
        }
        OperatorSetup setup = operatorSetup(account, extension == null || extension.isBlank() ? null : extension.strip());
        if (wanted == Presence.AVAILABLE && setup.extension() == null) {
            throw new InvalidInputException("extension", "say which extension your calls should ring");
        }
        return distributor.setPresence(account.username(), setup.extension(), setup.skills(), wanted);
    }

    /** The extension and skills of an operator: from the configuration, else their department and every language. */
    OperatorSetup operatorSetup(StaffAccount account) {
        return operatorSetup(account, null);
    }

    /** As {@link #operatorSetup(StaffAccount)}, with the extension the operator gives now (else the one given before). */
    OperatorSetup operatorSetup(StaffAccount account, String given) {
        OperatorSetup configured = configuredOperators.get(account.username());
        String extension = given != null ? given : configured != null ? configured.extension()
                : distributor.agent(account.username()).map(Agent::extension).orElse(null);
        Set<String> skills = new HashSet<>();
        if (configured == null || configured.skills().isEmpty()) {
            skills.addAll(scripts.current().languages());
            skills.add(CallDistributor.GENERAL);
        } else {
            skills.addAll(configured.skills());
        }
        if (account.department() != null) {
            skills.add(account.department());
        }
        return new OperatorSetup(extension, Set.copyOf(skills));
    }

    /** {@code user = extension : skills, …} as configured. */
    private static Map<String, OperatorSetup> operators(String configured) {
        Map<String, OperatorSetup> operators = new HashMap<>();
        for (String entry : configured.split(",")) {
            String[] userAndRest = entry.split("=", 2);
            if (userAndRest.length == 2) {
                String[] extensionAndSkills = userAndRest[1].split(":", 2);
                Set<String> skills = extensionAndSkills.length == 2 ? Arrays.stream(extensionAndSkills[1].strip()
                        .split("[\\s,]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet()) : Set.of();
                operators.put(userAndRest[0].strip(), new OperatorSetup(extensionAndSkills[0].strip(), skills));
            }
        }
        return Map.copyOf(operators);
    }

    /** Where an operator's calls ring and what they can answer. */
    record OperatorSetup(String extension, Set<String> skills) {
    }

    List<Agent> agents() {
        return distributor.agents();
    }

    /** The state the exchange reports for an extension, when AMI is connected. */
    Optional<String> extensionState(String extension) {
        Pbx connected = pbx;
        return connected == null ? Optional.empty() : Optional.ofNullable(connected.extensionState(extension));
    }

    boolean exchangeConnected() {
        Pbx connected = pbx;
        return connected != null && connected.connected();
    }

    /** Moves the caller on the operator's line to a colleague's desk phone (the responsible employee). */
    void transfer(StaffAccount operator, StaffAccount colleague) {
        DeskCall desk = deskCall(operator.username()).filter(d -> distributor.agent(operator.username())
                .map(a -> a.presence() == Presence.ON_CALL).orElse(false))
                .orElseThrow(() -> new ConflictException("there is no caller on your line to transfer"));
        String extension = operatorSetup(colleague).extension();
        if (extension == null) {
            throw new InvalidInputException("to", colleague.username() + " has no extension: add them to operators in "
                    + "etc/" + PID + ".cfg");
        }
        pbx().redirect(desk.pbxChannel(), config.dialContext(), extension);
        log(desk.callId(), CallLog.TRANSFERRED, colleague.username());
        talkEnded(desk.callId());
    }

    /** Rings the operator's phone and, when they answer, calls the citizen who asked to be called back. */
    void callBack(StaffAccount operator, String callbackId) {
        Callbacks.Callback callback = callbacks.open(callbackId);
        dial(operator, callback.number(), callback.callId());
        callbacks.done(callbackId, operator.username(), "dialled");
        log(callback.callId(), CallLog.CALLBACK, "dialled by " + operator.username());
    }

    /**
     * Click-to-call: rings the operator's desk phone, then dials the number from it.
     *
     * @param callId the call this one follows up, if any, for the exchange's records
     */
    void dial(StaffAccount operator, String number, String callId) {
        String extension = operatorSetup(operator).extension();
        if (extension == null) {
            throw new InvalidInputException("extension", "you have no extension to call from: give it when you join the "
                    + "queue, or add it to operators in etc/" + PID + ".cfg");
        }
        // The exchange dials national numbers with the trunk prefix 0 and others with 00.
        String digits = PhoneNumbers.normalise(number)
                .map(n -> n.startsWith("+40") ? "0" + n.substring(3) : "00" + n.substring(1))
                .orElseThrow(() -> new InvalidInputException("number", "not a phone number: " + number));
        pbx().originate(dialString(extension), config.dialContext(), digits, callId == null ? "" : callId);
    }

    Optional<DeskCall> deskCall(String username) {
        return deskCalls.get(username).filter(d -> distributor.agent(username)
                .map(a -> d.callId().equals(a.callId()) || a.presence() == Presence.WRAP_UP).orElse(false));
    }

    List<CallLog.CallRecord> calls(Instant from, Instant to, int limit) {
        CallRecordings kept = recordings;
        return callLog.calls(from, to, limit, id -> kept.of(id).isPresent());
    }

    /** The audio of a call, while its retention lasts. */
    Optional<Path> recording(String callId) {
        return recordings.of(callId);
    }

    int waitingCalls() {
        return distributor.waiting();
    }

    // What a call needs.

    void log(String callId, String kind, String detail) {
        callLog.append(callId, kind, detail);
    }

    Optional<TaxAnswers> taxes() {
        return Optional.ofNullable(taxAnswers);
    }

    Optional<String> transcribe(Path recording, String language) {
        SpeechToText stt = speechToText;
        if (stt == null) {
            return Optional.empty();
        }
        try {
            return stt.transcribe(recording, language).map(String::strip).filter(s -> !s.isEmpty());
        } catch (RuntimeException e) {
            LOG.warn("Speech-to-text failed; the request is filed with its recording only: {}", e.toString());
            return Optional.empty();
        }
    }

    String staffName(String username) {
        return staff.find(username).map(StaffAccount::displayName).orElse(username);
    }

    String dialString(String extension) {
        return String.format(config.extensionDial(), extension);
    }

    CitizenPins pins() {
        return pins;
    }

    RequestRegistry registry() {
        return registry;
    }

    AttachmentStore attachments() {
        return attachments;
    }

    Announcements announcements() {
        return announcements;
    }

    Polls polls() {
        return polls;
    }

    Speech speech() {
        return speech;
    }

    CallDistributor distributor() {
        return distributor;
    }

    Callbacks callbacks() {
        return callbacks;
    }

    VoiceMessages voiceMessages() {
        return voiceMessages;
    }

    CitizenRegistry citizens() {
        return citizens;
    }

    RobotScripts scripts() {
        return scripts;
    }

    int maxRecordingSeconds() {
        return config.maxRecordingSeconds();
    }

    String voiceRequestType() {
        return config.voiceRequestType();
    }

    int announceEverySeconds() {
        return config.announceEverySeconds();
    }

    int callbackAfterSeconds() {
        return config.callbackAfterSeconds();
    }

    ZoneId zone() {
        return clock.zone();
    }

    boolean closing() {
        return closing;
    }
}
