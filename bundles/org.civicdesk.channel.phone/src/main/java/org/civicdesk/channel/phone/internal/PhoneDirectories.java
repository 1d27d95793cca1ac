package org.civicdesk.channel.phone.internal;

import java.nio.file.Path;

/** Where the phone channel keeps the sound it shares with the exchange, as configured or under Karaf's data. */
public final class PhoneDirectories {
    private PhoneDirectories() {
    }

    /** The spoken prompts the exchange plays. */
    public static Path prompts(PhoneConfig config) {
        return directory(config.promptDirectory(), data().resolve("prompts"));
    }

    /** The voice messages and call recordings the exchange writes. */
    public static Path recordings(PhoneConfig config) {
        return directory(config.recordingDirectory(), data().resolve("recordings"));
    }

    private static Path data() {
        return Path.of(System.getProperty("karaf.data", "data"), "civicdesk");
    }

    private static Path directory(String configured, Path fallback) {
        return configured == null || configured.isBlank() ? fallback : Path.of(configured.strip());
    }
}
