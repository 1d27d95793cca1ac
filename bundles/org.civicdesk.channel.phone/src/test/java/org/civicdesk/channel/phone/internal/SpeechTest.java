package org.civicdesk.channel.phone.internal;

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
        Speech speech = new Speech(folder.getRoot().toPath(), "espeak-ng", "sox");
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
        Speech speech = new Speech(folder.getRoot().toPath(), "espeak-ng", "sox");
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

    @Test
    public void aMissingEngineIsReportedByName() throws IOException {
        Speech speech = new Speech(folder.getRoot().toPath(), "no-such-tts", "sox");
        try {
            speech.say("ro", "Test.");
            throw new AssertionError("spoke without an engine");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no-such-tts"));
        }
    }
}
