package org.civicdesk.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Each person's AES-256 key, kept in CD_CITIZEN_KEY wrapped (AES-GCM) by a master key from a PKCS#12 keystore in etc/;
 * texts sealed with AES-GCM under it. Erasure deletes the person's row: what was sealed with it is then noise.
 * Sealed values are found through keyed hashes ({@link #blindIndex}, {@link #searchToken}) made with a key derived from the
 * master key: equal inputs give equal hashes, but nobody without the keystore can compute or reverse them.
 */
@Component(service = {CitizenKeys.class, CitizenKeysImpl.class}, configurationPid = CitizenKeysImpl.PID)
@Designate(ocd = CitizenKeysConfig.class)
public class CitizenKeysImpl implements CitizenKeys {
    static final String PID = "org.civicdesk.identity.keys";
    static final String TABLE = "CD_CITIZEN_KEY";
    /** Marks a sealed value: version 1, AES-256-GCM with a 96-bit nonce in front of the ciphertext. */
    private static final String SEALED = CitizenKeys.SEALED_MARK;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Keys kept in memory: a view opens the same person's values several times. Cleared for a person on erasure. */
    private static final int CACHED = 10_000;
    /**
     * How long a key is kept in memory: another node's erasure deletes the row, and this node stops opening what the
     * key sealed at the latest this long after.
     */
    private static final long CACHED_MILLIS = 60_000;

    /** What the key of the keyed hashes is derived from the master key with (a new label gives new hashes). */
    private static final String INDEX_KEY_LABEL = "civicdesk/personal-data/blind-index/v1";

    private final Jdbc jdbc;
    private final SecretKey master;
    private final ThreadLocal<Mac> indexHash;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CachedKey> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedKey> eldest) {
            return size() > CACHED;
        }
    };

    @Activate
    public CitizenKeysImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            CitizenKeysConfig config) throws IOException, GeneralSecurityException {
        this.jdbc = new Jdbc(dataSource);
        SchemaMigrations.update(dataSource, CitizenKeysImpl.class);
        String etc = System.getProperty("karaf.etc", "etc");
        Path keystore = Path.of(config.keystore().isBlank() ? etc + "/civicdesk-personal-data.p12" : config.keystore());
        String password = config.keystore_password();
        if (password == null || password.isBlank()) {
            password = generatedPassword(Path.of(etc, "civicdesk-personal-data.password"));
        }
        this.master = masterKey(keystore, password.toCharArray(), config.alias());
        this.indexHash = indexHash(master);
    }

    /** HMAC-SHA256 under a key derived from the master key, one instance per thread (a Mac is not thread-safe). */
    static ThreadLocal<Mac> indexHash(SecretKey master) throws GeneralSecurityException {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
        SecretKeySpec indexKey = new SecretKeySpec(derive.doFinal(INDEX_KEY_LABEL.getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
        Mac.getInstance("HmacSHA256").init(indexKey); // fails here, at start, if the platform cannot
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(indexKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    /**
     * The keyed hash that finds a sealed value by its exact text (a CNP, a phone number's normal form), as 64
     * hexadecimal digits; null for null.
     */
    String blindIndex(String value) {
        return value == null ? null : java.util.HexFormat.of().formatHex(indexHash.get().doFinal(
                value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The keyed hash of a search token (a word's beginning, a CNP's first digits), shortened to 64 bits. */
    @Override
    public long searchToken(String value) {
        return java.nio.ByteBuffer.wrap(indexHash.get().doFinal(value.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /**
     * The keystore's password when etc/ sets none: kept in a file of its own beside it, made on the first start — the
     * zero-setup default; an installation sets its own in the configuration.
     */
    private String generatedPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            ownerOnly(file);
        }
        return Files.readString(file).strip();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's rights apply.
        }
    }

    /** The master key from the keystore; a new keystore with a new key when there is none yet. */
    static SecretKey masterKey(Path file, char[] password, String alias) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            KeyStore.Entry entry = store.getEntry(alias, protection);
            if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                throw new GeneralSecurityException("the keystore " + file + " has no secret key " + alias);
            }
            return secret.getSecretKey();
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey made = generator.generateKey();
        store.load(null, password);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(made), protection);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        ownerOnly(file);
        return made;
    }

    @Override
    public String seal(String citizenId, String text) {
        if (text == null) {
            return null;
        }
        return seal(key(citizenId, true).orElseThrow(() -> new IllegalStateException("the person was erased")), citizenId,
                text);
    }

    @Override
    public Optional<String> open(String citizenId, String sealed) {
        if (sealed == null || !sealed.startsWith(SEALED)) {
            return Optional.ofNullable(sealed);
        }
        return key(citizenId, false).map(key -> new String(decrypt(key, Base64.getDecoder().decode(sealed.substring(
                SEALED.length())), citizenId), StandardCharsets.UTF_8));
    }

    /**
     * The person's key read or made in the caller's transaction, so that a new person's key is stored with their row or
     * not at all; not cached until read again after the commit.
     */
    SecretKey keyIn(java.sql.Connection transaction, String citizenId) throws java.sql.SQLException {
        SecretKey known = cached(citizenId, System.currentTimeMillis());
        if (known != null) {
            return known;
        }
        try (java.sql.PreparedStatement ps = transaction.prepareStatement("SELECT WRAPPED_KEY FROM " + TABLE
                + " WHERE CITIZEN_ID = ?")) {
            ps.setString(1, citizenId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return unwrap(rs.getString(1), citizenId);
                }
            }
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try (java.sql.PreparedStatement ps = transaction.prepareStatement("INSERT INTO " + TABLE
                + " (CITIZEN_ID, WRAPPED_KEY, CREATED_MS) VALUES (?, ?, ?)")) {
            Jdbc.bind(ps, citizenId, Base64.getEncoder().encodeToString(encrypt(master, fresh, citizenId)),
                    System.currentTimeMillis());
            ps.executeUpdate();
        }
        return new SecretKeySpec(fresh, "AES");
    }

    /**
     * Reads the keys of these people that are not in memory, in one query: a list of people opens without a query for
     * each of them.
     */
    @Override
    public void preload(java.util.Collection<String> citizenIds) {
        List<String> missing;
        long now = System.currentTimeMillis();
        synchronized (cache) {
            missing = citizenIds.stream().filter(id -> cached(id, now) == null).distinct().limit(CACHED).toList();
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String[]> wrapped = jdbc.query("read people's keys", "SELECT CITIZEN_ID, WRAPPED_KEY FROM " + TABLE
                + " WHERE CITIZEN_ID IN (" + String.join(", ", java.util.Collections.nCopies(missing.size(), "?")) + ")",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, 0, missing.toArray());
        synchronized (cache) {
            for (String[] row : wrapped) {
                cache.put(row[0], new CachedKey(unwrap(row[1], row[0]), now));
            }
        }
    }

    /**
     * Keeps in memory the keys of these people (wrapped, as stored; a null for someone who has none) read with their
     * rows by the caller, in one statement with them: those already in memory stay as they are.
     */
    void remember(Map<String, String> wrappedKeys) {
        long now = System.currentTimeMillis();
        synchronized (cache) {
            wrappedKeys.forEach((citizenId, wrapped) -> {
                if (wrapped != null && cached(citizenId, now) == null) {
                    cache.put(citizenId, new CachedKey(unwrap(wrapped, citizenId), now));
                }
            });
        }
    }

    /** {@code text} sealed with {@code key}, the key of the person {@code citizenId}; null for null. */
    String seal(SecretKey key, String citizenId, String text) {
        return text == null ? null : SEALED + Base64.getEncoder().encodeToString(encrypt(key,
                text.getBytes(StandardCharsets.UTF_8), citizenId));
    }

    @Override
    public void forget(String id) {
        try {
            jdbc.inTransaction(c -> {
                destroy(c, id);
                return null;
            });
        } catch (java.sql.SQLException e) {
            throw SqlErrors.unchecked("destroy a key", e);
        }
    }

    /** Destroys the person's key: everything sealed with it stays unreadable, on every node and in every backup after. */
    void destroy(java.sql.Connection transaction, String citizenId) throws java.sql.SQLException {
        synchronized (cache) {
            cache.remove(citizenId);
        }
        try (java.sql.PreparedStatement ps = transaction.prepareStatement("DELETE FROM " + TABLE + " WHERE CITIZEN_ID = ?")) {
            ps.setString(1, citizenId);
            ps.executeUpdate();
        }
    }

    private Optional<SecretKey> key(String citizenId, boolean make) {
        SecretKey known = cached(citizenId, System.currentTimeMillis());
        if (known != null) {
            return Optional.of(known);
        }
        List<String> wrapped = jdbc.query("read a person's key", "SELECT WRAPPED_KEY FROM " + TABLE
                + " WHERE CITIZEN_ID = ?", rs -> rs.getString(1), 1, citizenId);
        // A person with no key is one of an earlier release, or one erased: an erased person never gets a key again.
        if (wrapped.isEmpty() && make && jdbc.query("look for an erasure", "SELECT 1 FROM CD_CITIZEN_ERASURE WHERE "
                + "CITIZEN_ID = ?", rs -> 1, 1, citizenId).isEmpty()) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                jdbc.update("keep a person's key", "INSERT INTO " + TABLE + " (CITIZEN_ID, WRAPPED_KEY, CREATED_MS) VALUES "
                        + "(?, ?, ?)", citizenId, Base64.getEncoder().encodeToString(encrypt(master, fresh, citizenId)),
                        System.currentTimeMillis());
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) { // another thread made it first: read theirs
                    throw e;
                }
            }
            return key(citizenId, false);
        }
        if (wrapped.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = unwrap(wrapped.get(0), citizenId);
        synchronized (cache) {
            cache.put(citizenId, new CachedKey(key, System.currentTimeMillis()));
        }
        return Optional.of(key);
    }

    /** The person's key if it is in memory and was read less than {@link #CACHED_MILLIS} before {@code now}; else null. */
    private SecretKey cached(String citizenId, long now) {
        synchronized (cache) {
            CachedKey known = cache.get(citizenId);
            return known != null && now - known.readAt() < CACHED_MILLIS ? known.key() : null;
        }
    }

    private SecretKey unwrap(String wrapped, String citizenId) {
        return new SecretKeySpec(decrypt(master, Base64.getDecoder().decode(wrapped), citizenId), "AES");
    }

    /**
     * One AES-GCM cipher per thread, initialised anew for each value (with its own nonce): looking the algorithm up
     * among the providers for each value cost more than opening it.
     */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    /** A person's key as read from the database, and when. */
    private record CachedKey(SecretKey key, long readAt) {
    }

    /** AES-GCM with a fresh nonce; the person's id is bound in as associated data (a value moved to another is refused). */
    private byte[] encrypt(SecretKey key, byte[] plain, String citizenId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(citizenId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, String citizenId) {
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(citizenId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with its person's key", e);
        }
    }
}
