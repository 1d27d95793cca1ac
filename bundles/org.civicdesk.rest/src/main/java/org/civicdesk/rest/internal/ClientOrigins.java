package org.civicdesk.rest.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

import org.civicdesk.rest.api.CallOrigins;

/** Tells each call's {@link ClientOrigin} by the trusted proxies configured now; a service for the other web faces. */
final class ClientOrigins implements CallOrigins {
    /** A host name or IP literal, with an optional port: what a forwarded host must be to be taken. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
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

    @Override
    public String clientAddress(HttpServletRequest request) {
        return of(request).address();
    }

    @Override
    public String requestUrl(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        if (!trusted.trusts(request.getRemoteAddr())) {
            return url;
        }
        int authority = url.indexOf("//") + 2;
        int path = url.indexOf('/', authority);
        String host = request.getHeader("X-Forwarded-Host");
        host = host == null ? null : host.split(",")[0].strip();
        if (host == null || !HOST.matcher(host).matches()) {
            host = url.substring(authority, path < 0 ? url.length() : path);
        }
        return (of(request).https() ? "https" : "http") + "://" + host.toLowerCase(Locale.ROOT)
                + (path < 0 ? "" : url.substring(path));
    }
}
