package org.civicdesk.identity.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Each person's own key, for what a module must keep about them in an append-only table (a superseded name, a typed
 * remark): sealed with the person's key, it can be read while the person is on record and never after their erasure,
 * which destroys the key (crypto-shredding) — the rows, and the integrity chain over them, stay complete.
 *
 * @since 1.6
 */
@ProviderType
public interface CitizenKeys {
    /**
     * What every sealed value begins with: a value without it was never sealed.
     *
     * @since 1.13
     */
    String SEALED_MARK = "pd1:";

    /**
     * Whether {@code value} was sealed with someone's key: one that was not is kept, and opens, as it is.
     *
     * @since 1.13
     */
    static boolean isSealed(String value) {
        return value != null && value.startsWith(SEALED_MARK);
    }

    /**
     * {@code text} sealed with the person's key (made on first use); {@code null} stays {@code null}.
     *
     * @throws IllegalStateException once the person was erased: nothing is sealed for them again
     */
    String seal(String citizenId, String text);

    /**
     * What {@code sealed} says, or empty once the person was erased (their key is gone); a value that was never sealed
     * is returned as it is.
     */
    Optional<String> open(String citizenId, String sealed);

    /**
     * Destroys the key of {@code id}, a person with no record of their own (a reporter who left only a contact, whom
     * their module keys by an id of its own): what was sealed with it is unreadable from now on, on every node. A
     * citizen's key goes with their erasure ({@link CitizenRegistry#erase}), never through this.
     *
     * @since 1.11
     */
    void forget(String id);

    /**
     * The keyed hash of a search token (a word's beginning a search may ask for), shortened to 64 bits, so that a module
     * finds its rows by the words of what people said without keeping the words: equal tokens give equal hashes, and
     * nobody without the keystore computes or reverses one. A module prefixes its tokens with its own mark, so that its
     * hashes and another's never match.
     *
     * @since 1.14
     */
    long searchToken(String token);

    /**
     * Reads the keys of these people in one go, so that a list of their values (a page of requests) opens without a
     * read of each key; a provider that keeps no keys apart may do nothing.
     *
     * @since 1.12
     */
    default void preload(java.util.Collection<String> ids) {
    }
}
