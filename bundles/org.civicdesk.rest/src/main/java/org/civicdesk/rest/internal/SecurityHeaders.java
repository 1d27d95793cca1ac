package org.civicdesk.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Headers every API response carries: no caching of personal data, no sniffing, no framing; and
 * HSTS on answers to HTTPS calls.
 */
final class SecurityHeaders implements ContainerResponseFilter {
    private final ClientOrigins origins;
    private volatile long hstsMaxAgeSeconds;

    @Context
    private HttpServletRequest servletRequest;

    SecurityHeaders(ClientOrigins origins, long hstsMaxAgeSeconds) {
        this.origins = origins;
        this.hstsMaxAgeSeconds = hstsMaxAgeSeconds;
    }

    void setHstsMaxAgeSeconds(long seconds) {
        this.hstsMaxAgeSeconds = seconds;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        // Only on HTTPS answers: browsers ignore it over plain HTTP, where it could not be trusted anyway.
        if (hstsMaxAgeSeconds > 0 && servletRequest != null && origins.of(servletRequest).https()) {
            headers.putSingle("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds);
        }
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
