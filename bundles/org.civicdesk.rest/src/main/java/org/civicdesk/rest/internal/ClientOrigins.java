package org.civicdesk.rest.internal;

import javax.servlet.http.HttpServletRequest;

/** Tells each call's {@link ClientOrigin} by the trusted proxies configured now. */
final class ClientOrigins {
    private static final String ATTRIBUTE = ClientOrigin.class.getName();

    private volatile ClientOrigin.TrustedProxies trusted = ClientOrigin.TrustedProxies.NONE;

    void setTrusted(ClientOrigin.TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /** The call's origin, worked out once per call. */
    ClientOrigin of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof ClientOrigin origin) {
            return origin;
        }
        ClientOrigin origin = ClientOrigin.of(trusted, request.getRemoteAddr(), request.isSecure(),
                request.getHeader("X-Forwarded-For"), request.getHeader("X-Forwarded-Proto"));
        request.setAttribute(ATTRIBUTE, origin);
        return origin;
    }
}
