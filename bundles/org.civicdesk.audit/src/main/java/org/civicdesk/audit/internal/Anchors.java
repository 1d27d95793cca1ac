package org.civicdesk.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed checkpoints of the chain's head, kept outside the database: a line per anchor in
 * {@code anchors.log} under the data directory and, when configured, in a second directory
 * (another disk, a share, write-once storage). Whoever rewrites the database cannot rewrite
 * them without the key, so a chain cut short or rebuilt no longer matches an anchor.
 */
final class Anchors {
    static final String FILE = "anchors.log";
    private static final Logger LOG = LoggerFactory.getLogger(Anchors.class);

    /** One checkpoint as read back, with where it was read. */
    record Anchor(long sequence, long timeMillis, String headMac, String keyId, String signature, String source) {
    }

    private final List<Path> directories;
    private final IntegrityKeys keys;
    private long lastSequence = -1;

    Anchors(List<Path> directories, IntegrityKeys keys) {
        this.directories = List.copyOf(directories);
        this.keys = keys;
    }

    /** Appends an anchor for the head to every directory unless the last one names it already. */
    synchronized void write(long sequence, String headMac, long timeMillis) {
        if (sequence <= 0 || sequence == lastSequence) {
            return;
        }
        String keyId = keys.currentId();
        String signature = keys.mac(keyId, Chain.anchorText(sequence, headMac, timeMillis, keyId));
        String line = sequence + "\t" + timeMillis + "\t" + headMac + "\t" + keyId + "\t" + signature + "\n";
        for (Path directory : directories) {
            try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve(FILE), line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            } catch (IOException e) {
                LOG.error("Could not write an integrity anchor to {}: {}", directory, e.toString());
            }
        }
        lastSequence = sequence;
    }

    /** Every anchor in every directory; lines that cannot be read come back as problems. */
    List<Anchor> readAll(List<String> problems) {
        List<Anchor> anchors = new ArrayList<>();
        for (Path directory : directories) {
            Path file = directory.resolve(FILE);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                for (int i = 0; i < lines.size(); i++) {
                    String[] f = lines.get(i).split("\t");
                    String where = file + " line " + (i + 1);
                    try {
                        anchors.add(new Anchor(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], f[4], where));
                    } catch (RuntimeException e) {
                        problems.add("anchor at " + where + " cannot be read");
                    }
                }
            } catch (IOException e) {
                problems.add("anchors in " + file + " cannot be read: " + e.getMessage());
            }
        }
        return anchors;
    }

    /** Whether an anchor carries the signature of the key it names. */
    boolean signed(Anchor a) {
        return keys.knows(a.keyId())
                && keys.mac(a.keyId(), Chain.anchorText(a.sequence(), a.headMac(), a.timeMillis(), a.keyId()))
                        .equals(a.signature());
    }
}
