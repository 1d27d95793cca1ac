package org.civicdesk.channel.phone.internal.robot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.time.Instant;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The real speech engine (Debian's espeak-ng and sox, which .ci/run installs) behind the prompt cache. */
public class SpeechTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static int sampleRate(Path wav) throws IOException {
        byte[] header = new byte[44];
        try (InputStream in = Files.newInputStream(wav)) {
            assertEquals(44, in.readNBytes(header, 0, 44));
        }
        assertEquals("RIFF", new String(header, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(1, ByteBuffer.wrap(header, 22, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        return ByteBuffer.wrap(header, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    public void aSentenceIsSpokenOnceAsEightKilohertzMonoAndAChangedOneAnew() throws IOException {
        Speech speech = new Speech(folder.getRoot().toPath(), "espeak-ng", "sox", "");
        String first = speech.say("ro", "Bună ziua. Ați sunat la primărie.");
        Path wav = Path.of(first + ".wav");
        assertEquals(8000, sampleRate(wav));
        assertTrue("it says something", Files.size(wav) > 8000);
        assertEquals("Bună ziua. Ați sunat la primărie.", Files.readString(Path.of(first + ".txt")));
        FileTime made = Files.getLastModifiedTime(wav);
        assertEquals("the same words are not spoken again", first, speech.say("ro", "Bună ziua. Ați sunat la primărie."));
        assertEquals(made, Files.getLastModifiedTime(wav));
        String changed = speech.say("ro", "Bună ziua. Primăria vă ascultă.");
        assertNotEquals("changed words are a new prompt", first, changed);
        assertNotEquals("another voice too", first, speech.say("en", "Bună ziua. Ați sunat la primărie."));
    }

    @Test
    public void promptsNobodyHearsAreForgottenAndThoseInUseKept() throws IOException {
        Speech speech = new Speech(folder.getRoot().toPath(), "espeak-ng", "sox", "");
        Path old = Path.of(speech.say("ro", "Aveți de plată 12,50 lei.") + ".wav");
        Path used = Path.of(speech.say("ro", "Vă mulțumim.") + ".wav");
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(40)));
        Files.setLastModifiedTime(old, longAgo);
        Files.setLastModifiedTime(used, longAgo);
        speech.say("ro", "Vă mulțumim.");
        assertEquals(1, speech.forget(Duration.ofDays(30)));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(Path.of(old.toString().replace(".wav", ".txt"))));
        assertTrue("heard again, so kept", Files.exists(used));
    }

    /** The group Asterisk runs as on Debian; {@code daemon} stands in for it where Asterisk is not installed. */
    private static String exchangeGroup() throws IOException {
        for (String candidate : new String[] {"asterisk", "daemon"}) {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(candidate);
                return candidate;
            } catch (UserPrincipalNotFoundException absent) {
                // try the next
            }
        }
        return null;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.readAttributes(path, PosixFileAttributes.class).permissions());
    }

    @Test
    public void promptsAreReadableByTheExchangesGroupAndNobodyElse() throws IOException {
        String group = exchangeGroup();
        // Only root (or a member) may give a file to a group; otherwise the modes are still checked.
        boolean canChangeGroup = group != null && "root".equals(System.getProperty("user.name"));
        Path directory = folder.getRoot().toPath().resolve("prompts");
        Speech speech = new Speech(directory, "espeak-ng", "sox", canChangeGroup ? group : "");
        Path wav = Path.of(speech.say("ro", "Bună ziua.") + ".wav");
        Path words = Path.of(speech.say("ro", "Bună ziua.") + ".txt");

        assertEquals("rw-r-----", mode(wav));
        assertEquals("rw-r-----", mode(words));
        assertEquals("rwxr-x---", mode(directory));
        assertEquals("set-group-ID: new files get the directory's group", 02000,
                (Integer) Files.getAttribute(directory, "unix:mode") & 02000);
        if (canChangeGroup) {
            assertEquals(group, Files.readAttributes(wav, PosixFileAttributes.class).group().getName());
            assertEquals(group, Files.readAttributes(directory, PosixFileAttributes.class).group().getName());
        }
        try (var left = Files.list(directory)) {
            assertEquals("no temporary file is left", 2, left.count());
        }
    }

    @Test
    public void promptsCachedBeforeBecomeReadableAtStart() throws IOException {
        Path directory = folder.getRoot().toPath();
        Path old = Path.of(new Speech(directory, "espeak-ng", "sox", "").say("ro", "Vă mulțumim.") + ".wav");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
        new Speech(directory, "espeak-ng", "sox", "");
        assertEquals("rw-r-----", mode(old));
    }

    @Test
    public void anUnknownGroupStillLeavesThePromptsGroupReadable() throws IOException {
        Speech speech = new Speech(folder.getRoot().toPath(), "espeak-ng", "sox", "no-such-group-civicdesk");
        assertEquals("rw-r-----", mode(Path.of(speech.say("en", "Hello.") + ".wav")));
    }

    @Test
    public void aMissingEngineIsReportedByName() throws IOException {
        Speech speech = new Speech(folder.getRoot().toPath(), "no-such-tts", "sox", "");
        try {
            speech.say("ro", "Test.");
            throw new AssertionError("spoke without an engine");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no-such-tts"));
        }
    }
}
