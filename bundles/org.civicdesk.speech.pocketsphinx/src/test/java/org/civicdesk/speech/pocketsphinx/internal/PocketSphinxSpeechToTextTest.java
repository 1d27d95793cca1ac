package org.civicdesk.speech.pocketsphinx.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civicdesk.speech.pocketsphinx.internal.PocketSphinxSpeechToText.Model;
import org.junit.Test;

public class PocketSphinxSpeechToTextTest {

    @Test
    public void aLanguageWithoutAModelIsNotTranscribedAndNothingRuns() {
        PocketSphinxSpeechToText stt = new PocketSphinxSpeechToText("/no/such/decoder", "/no/such/sox", Duration.ofSeconds(5),
                Map.of("en", new Model("/m/en-us", "", "", 16000)));
        assertTrue(stt.transcribe(Path.of("/no/such/recording.wav"), "ro").isEmpty());
    }

    @Test
    public void anEmptyAcousticModelMeansNoModel() {
        assertTrue(Model.of(" ", "/lm", "/dict", 8000).isEmpty());
    }

    @Test
    public void theDecoderGetsTheModelsRateAndOnlyTheModelsThatAreNamed() {
        PocketSphinxSpeechToText stt = new PocketSphinxSpeechToText("pocketsphinx_continuous", "sox", Duration.ofSeconds(5),
                Map.of());
        assertEquals(List.of("pocketsphinx_continuous", "-infile", "/tmp/a.wav", "-hmm", "/m/ro", "-samprate", "8000",
                "-logfn", "/dev/null", "-dict", "/m/ro.dict"),
                stt.decode(new Model("/m/ro", "", "/m/ro.dict", 8000), Path.of("/tmp/a.wav")));
    }
}
