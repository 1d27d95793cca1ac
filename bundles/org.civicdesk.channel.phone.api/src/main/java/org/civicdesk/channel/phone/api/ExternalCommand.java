package org.civicdesk.channel.phone.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the programs the phone channel's audio goes through (a text-to-speech engine, sox, a
 * speech-to-text engine) and waits for it, within a time limit. Words go in on standard input, never
 * as an option of the command, so that nothing a caller or an operator says can become one.
 */
public final class ExternalCommand {

    private ExternalCommand() {
    }

    /**
     * Runs {@code command} to its end.
     *
     * @param command the program and its arguments
     * @param input   written to the program's standard input, or {@code null} for none
     * @param timeout how long the program may take before it is killed
     * @return what the program wrote (its standard output and error together)
     * @throws IOException when the program cannot start, fails (its output in the message), or takes too long
     */
    public static String run(List<String> command, String input, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed (" + process.exitValue() + "): " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
