package org.civicdesk.audit.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A record a change wrote, as its audit entry vouches for it: a reference that names it and a
 * digest of its content. The entry's keyed MAC covers both, so a record altered, removed or
 * added behind the application's back no longer matches an entry ({@link RecordSource}).
 *
 * @param ref    {@code <kind>:<key>}, e.g. {@code request:2026/000123#2}; at most 200 characters
 * @param digest SHA-256 (hex) of the record's fields, from {@link #of(String, Object...)}
 * @since 1.2
 */
public record RecordDigest(String ref, String digest) {
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u2400";

    public RecordDigest {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(digest, "digest");
        if (ref.length() > 200) {
            throw new IllegalArgumentException("a record reference has at most 200 characters");
        }
    }

    /**
     * The digest of a record's fields in a fixed order: the writer and {@link RecordSource} call
     * this with the same fields, so both compute the same digest. {@code null} and every value
     * are told apart.
     */
    public static RecordDigest of(String ref, Object... fields) {
        return new RecordDigest(ref, digest(fields));
    }

    /** SHA-256 (hex) over the fields, each followed by a separator; see {@link #of(String, Object...)}. */
    public static String digest(Object... fields) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(fields).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The fields as one text, each followed by a separator that no field keeps (it becomes a
     * space), {@code null} written as a sign no text has: what digests and MACs are taken over.
     */
    public static String canonical(Object... fields) {
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : fields) {
            canonical.append(field == null ? NULL : String.valueOf(field).replace(SEPARATOR, ' ')).append(SEPARATOR);
        }
        return canonical.toString();
    }

    /** The kind of record, the part of {@link #ref()} before the first colon. */
    public String kind() {
        int colon = ref.indexOf(':');
        return colon < 0 ? ref : ref.substring(0, colon);
    }
}
