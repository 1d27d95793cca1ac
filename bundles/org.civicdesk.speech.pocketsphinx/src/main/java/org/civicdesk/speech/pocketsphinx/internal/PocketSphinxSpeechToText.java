package org.civicdesk.speech.pocketsphinx.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.civicdesk.channel.phone.api.ExternalCommand;
import org.civicdesk.channel.phone.api.SpeechToText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The phone robot's voice messages in words, from CMU PocketSphinx. The recording (8 kHz as the exchange
 * records a call) is converted to the sample rate of its language's model with sox, then decoded by
 * {@code pocketsphinx_continuous}; each utterance it hears is a line of its output. Active only with its
 * configuration file, and only for the languages that name a model.
 */
@Component(service = SpeechToText.class, configurationPid = PocketSphinxSpeechToText.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PocketSphinxConfig.class)
public final class PocketSphinxSpeechToText implements SpeechToText {
    /** The configuration's persistent identity (and file name in {@code etc/}). */
    public static final String PID = "org.civicdesk.speech.pocketsphinx";

    private final String command;
    private final String soxCommand;
    private final Duration timeout;
    private final Map<String, Model> models;

    /** What PocketSphinx decodes one language with. */
    record Model(String acousticModel, String languageModel, String dictionary, int sampleRate) {
        static Optional<Model> of(String acousticModel, String languageModel, String dictionary, int sampleRate) {
            return acousticModel.isBlank() ? Optional.empty()
                    : Optional.of(new Model(acousticModel.strip(), languageModel.strip(), dictionary.strip(), sampleRate));
        }
    }

    @Activate
    public PocketSphinxSpeechToText(PocketSphinxConfig config) {
        this(config.command(), config.soxCommand(), Duration.ofSeconds(config.timeoutSeconds()), languages(config));
    }

    PocketSphinxSpeechToText(String command, String soxCommand, Duration timeout, Map<String, Model> models) {
        this.command = command;
        this.soxCommand = soxCommand;
        this.timeout = timeout;
        this.models = Map.copyOf(models);
    }

    private static Map<String, Model> languages(PocketSphinxConfig config) {
        Map<String, Model> models = new HashMap<>();
        Model.of(config.en_model(), config.en_languageModel(), config.en_dictionary(), config.en_sampleRate())
                .ifPresent(m -> models.put("en", m));
        Model.of(config.ro_model(), config.ro_languageModel(), config.ro_dictionary(), config.ro_sampleRate())
                .ifPresent(m -> models.put("ro", m));
        return models;
    }

    @Override
    public Optional<String> transcribe(Path recording, String language) {
        Model model = models.get(language);
        if (model == null) {
            return Optional.empty();
        }
        Path converted = null;
        try {
            converted = Files.createTempFile("civicdesk-stt-", ".wav");
            ExternalCommand.run(List.of(soxCommand, recording.toString(), "-r", String.valueOf(model.sampleRate()),
                    "-c", "1", "-b", "16", "-e", "signed-integer", converted.toString()), null, timeout);
            String heard = ExternalCommand.run(decode(model, converted), null, timeout);
            String words = heard.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .collect(Collectors.joining(" "));
            return words.isEmpty() ? Optional.empty() : Optional.of(words);
        } catch (IOException e) {
            throw new IllegalStateException("PocketSphinx could not transcribe the message: " + e.getMessage(), e);
        } finally {
            if (converted != null) {
                try {
                    Files.deleteIfExists(converted);
                } catch (IOException e) {
                    // a temporary file left behind costs nothing
                }
            }
        }
    }

    /** The decoder's command for a recording already at the model's rate; its log goes nowhere, its words to output. */
    List<String> decode(Model model, Path wav) {
        List<String> decode = new ArrayList<>(List.of(command, "-infile", wav.toString(), "-hmm", model.acousticModel(),
                "-samprate", String.valueOf(model.sampleRate()), "-logfn", "/dev/null"));
        if (!model.languageModel().isEmpty()) {
            decode.addAll(List.of("-lm", model.languageModel()));
        }
        if (!model.dictionary().isEmpty()) {
            decode.addAll(List.of("-dict", model.dictionary()));
        }
        return decode;
    }
}
