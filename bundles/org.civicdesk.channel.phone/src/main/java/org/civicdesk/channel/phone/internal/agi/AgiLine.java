package org.civicdesk.channel.phone.internal.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.internal.robot.ExchangeLine;

/**
 * The caller's line over a FastAGI connection: each of the robot's wishes is one AGI command to
 * Asterisk. Any failure of the connection means the caller is gone: Asterisk closes it when the
 * caller hangs up.
 */
final class AgiLine implements ExchangeLine {
    /** The caller's silence that ends a recording, in seconds. */
    private static final int RECORDING_SILENCE_SECONDS = 5;

    private final AgiChannel channel;

    AgiLine(AgiChannel channel) {
        this.channel = channel;
    }

    @Override
    public void answer() throws CallEndedException {
        try {
            channel.answer();
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    @Override
    public void play(String sound) throws CallEndedException {
        try {
            channel.streamFile(sound);
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    @Override
    public String read(String sound, int timeoutMs, int maxDigits) throws CallEndedException {
        try {
            String answer = channel.getData(sound, timeoutMs, maxDigits);
            return answer == null ? "" : answer.replaceAll("[^0-9*#]", "");
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    @Override
    public void record(String base, long maxMs) throws CallEndedException {
        try {
            channel.recordFile(base, "wav", "#", (int) maxMs, 0, true, RECORDING_SILENCE_SECONDS);
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    @Override
    public void setVariable(String name, String value) throws CallEndedException {
        try {
            channel.setVariable(name, value);
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    @Override
    public void musicOnHold(boolean on) throws CallEndedException {
        try {
            channel.exec(on ? "StartMusicOnHold" : "StopMusicOnHold");
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    @Override
    public void hangUp() throws CallEndedException {
        try {
            channel.hangup();
        } catch (AgiException e) {
            throw ended(e);
        }
    }

    private static CallEndedException ended(AgiException e) {
        return new CallEndedException("the exchange ended the call: " + e.getMessage(), e);
    }
}
