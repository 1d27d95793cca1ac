package org.civicdesk.channel.phone.api;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Transcribes a caller's voice message. Register one as an OSGi service to have voice requests
 * filed with their words; without one, the request says that a transcription is pending and staff
 * listen to the recording attached to it.
 */
@ConsumerType
public interface SpeechToText {

    /**
     * The words of a recording.
     *
     * @param recording a WAV file, 8 kHz mono as the exchange records it
     * @param language  the language the caller chose ({@code ro}, {@code en})
     * @return the transcription, or empty when nothing intelligible was heard
     */
    Optional<String> transcribe(Path recording, String language);
}
