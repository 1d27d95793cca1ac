package org.civicdesk.channel.phone.internal.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.channel.phone.api.SpeechToText;
import org.civicdesk.channel.phone.internal.PhoneChannel;
import org.civicdesk.channel.phone.internal.PhoneConfig;
import org.civicdesk.channel.phone.internal.PhoneDirectories;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's voice message option: the identified caller says what they ask the city hall for,
 * the exchange records it in the phone channel's recording directory, and it becomes a request
 * with the recording attached, transcribed where a {@link SpeechToText} service is installed, its
 * number read back digit by digit. Configured with the phone channel
 * ({@code etc/org.civicdesk.channel.phone.cfg}: recording directory, longest message, request type).
 */
@Component(service = RobotStep.class, configurationPid = PhoneChannel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {RobotStep.ID + "=voice", RobotStep.ORDER + ":Integer=30", RobotStep.KEY + "=3"})
public class VoiceMessageStep extends AbstractRobotStep {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceMessageStep.class);

    private final CitizenRegistry citizens;
    private final RequestRegistry registry;
    private final AttachmentStore attachments;
    private final CallLog callLog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SpeechToText speechToText;
    private volatile VoiceMessages voiceMessages;
    private volatile int maxRecordingSeconds;

    @Activate
    public VoiceMessageStep(@Reference CitizenRegistry citizens, @Reference RequestRegistry registry,
            @Reference AttachmentStore attachments, @Reference CallLog callLog, PhoneConfig config) throws IOException {
        super("voice.properties");
        this.citizens = citizens;
        this.registry = registry;
        this.attachments = attachments;
        this.callLog = callLog;
        apply(config);
        recoverVoiceMessages();
    }

    @Modified
    void modified(PhoneConfig changed) throws IOException {
        apply(changed);
    }

    private void apply(PhoneConfig config) throws IOException {
        Path directory = Files.createDirectories(PhoneDirectories.recordings(config));
        this.voiceMessages = new VoiceMessages(directory, config.voiceRequestType(), citizens, registry, attachments,
                callLog, this::transcribe, language -> prompts(language).getOrDefault("voicePending", ""));
        this.maxRecordingSeconds = config.maxRecordingSeconds();
    }

    /** Messages of calls cut short are filed in the background: starting the channel does not wait for them. */
    private void recoverVoiceMessages() {
        VoiceMessages messages = voiceMessages;
        Thread recovery = new Thread(messages::recover, "civicdesk-phone-voice-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    @Override
    public boolean needsIdentifiedCaller() {
        return true;
    }

    @Override
    public Next run(RobotCall call) throws CallEndedException {
        Citizen citizen = call.citizen().orElseThrow();
        call.say("voiceIntro");
        VoiceMessages messages = voiceMessages;
        Path recording = messages.prepare(call.callId(), citizen, call.language(), call.text("voicePending", Map.of()));
        try {
            call.record(recording, maxRecordingSeconds);
        } catch (CallEndedException hungUp) {
            // What the caller said before hanging up is a request all the same.
            messages.file(recording);
            throw hungUp;
        }
        Optional<ServiceRequest> filed = messages.file(recording);
        if (filed.isEmpty()) {
            call.say("voiceEmpty");
            return Next.MENU;
        }
        call.say("voiceFiled", Map.of("number", call.digitByDigit(filed.get().number().toString()),
                "deadline", call.date(filed.get().deadline())));
        return Next.MENU;
    }

    private Optional<String> transcribe(Path recording, String language) {
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
}
