package org.civicdesk.rest.api;

import javax.servlet.http.HttpServletRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a call to one of CivicDesk's web endpoints (the API, the portal, Open311) comes from, as the city's reverse
 * proxies tell it: their {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} headers are believed only from the
 * proxies {@code trustedProxies} of {@code etc/org.civicdesk.rest.cfg} names, so that nobody else can pass for another
 * address or make the answers point elsewhere. A servlet of another bundle uses it rather than the headers.
 *
 * @since 1.3
 */
@ProviderType
public interface CallOrigins {
    /** The client's IP address: the direct peer, or the one a trusted proxy forwarded. */
    String clientAddress(HttpServletRequest request);

    /**
     * The call's URL as the client sent it, without its query: the scheme and host a trusted proxy forwarded, else the
     * connection's; the path as received.
     */
    String requestUrl(HttpServletRequest request);
}
