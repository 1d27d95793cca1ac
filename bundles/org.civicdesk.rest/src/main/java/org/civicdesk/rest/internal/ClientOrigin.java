package org.civicdesk.rest.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a call comes from: the client's address, and whether it reached us over HTTPS. The
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers anyone can send are believed only
 * from the reverse proxies configured as trusted ({@code trustedProxies}); otherwise the direct
 * peer is the client, and the connection itself says whether it is HTTPS.
 *
 * @param address the client's IP address, as throttling keys it
 * @param https   whether the client's connection is HTTPS (so cookies get {@code Secure} and HSTS is sent)
 */
record ClientOrigin(String address, boolean https) {

    /** The trusted proxies: single addresses or CIDR ranges, IPv4 or IPv6. */
    static final class TrustedProxies {
        private record Range(BigInteger network, int prefix, int bits) {
            boolean contains(byte[] address) {
                if (address.length * 8 != bits) {
                    return false;
                }
                BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                        .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
                return new BigInteger(1, address).and(mask).equals(network.and(mask));
            }
        }

        static final TrustedProxies NONE = new TrustedProxies(List.of());
        private final List<Range> ranges;

        private TrustedProxies(List<Range> ranges) {
            this.ranges = List.copyOf(ranges);
        }

        /**
         * Parses a comma-separated list of IP addresses and CIDR ranges ({@code 10.0.0.5, 10.1.0.0/16, ::1}).
         *
         * @throws IllegalArgumentException for an entry that is not one (host names are refused: no lookups)
         */
        static TrustedProxies parse(String list) {
            List<Range> ranges = new ArrayList<>();
            for (String entry : list == null ? new String[0] : list.split(",")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int slash = e.indexOf('/');
                byte[] address = literal(slash < 0 ? e : e.substring(0, slash));
                if (address == null) {
                    throw new IllegalArgumentException("not an IP address or CIDR range: " + e);
                }
                int bits = address.length * 8;
                int prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("no such prefix length: " + e);
                }
                ranges.add(new Range(new BigInteger(1, address), prefix, bits));
            }
            return new TrustedProxies(ranges);
        }

        boolean trusts(String address) {
            byte[] bytes = literal(address);
            return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
        }

        /** The bytes of an IP literal, or {@code null} for anything else: a host name is never looked up. */
        private static byte[] literal(String text) {
            if (text == null) {
                return null;
            }
            String bare = text.strip();
            if (bare.startsWith("[") && bare.endsWith("]")) {
                bare = bare.substring(1, bare.length() - 1);
            }
            int zone = bare.indexOf('%');
            bare = zone < 0 ? bare : bare.substring(0, zone);
            boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(bare).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }

    /**
     * The origin of a call whose direct peer is {@code peer}, on a connection that is HTTPS or not,
     * given the {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers it carries ({@code null} when absent).
     */
    static ClientOrigin of(TrustedProxies trusted, String peer, boolean secureConnection, String forwardedFor,
            String forwardedProto) {
        if (!trusted.trusts(peer)) {
            return new ClientOrigin(peer, secureConnection);
        }
        // Each proxy appends the address it saw: the client is the last one that is not a trusted proxy.
        String client = peer;
        if (forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (hop.isEmpty()) {
                    continue;
                }
                client = hop;
                if (!trusted.trusts(hop)) {
                    break;
                }
            }
        }
        boolean https = forwardedProto != null ? "https".equals(first(forwardedProto).toLowerCase(Locale.ROOT))
                : secureConnection;
        return new ClientOrigin(client, https);
    }

    /** The value the client-facing proxy set: the first of a list. */
    private static String first(String list) {
        int comma = list.indexOf(',');
        return (comma < 0 ? list : list.substring(0, comma)).strip();
    }
}
