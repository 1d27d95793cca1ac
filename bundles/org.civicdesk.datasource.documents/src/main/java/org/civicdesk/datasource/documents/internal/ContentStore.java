package org.civicdesk.datasource.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.civicdesk.core.api.IntegrityException;
import org.civicdesk.core.api.InvalidInputException;

/**
 * Files kept by their SHA-256 under {@code <root>/<first two hex digits>/<hash>}: the same
 * content is stored once, a stored file is never overwritten (it is made read-only), and a
 * read first recomputes the hash. Writes go to a temporary file that is moved into place
 * atomically, so a crash never leaves a half-written file under a hash.
 */
final class ContentStore {
    private final Path root;
    private final Path incoming;

    ContentStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    /** What was stored. */
    record Stored(String sha256, long size, String mediaType) {
    }

    /**
     * Stores the stream's bytes if they are one of the accepted types and fit the name.
     *
     * @throws InvalidInputException for empty or too large content, an unknown type or a name that lies
     */
    Stored put(InputStream content, String fileName, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "upload-", ".part");
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(temp)) {
                size = copyAtMost(in, out, maxBytes);
            }
            if (size == 0) {
                throw InvalidInputException.of("file", "file.empty");
            }
            String mediaType = MediaTypes.detect(header(temp), temp)
                    .orElseThrow(() -> InvalidInputException.of("file", "file.kind"));
            if (!MediaTypes.nameFits(fileName, mediaType)) {
                throw InvalidInputException.of("file", "file.nameMismatch", MediaTypes.describe(mediaType), fileName);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                target.toFile().setReadOnly();
            } catch (FileAlreadyExistsException sameContent) {
                // Stored before: content-addressed, so the existing file is this content; the temporary goes.
            }
            return new Stored(sha, size, mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException("the attachment could not be stored", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Opens stored content after recomputing its hash.
     *
     * @throws IntegrityException when the file is missing or its bytes no longer hash to its name
     */
    InputStream open(String sha256) {
        Path file = pathOf(sha256);
        if (!Files.isRegularFile(file)) {
            throw new IntegrityException("the stored file " + sha256 + " is missing");
        }
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                throw new IntegrityException("the stored file " + sha256 + " no longer matches its SHA-256");
            }
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the attachment could not be read", e);
        }
    }

    /** Size and detected type of stored content, or empty when it is not in the store. */
    Optional<Stored> describe(String sha256) {
        Path file = pathOf(sha256);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String type = MediaTypes.detect(header(file), file).orElse("application/octet-stream");
            return Optional.of(new Stored(sha256, Files.size(file), type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw InvalidInputException.of("sha256", "file.sha256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static byte[] header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MediaTypes.HEADER_LENGTH);
        }
    }

    private static long copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0;) {
            total += n;
            if (total > maxBytes) {
                throw InvalidInputException.of("file", "file.tooLarge", maxBytes / (1024 * 1024));
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover in incoming/ is harmless and is not content
            }
        }
    }
}
