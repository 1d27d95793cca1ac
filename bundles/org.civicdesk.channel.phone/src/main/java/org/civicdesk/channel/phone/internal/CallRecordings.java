package org.civicdesk.channel.phone.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio of calls, recorded by the exchange (the dialplan's MixMonitor writes
 * {@code call-<uniqueid>.wav} into the recording directory) and kept with the call for its
 * retention period (R11). Past it the audio is deleted and the call log says so; the call's
 * record itself stays. Listening is audited by whoever serves it.
 */
final class CallRecordings {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordings.class);
    private static final String PREFIX = "call-";

    private final Path directory;
    private final Duration retention;

    CallRecordings(Path directory, Duration retention) {
        this.directory = directory;
        this.retention = retention;
    }

    /** The recording of a call, while it is kept. */
    Optional<Path> of(String callId) {
        if (!callId.matches("[A-Za-z0-9.-]{1,64}")) {
            return Optional.empty();
        }
        Path file = directory.resolve(PREFIX + callId + ".wav");
        return Files.isRegularFile(file) && !expired(file) ? Optional.of(file) : Optional.empty();
    }

    /** Deletes the recordings past their retention, telling {@code expired} each call whose audio went. */
    void purge(BiConsumer<String, Instant> expired) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*.wav")) {
            for (Path file : files) {
                if (expired(file)) {
                    Instant recordedAt = Files.getLastModifiedTime(file).toInstant();
                    Files.delete(file);
                    String name = file.getFileName().toString();
                    expired.accept(name.substring(PREFIX.length(), name.length() - ".wav".length()), recordedAt);
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot purge the call recordings past their retention in {}", directory, e);
        }
    }

    private boolean expired(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(retention));
        } catch (IOException e) {
            return false;
        }
    }
}
