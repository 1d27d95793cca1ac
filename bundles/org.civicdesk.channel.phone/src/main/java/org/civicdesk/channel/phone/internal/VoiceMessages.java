package org.civicdesk.channel.phone.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.NewRequest;
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

    private final PhoneChannel phone;
    private final Path directory;

    VoiceMessages(PhoneChannel phone, Path directory) {
        this.phone = phone;
        this.directory = directory;
    }

    /** Notes whose message is about to be recorded; returns where the exchange records it (without extension). */
    Path prepare(String callId, Citizen citizen, String language) {
        Path base = directory.resolve("voice-" + callId.replaceAll("[^A-Za-z0-9.-]", "_"));
        Properties note = new Properties();
        note.setProperty("callId", callId);
        note.setProperty("citizenId", citizen.id());
        note.setProperty("language", language);
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
            Citizen citizen = phone.citizens().get(PhoneChannel.ROBOT, note.getProperty("citizenId"),
                    "filing the caller's voice message").orElseThrow(() -> new IllegalStateException("unknown citizen"));
            String language = note.getProperty("language");
            String description = phone.transcribe(wav, language)
                    .orElse(phone.scripts().current().text("voicePending", language, Map.of()));
            ServiceRequest filed = phone.registry().file(PhoneChannel.ROBOT, new NewRequest(phone.voiceRequestType(),
                    Channel.PHONE, new CitizenDetails(citizen.nationalId(), citizen.firstName(), citizen.lastName(),
                            citizen.address(), citizen.phone(), citizen.email()), description, null));
            phone.log(callId, CallLog.REQUEST, filed.number().toString());
            try (InputStream content = Files.newInputStream(wav)) {
                phone.attachments().attach(PhoneChannel.ROBOT, filed.number(), "voice-message.wav", content,
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
