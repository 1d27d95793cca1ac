package org.civicdesk.channel.phone.internal.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.civicdesk.channel.phone.internal.queue.CallCentre;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice messages callers leave with the robot, from the recording to the registered request. A
 * note beside the recording says whose it is before the exchange starts recording; the request is
 * filed when the recording ends, even if the caller hung up during it, and the note is removed
 * only once the request and its recording are stored. Notes left by a call cut short (the
 * channel stopped, the machine went down) are filed when the channel starts again: no recorded
 * message is lost.
 */
final class VoiceMessages {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceMessages.class);
    private static final String NOTE = ".pending";
    /** A WAV header alone: nothing was said. */
    private static final long EMPTY_WAV = 44;

    private final Path directory;
    private final String requestType;
    private final CitizenRegistry citizens;
    private final RequestRegistry registry;
    private final AttachmentStore attachments;
    private final CallLog callLog;
    /** The words of a recording in a language, when a speech-to-text service can tell. */
    private final BiFunction<Path, String, Optional<String>> transcribe;
    /** The description of an untranscribed message in a language, for notes that do not carry it. */
    private final Function<String, String> pending;

    /** @param requestType the type of the requests voice messages become */
    VoiceMessages(Path directory, String requestType, CitizenRegistry citizens, RequestRegistry registry,
            AttachmentStore attachments, CallLog callLog, BiFunction<Path, String, Optional<String>> transcribe,
            Function<String, String> pending) {
        this.directory = directory;
        this.requestType = requestType;
        this.citizens = citizens;
        this.registry = registry;
        this.attachments = attachments;
        this.callLog = callLog;
        this.transcribe = transcribe;
        this.pending = pending;
    }

    /**
     * Notes whose message is about to be recorded; returns where the exchange records it (without extension).
     *
     * @param pendingText the request's description if nobody transcribes the message, in the caller's language
     */
    Path prepare(String callId, Citizen citizen, String language, String pendingText) {
        Path base = directory.resolve("voice-" + callId.replaceAll("[^A-Za-z0-9.-]", "_"));
        Properties note = new Properties();
        note.setProperty("callId", callId);
        note.setProperty("citizenId", citizen.id());
        note.setProperty("language", language);
        note.setProperty("pending", pendingText);
        try (Writer out = Files.newBufferedWriter(base.resolveSibling(base.getFileName() + NOTE), StandardCharsets.UTF_8)) {
            note.store(out, "voice message being recorded");
        } catch (IOException e) {
            throw new IllegalStateException("cannot note the voice message of call " + callId, e);
        }
        return base;
    }

    /** Files the message recorded at {@code base} as a request with its recording; empty when nothing was said. */
    Optional<ServiceRequest> file(Path base) {
        Path notePath = base.resolveSibling(base.getFileName() + NOTE);
        Path wav = base.resolveSibling(base.getFileName() + ".wav");
        Properties note = new Properties();
        try (Reader in = Files.newBufferedReader(notePath, StandardCharsets.UTF_8)) {
            note.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("the note of " + base.getFileName() + " is unreadable", e);
        }
        String callId = note.getProperty("callId");
        try {
            if (!Files.isRegularFile(wav) || Files.size(wav) <= EMPTY_WAV) {
                Files.deleteIfExists(wav);
                Files.delete(notePath);
                return Optional.empty();
            }
            Citizen citizen = citizens.get(CallCentre.ROBOT, note.getProperty("citizenId"),
                    "filing the caller's voice message").orElseThrow(() -> new IllegalStateException("unknown citizen"));
            String language = note.getProperty("language");
            // Notes written before they carried the description take the step's own wording.
            String description = transcribe.apply(wav, language)
                    .orElseGet(() -> note.getProperty("pending", pending.apply(language)));
            ServiceRequest filed = registry.file(CallCentre.ROBOT, new NewRequest(requestType,
                    Channel.PHONE, new CitizenDetails(citizen.nationalId(), citizen.firstName(), citizen.lastName(),
                            citizen.address(), citizen.phone(), citizen.email()), description, null));
            callLog.append(callId, CallLog.REQUEST, filed.number().toString());
            try (InputStream content = Files.newInputStream(wav)) {
                attachments.attach(CallCentre.ROBOT, filed.number(), "voice-message.wav", content,
                        "the caller's voice message");
            }
            Files.delete(notePath);
            Files.delete(wav);
            return Optional.of(filed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot file the voice message of call " + callId, e);
        }
    }

    /** Files the messages of calls that were cut short before theirs was filed. */
    void recover() {
        try (DirectoryStream<Path> notes = Files.newDirectoryStream(directory, "voice-*" + NOTE)) {
            for (Path notePath : notes) {
                String name = notePath.getFileName().toString();
                try {
                    file(notePath.resolveSibling(name.substring(0, name.length() - NOTE.length())))
                            .ifPresent(r -> LOG.info("Filed a voice message left during an interrupted call as {}", r.number()));
                } catch (RuntimeException e) {
                    LOG.error("Cannot file the voice message noted in {}; it stays for the next start", name, e);
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot look for voice messages of interrupted calls in {}", directory, e);
        }
    }
}
