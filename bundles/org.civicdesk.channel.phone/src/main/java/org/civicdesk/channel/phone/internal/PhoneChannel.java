package org.civicdesk.channel.phone.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.internal.agi.FastAgiServer;
import org.civicdesk.channel.phone.internal.agi.FastAgiServer.IncomingCall;
import org.civicdesk.channel.phone.internal.ami.Pbx;
import org.civicdesk.channel.phone.internal.queue.CallCentre;
import org.civicdesk.channel.phone.internal.queue.CallDistributor;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.channel.phone.internal.queue.Callbacks;
import org.civicdesk.channel.phone.internal.queue.DeskCalls;
import org.civicdesk.channel.phone.internal.robot.ExchangeLine;
import org.civicdesk.channel.phone.internal.robot.Robot;
import org.civicdesk.channel.phone.internal.robot.RobotScript;
import org.civicdesk.channel.phone.internal.robot.RobotScripts;
import org.civicdesk.channel.phone.internal.robot.RobotSteps;
import org.civicdesk.channel.phone.internal.robot.Speech;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.RequestRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone channel as configured in {@code etc/org.civicdesk.channel.phone.cfg}: it puts together
 * the exchange's adapters (the FastAGI server that hands calls over, the AMI connection), the call
 * centre (queue, operators, call log) and the robot that answers each call with the script of
 * {@code etc/org.civicdesk.channel.phone.ivr.cfg} and the steps present; it keeps the spoken
 * prompts and the call recordings, and lets calls in progress finish when it stops.
 */
@Component(service = PhoneChannel.class, configurationPid = PhoneChannel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PhoneConfig.class)
public class PhoneChannel {
    public static final String PID = "org.civicdesk.channel.phone";
    private static final Logger LOG = LoggerFactory.getLogger(PhoneChannel.class);
    /** How long an uninstall waits for calls in progress to finish what they are doing (a request being filed). */
    private static final long DRAIN_SECONDS = 20;

    private final CitizenPins pins;
    private final CityClock clock;
    private final CallLog callLog;
    private final RobotScripts scripts;
    private final RobotSteps steps;

    private volatile PhoneConfig config;
    private volatile Speech speech;
    private volatile CallRecordings recordings;
    private volatile Robot robot;
    /** One clean-up at a time: the housekeeping job's, or the one a configuration change makes. */
    private final Object cleaning = new Object();
    private final CallDistributor distributor;
    private final CallCentre callCentre;
    private final FastAgiServer agiServer = new FastAgiServer(new FastAgiServer.Calls() {
        @Override
        public void answer(IncomingCall call, ExchangeLine line) {
            PhoneChannel.this.answer(call, line);
        }

        @Override
        public void ended(String callId) {
            callCentre.talkEnded(callId);
        }
    });
    private volatile Pbx pbx;
    private volatile boolean closing;
    /** Calls the robot is handling now, by call id. */
    private final Set<String> liveCalls = ConcurrentHashMap.newKeySet();

    @Activate
    public PhoneChannel(@Reference CitizenPins pins, @Reference CitizenRegistry citizens,
            @Reference RequestRegistry registry, @Reference InteractionLog interactions,
            @Reference StaffDirectory staff, @Reference CityClock clock, @Reference CallLog callLog,
            @Reference Callbacks callbacks, @Reference RobotScripts scripts, @Reference RobotSteps steps,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource, PhoneConfig config)
            throws IOException, SQLException {
        this.pins = pins;
        this.clock = clock;
        this.callLog = callLog;
        this.scripts = scripts;
        this.steps = steps;
        DeskCalls deskCalls = new DeskCalls(dataSource);
        this.distributor = new CallDistributor(dataSource, config.wrapUpSeconds(), config.assumedTalkSeconds(),
                agent -> callLog.presence(agent.username(), agent.presence().id()));
        this.callCentre = new CallCentre(distributor, deskCalls, citizens, registry, interactions, staff, callLog,
                callbacks, () -> scripts.current().languages());
        try {
            apply(config);
        } catch (IOException | RuntimeException e) {
            // No half-started channel: the callers it queued go with it.
            distributor.close();
            throw e;
        }
        agiServer.start(config.agiAddress(), config.agiPort(), config.maxCalls());
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
            agiServer.stop();
            agiServer.start(changed.agiAddress(), changed.agiPort(), changed.maxCalls());
        }
    }

    @Deactivate
    void deactivate() {
        closing = true;
        agiServer.stop();
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
            liveCalls.forEach(id -> callLog.append(id, CallLog.ENDED, "interrupted"));
        }
    }

    private void apply(PhoneConfig changed) throws IOException {
        RobotScript readScript = scripts.current();
        Speech newSpeech = new Speech(PhoneDirectories.prompts(changed), changed.ttsCommand(), changed.soxCommand(),
                changed.promptGroup());
        Path recordingDirectory = Files.createDirectories(PhoneDirectories.recordings(changed));
        this.recordings = new CallRecordings(recordingDirectory, Duration.ofDays(changed.callRecordingRetentionDays()));
        this.speech = newSpeech;
        PhoneConfig previous = this.config;
        callCentre.configure(changed.operators(), changed.dialContext(), changed.extensionDial());
        this.config = changed;
        this.robot = new Robot(scripts, steps, newSpeech, callCentre, callLog, pins, clock.zone(),
                changed.announceEverySeconds(), changed.callbackAfterSeconds(), () -> closing);
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
            pbx = new Pbx(c.amiHost().strip(), c.amiPort(), c.amiUsername(), c.amiSecret(), callCentre::talkEnded,
                    callCentre::connected);
        }
        callCentre.useExchange(pbx);
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

    /** A call the exchange hands over: the robot answers it, unless the channel is stopping. */
    private void answer(IncomingCall call, ExchangeLine line) {
        if (closing) {
            try {
                line.hangUp();
            } catch (CallEndedException gone) {
                // the caller went first
            }
            return;
        }
        String callId = call.callId();
        liveCalls.add(callId);
        String outcome = "interrupted";
        try {
            callLog.started(callId, call.caller());
            outcome = robot.answer(callId, call.pbxChannel(), call.caller(), call.language(), line);
        } catch (CallEndedException hungUp) {
            outcome = "hangup";
        } catch (RuntimeException e) {
            outcome = "failed";
            LOG.error("Call {} failed in the robot", callId, e);
        } finally {
            log(callId, CallLog.ENDED, outcome);
            liveCalls.remove(callId);
        }
    }

    private void log(String callId, String kind, String detail) {
        callLog.append(callId, kind, detail);
    }

    // What the console asks.

    CallCentre callCentre() {
        return callCentre;
    }

    List<CallLog.CallRecord> calls(Instant from, Instant to, int limit) {
        CallRecordings kept = recordings;
        return callLog.calls(from, to, limit, id -> kept.of(id).isPresent());
    }

    /** The audio of a call, while its retention lasts. */
    Optional<Path> recording(String callId) {
        return recordings.of(callId);
    }

    /** The call queue, for the job that looks at it every second. */
    CallDistributor distributor() {
        return distributor;
    }
}
