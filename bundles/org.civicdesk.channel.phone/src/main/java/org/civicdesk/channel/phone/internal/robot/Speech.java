package org.civicdesk.channel.phone.internal.robot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.channel.phone.api.ExternalCommand;

/**
 * Turns what the robot says into sound the exchange plays: the text goes through a real
 * text-to-speech engine (espeak-ng, which speaks Romanian) and is converted to 8 kHz mono
 * 16-bit WAV (sox). Each prompt is cached under the hash of its voice and text, so a prompt is
 * made once, and a changed text is a new file; beside each sound a {@code .txt} keeps its words.
 */
public final class Speech {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final String ttsCommand;
    private final String soxCommand;
    private final GroupReadable permissions;
    /** Prompts being made, so that two calls asking for the same words at once make it once. */
    private final Map<String, Object> making = new ConcurrentHashMap<>();

    /**
     * @param exchangeGroup the group the exchange reads the prompts as (its files are made 0640, the directory
     *                      2750); empty keeps the group they are created with
     */
    public Speech(Path directory, String ttsCommand, String soxCommand, String exchangeGroup) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.ttsCommand = ttsCommand;
        this.soxCommand = soxCommand;
        this.permissions = new GroupReadable(directory, exchangeGroup);
        permissions.directory(directory);
        // Prompts cached before (or under another group) become readable too.
        try (DirectoryStream<Path> cached = Files.newDirectoryStream(directory, "*.{wav,txt}")) {
            cached.forEach(permissions::file);
        }
    }

    /**
     * The sound of {@code text} in {@code voice}, made now if it is not cached.
     *
     * @return the WAV file's path without its extension, as Asterisk's playback commands take it
     */
    public String say(String voice, String text) {
        String name = voice.replaceAll("[^A-Za-z0-9-]", "") + "-" + hash(voice + "\n" + text);
        Path wav = directory.resolve(name + ".wav");
        if (Files.exists(wav)) {
            markUsed(wav);
        } else {
            synchronized (making.computeIfAbsent(name, n -> new Object())) {
                try {
                    if (!Files.exists(wav)) {
                        make(voice, text, wav);
                    }
                } finally {
                    making.remove(name);
                }
            }
        }
        return directory.resolve(name).toString();
    }

    /** A prompt in use is kept: its time is brought forward once a day at most. */
    private static void markUsed(Path wav) {
        try {
            Instant now = Instant.now();
            if (Files.getLastModifiedTime(wav).toInstant().isBefore(now.minus(Duration.ofDays(1)))) {
                Files.setLastModifiedTime(wav, FileTime.from(now));
            }
        } catch (IOException e) {
            // the prompt is still there to play; keeping it longer is what failed
        }
    }

    /**
     * Deletes the prompts no call has used for {@code unused}: sentences with amounts, dates and numbers are
     * spoken once and would otherwise pile up.
     *
     * @return how many were deleted
     */
    public int forget(Duration unused) {
        int deleted = 0;
        Instant before = Instant.now().minus(unused);
        try (DirectoryStream<Path> prompts = Files.newDirectoryStream(directory, "*.wav")) {
            for (Path wav : prompts) {
                if (Files.getLastModifiedTime(wav).toInstant().isBefore(before)) {
                    Files.deleteIfExists(wav);
                    Files.deleteIfExists(wav.resolveSibling(wav.getFileName().toString().replace(".wav", ".txt")));
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean the prompt cache " + directory + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    private void make(String voice, String text, Path wav) {
        Path raw = null;
        Path converted = null;
        try {
            raw = Files.createTempFile(directory, "tts-", ".raw.wav");
            converted = Files.createTempFile(directory, "tts-", ".8k.wav");
            // The text goes in on standard input: it never becomes an option of the command.
            run(List.of(ttsCommand, "-v", voice, "-w", raw.toString(), "--stdin"), text);
            run(List.of(soxCommand, raw.toString(), "-r", "8000", "-c", "1", "-b", "16", converted.toString()), null);
            Path words = wav.resolveSibling(wav.getFileName().toString().replace(".wav", ".txt"));
            Files.writeString(words, text, StandardCharsets.UTF_8);
            permissions.file(words);
            // Readable by the exchange before it appears under its name (temporary files are 0600).
            permissions.file(converted);
            Files.move(converted, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the prompt " + wav.getFileName() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(raw);
            deleteQuietly(converted);
        }
    }

    private static void run(List<String> command, String input) throws IOException {
        ExternalCommand.run(command, input, TIMEOUT);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind costs nothing
            }
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
