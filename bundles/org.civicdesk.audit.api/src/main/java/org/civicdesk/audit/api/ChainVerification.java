package org.civicdesk.audit.api;

/**
 * Result of checking the hash chain.
 *
 * @param intact          whether every entry matched its hash and its predecessor
 * @param entriesChecked  how many entries were read
 * @param firstBroken     sequence of the first entry that does not match, or {@code -1}
 * @param problem         what is wrong with it, or {@code null}
 */
public record ChainVerification(boolean intact, long entriesChecked, long firstBroken, String problem) {
}
