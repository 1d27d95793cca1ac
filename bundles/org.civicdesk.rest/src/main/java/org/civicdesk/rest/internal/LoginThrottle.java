package org.civicdesk.rest.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down without letting anyone lock a staff member out. Only failures
 * count, each against three keys, and a key past its free failures must wait, twice as long after
 * every further failure (up to a ceiling), before its next attempt is even checked:
 * <ul>
 * <li>the address and the user name together: guessing one user's password from one address;</li>
 * <li>the address: trying many user names from one address;</li>
 * <li>the user name, counting only failures from addresses that never logged in as that user:
 * guessing from many addresses. The user's own addresses are not held back by it.</li>
 * </ul>
 * An attacker thus slows down themselves, and never the user at an address the user logged in from.
 * Unknown and known user names are counted alike. Kept in this node's memory.
 */
final class LoginThrottle {
    /** Beyond this many keys, those whose failures are forgotten are dropped. */
    private static final int MAX_KEYS = 100_000;
    /** The addresses remembered per user as theirs. */
    private static final int KNOWN_ADDRESSES = 20;

    /** The settings: free failures per key, the longest wait, and when failures are forgotten. */
    record Limits(int perAddressAndUser, int perAddress, int perUserFromNewAddresses, long firstDelayMillis,
            long maxDelayMillis, long forgetAfterMillis) {
    }

    private record Failures(int count, long lastMillis) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();
    private volatile Limits limits;

    LoginThrottle(Limits limits) {
        this.limits = limits;
    }

    void setLimits(Limits limits) {
        this.limits = limits;
    }

    /** Milliseconds this address must still wait before trying this user's password; 0 when it may now. */
    long waitMillis(String address, String username, long now) {
        Limits l = limits;
        long wait = Math.max(waitFor(pairKey(address, username), l.perAddressAndUser(), now),
                waitFor(addressKey(address), l.perAddress(), now));
        if (!isKnown(address, username)) {
            wait = Math.max(wait, waitFor(userKey(username), l.perUserFromNewAddresses(), now));
        }
        return wait;
    }

    /** A wrong password (or an unknown user) from this address. */
    void failed(String address, String username, long now) {
        if (failures.size() > MAX_KEYS) {
            long forget = limits.forgetAfterMillis();
            failures.values().removeIf(f -> now - f.lastMillis() > forget);
        }
        count(pairKey(address, username), now);
        count(addressKey(address), now);
        if (!isKnown(address, username)) {
            count(userKey(username), now);
        }
    }

    /** The right password from this address: its guesses at this user are forgotten, the address is the user's. */
    void succeeded(String address, String username) {
        failures.remove(pairKey(address, username));
        knownAddresses.computeIfAbsent(username, u -> Collections.synchronizedSet(newestFirst())).add(address);
    }

    private boolean isKnown(String address, String username) {
        Set<String> known = knownAddresses.get(username);
        return known != null && known.contains(address);
    }

    private void count(String key, long now) {
        long forget = limits.forgetAfterMillis();
        failures.merge(key, new Failures(1, now), (old, one) -> now - old.lastMillis() > forget ? one
                : new Failures(old.count() + 1, now));
    }

    /** The wait a key owes: none before its free failures are used, then the first delay, doubled after each failure. */
    private long waitFor(String key, int free, long now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || now - f.lastMillis() > limits.forgetAfterMillis()) {
            return 0;
        }
        int doublings = Math.min(20, f.count() - free);
        long delay = Math.min(limits.maxDelayMillis(), limits.firstDelayMillis() << doublings);
        return Math.max(0, f.lastMillis() + delay - now);
    }

    private static String pairKey(String address, String username) {
        return "pair\n" + address + "\n" + normalise(username);
    }

    private static String addressKey(String address) {
        return "address\n" + address;
    }

    private static String userKey(String username) {
        return "user\n" + normalise(username);
    }

    /** One key per user however the name is typed. */
    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A set keeping the {@value #KNOWN_ADDRESSES} addresses added last. */
    private static Set<String> newestFirst() {
        return Collections.newSetFromMap(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > KNOWN_ADDRESSES;
            }
        });
    }
}
