package org.civicdesk.channel.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Open311 API keys: issued to a named client (an app, a partner site), listed and revoked by
 * administrators. A key is shown once, when issued; only its SHA-256 is stored — a key is 160
 * random bits, so a fast hash is enough, unlike a password. Issuing and revoking are rows added
 * to two append-only tables, so the record of who held a key when is never lost.
 */
@Component(service = ApiKeys.class)
public class ApiKeys {
    static final String KEYS = "CD_OPEN311_KEY";
    static final String REVOCATIONS = "CD_OPEN311_KEY_REVOKED";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    /**
     * How long a verified key (or an unknown one) is believed without asking the database again: a busy client costs
     * no query per call, and a key revoked on another node stops working here within this time.
     */
    private static final long TRUST_MILLIS = 30_000;
    /** Verified keys by hash, each with when it was checked; cleared here on issue and revocation. */
    private final Map<String, Checked> verified = new ConcurrentHashMap<>();

    private record Checked(Optional<ApiKey> key, long at) {
    }

    /**
     * A key as listed: never the key itself.
     *
     * @param id        short public id, used to revoke it
     * @param name      whom it was issued to
     * @param issuedBy  who issued it
     * @param issuedAt  when
     * @param revokedAt when it was revoked, or {@code null} while it is valid
     */
    public record ApiKey(String id, String name, String issuedBy, Instant issuedAt, Instant revokedAt) {
        /** The actor a client using this key acts as: a system actor named after the key. */
        Actor actor() {
            return Actor.system("open311:" + id);
        }
    }

    @Activate
    public ApiKeys(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference AuditLog audit) {
        this.jdbc = new Jdbc(dataSource);
        this.audit = audit;
        SchemaMigrations.update(dataSource, ApiKeys.class);
    }

    /** A key just issued: its id and the key, which is never shown again. */
    public record Issued(String id, String key) {
    }

    /** Issues a new key to a named client. */
    public Issued issue(Actor actor, String name) {
        StringBuilder key = new StringBuilder("cd311-");
        for (int i = 0; i < 32; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        register(actor, name, key.toString());
        return new Issued(idOf(hash(key.toString())), key.toString());
    }

    /**
     * Registers a key chosen by the caller (the demo's well-known key), unless it is registered already.
     *
     * @return whether it was new
     */
    boolean register(Actor actor, String name, String key) {
        requireAdmin(actor);
        String clientName = name == null ? "" : name.strip();
        if (clientName.isEmpty()) {
            throw InvalidInputException.of("name", "param.required");
        }
        TextInput.line("name", clientName, 100);
        String hash = hash(key);
        String id = idOf(hash);
        AuditEvent issued = new AuditEvent(actor.username(), "open311.key.issue", "api-key", "api-key", id,
                "name=" + clientName);
        try {
            jdbc.update("issuing an Open311 key", c -> audit.record(c, issued, null), "INSERT INTO " + KEYS
                    + " (KEY_ID, KEY_HASH, NAME, ISSUED_BY, ISSUED_MS) VALUES (?, ?, ?, ?, ?)", id, hash, clientName,
                    actor.username(), System.currentTimeMillis());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
        verified.remove(hash);
        return true;
    }

    /** Revokes a key by its id; calls with it are refused from now on. */
    public void revoke(Actor actor, String id) {
        ApiKey key = list(actor).stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no Open311 key " + id));
        if (key.revokedAt() != null) {
            throw new ConflictException("key " + id + " was revoked at " + key.revokedAt());
        }
        AuditEvent revoked = new AuditEvent(actor.username(), "open311.key.revoke", "api-key", "api-key", id, null);
        jdbc.update("revoking an Open311 key", c -> audit.record(c, revoked, null), "INSERT INTO " + REVOCATIONS
                + " (KEY_ID, REVOKED_BY, REVOKED_MS) VALUES (?, ?, ?)", id, actor.username(), System.currentTimeMillis());
        verified.clear();
    }

    /** Every key ever issued, the newest first. */
    public List<ApiKey> list(Actor actor) {
        requireAdmin(actor);
        return query("");
    }

    /** The valid key with this value, if any. */
    Optional<ApiKey> verify(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        return verified.compute(hash(key.strip()), (hash, known) -> known != null && now - known.at() < TRUST_MILLIS ? known
                : new Checked(query(" WHERE k.KEY_HASH = ?", hash).stream().filter(k -> k.revokedAt() == null).findFirst(),
                        now)).key();
    }

    private List<ApiKey> query(String where, String... parameters) {
        return jdbc.query("reading the Open311 keys", "SELECT k.KEY_ID, k.NAME, k.ISSUED_BY, k.ISSUED_MS, r.REVOKED_MS FROM "
                + KEYS + " k LEFT JOIN " + REVOCATIONS + " r ON r.KEY_ID = k.KEY_ID" + where + " ORDER BY k.ISSUED_MS DESC",
                rs -> {
                    long revoked = rs.getLong(5);
                    Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
                    return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            revokedAt);
                }, 0, (Object[]) parameters);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator issues and revokes Open311 keys");
        }
    }

    /** A key's public id: the start of its hash, enough to tell keys apart, useless to forge one. */
    private static String idOf(String hash) {
        return hash.substring(0, 10);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
