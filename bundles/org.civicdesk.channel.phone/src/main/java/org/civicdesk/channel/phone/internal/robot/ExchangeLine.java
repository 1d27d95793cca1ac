package org.civicdesk.channel.phone.internal.robot;

import org.civicdesk.channel.phone.api.CallEndedException;

/**
 * The caller's line as the robot uses it, whatever protocol the exchange speaks (FastAGI: see
 * {@code agi.AgiLine}). Sounds are named as the exchange's playback takes them: a path without its
 * {@code .wav}. Every method throws {@link CallEndedException} once the caller is gone.
 */
public interface ExchangeLine {

    void answer() throws CallEndedException;

    /** Plays a sound to its end. */
    void play(String sound) throws CallEndedException;

    /**
     * Plays a sound and collects the keys pressed meanwhile or after, up to {@code maxDigits} ({@code #} ends
     * sooner), waiting {@code timeoutMs} for each.
     *
     * @return the keys pressed ({@code 0}–{@code 9}, {@code *}, {@code #}), empty when none
     */
    String read(String sound, int timeoutMs, int maxDigits) throws CallEndedException;

    /**
     * Records the caller after a tone into {@code base}.wav until {@code #}, five seconds of silence or
     * {@code maxMs}.
     */
    void record(String base, long maxMs) throws CallEndedException;

    /** Sets a variable of the caller's channel, which the dialplan reads once the robot is done. */
    void setVariable(String name, String value) throws CallEndedException;

    /** Starts or stops the exchange's music on hold. */
    void musicOnHold(boolean on) throws CallEndedException;

    void hangUp() throws CallEndedException;
}
