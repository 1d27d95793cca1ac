package org.civicdesk.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrity keys (HMAC-SHA-256), kept in a file under {@code etc/} and never in the
 * database, so that whoever owns the database cannot recompute a MAC. The file holds every key
 * ever used ({@code key.<id> = <base64>}) and which one is {@code current}: rotating adds a key
 * and makes it current, and what was written before stays verifiable with its own key. Made,
 * readable by its owner only, at the first start. Several nodes share one copy of the file.
 */
final class IntegrityKeys {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot;

    private record Snapshot(long modified, String current, Map<String, byte[]> keys) {
    }

    IntegrityKeys(Path file) throws IOException {
        this.file = file;
        if (!Files.exists(file)) {
            Map<String, byte[]> keys = new TreeMap<>();
            keys.put("k1", newKey());
            write(keys, "k1");
        }
        this.snapshot = load();
    }

    /** The id of the key new MACs are made with. */
    String currentId() {
        return fresh().current();
    }

    /** HMAC-SHA-256 (hex) of {@code text} with the key {@code keyId}. */
    String mac(String keyId, String text) {
        byte[] key = fresh().keys().get(keyId);
        if (key == null) {
            throw new UnknownKeyException(keyId);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    boolean knows(String keyId) {
        return fresh().keys().containsKey(keyId);
    }

    /** Adds a new key and makes it current; returns its id. */
    synchronized String rotate() throws IOException {
        Snapshot now = load();
        Map<String, byte[]> keys = new TreeMap<>(now.keys());
        String id = "k" + (keys.keySet().stream().mapToInt(k -> Integer.parseInt(k.substring(1))).max().orElse(0) + 1);
        keys.put(id, newKey());
        write(keys, id);
        snapshot = load();
        return id;
    }

    /** The keys as the file holds them now: an administrator may have rotated them by hand. */
    private Snapshot fresh() {
        Snapshot known = snapshot;
        try {
            if (Files.getLastModifiedTime(file).toMillis() != known.modified()) {
                snapshot = load();
            }
        } catch (IOException e) {
            // The file went missing or unreadable: keep the keys in memory, the next look tries again.
        }
        return snapshot;
    }

    private Snapshot load() throws IOException {
        Properties p = new Properties();
        long modified = Files.getLastModifiedTime(file).toMillis();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, byte[]> keys = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("key.")) {
                String id = name.substring(4);
                if (!id.matches("k[0-9]{1,6}")) {
                    throw new IOException("integrity key ids are k<number>, not '" + id + "' in " + file);
                }
                keys.put(id, Base64.getDecoder().decode(p.getProperty(name).trim()));
            }
        }
        String current = p.getProperty("current", "").trim();
        if (!keys.containsKey(current)) {
            throw new IOException("the current integrity key '" + current + "' is not in " + file);
        }
        return new Snapshot(modified, current, Map.copyOf(keys));
    }

    private void write(Map<String, byte[]> keys, String current) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# CivicDesk integrity keys (HMAC-SHA-256) for the audit trail, its chain and anchors.\n")
                .append("# Keep every key: entries written with an old key are verified with it. Back this file up\n")
                .append("# apart from the database; never store it in the database. Rotate: civicdesk:integrity-rotate-key\n");
        keys.forEach((id, key) -> text.append("key.").append(id).append(" = ")
                .append(Base64.getEncoder().encodeToString(key)).append('\n'));
        text.append("current = ").append(current).append('\n');
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** A MAC names a key this installation does not have. */
    static final class UnknownKeyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnknownKeyException(String keyId) {
            super("no integrity key '" + keyId + "' in the key file");
        }
    }
}
