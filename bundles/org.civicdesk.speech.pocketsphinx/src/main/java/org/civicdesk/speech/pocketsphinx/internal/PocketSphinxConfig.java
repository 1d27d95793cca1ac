package org.civicdesk.speech.pocketsphinx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.civicdesk.speech.pocketsphinx.cfg}: the PocketSphinx program and, for each language the robot
 * speaks, the models it transcribes with. A language without an acoustic model is not transcribed: its messages
 * say that a transcription is pending, and staff listen to them.
 */
@ObjectClassDefinition(name = "CivicDesk speech-to-text (PocketSphinx)",
        description = "Transcribes the phone robot's voice messages with CMU PocketSphinx")
public @interface PocketSphinxConfig {
    @AttributeDefinition(name = "PocketSphinx command", description = "Debian's pocketsphinx package: pocketsphinx_continuous")
    String command() default "pocketsphinx_continuous";

    @AttributeDefinition(name = "sox command", description = "Converts a recording to the sample rate of its language's model")
    String soxCommand() default "sox";

    @AttributeDefinition(name = "Longest transcription (seconds)", min = "1",
            description = "A message not transcribed in this time is filed with its recording only")
    int timeoutSeconds() default 120;

    @AttributeDefinition(name = "English acoustic model", required = false, description = "A directory; empty: English "
            + "messages are not transcribed")
    String en_model() default "";

    @AttributeDefinition(name = "English language model", required = false)
    String en_languageModel() default "";

    @AttributeDefinition(name = "English pronunciation dictionary", required = false)
    String en_dictionary() default "";

    @AttributeDefinition(name = "Sample rate of the English model (Hz)", min = "8000", max = "48000")
    int en_sampleRate() default 16000;

    @AttributeDefinition(name = "Romanian acoustic model", required = false, description = "A directory; empty: Romanian "
            + "messages are not transcribed")
    String ro_model() default "";

    @AttributeDefinition(name = "Romanian language model", required = false)
    String ro_languageModel() default "";

    @AttributeDefinition(name = "Romanian pronunciation dictionary", required = false)
    String ro_dictionary() default "";

    @AttributeDefinition(name = "Sample rate of the Romanian model (Hz)", min = "8000", max = "48000")
    int ro_sampleRate() default 8000;
}
