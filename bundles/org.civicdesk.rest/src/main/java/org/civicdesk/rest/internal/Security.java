package org.civicdesk.rest.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.rest.api.ActorPrincipal;

/**
 * Authenticates every call against the JAAS realm {@code civicdesk} (HTTP Basic, for programs) or by
 * a session cookie (the console, see {@link SessionResource}), and enforces {@code @PermitAll} /
 * {@code @RolesAllowed}.
 */
@Priority(Priorities.AUTHENTICATION)
final class Security implements ContainerRequestFilter {
    /** The header the console sends with every change. */
    static final String CSRF_HEADER = "X-Requested-With";

    private final StaffDirectory staff;
    private final Sessions sessions;
    private final ClientOrigins origins;
    private final LoginGate gate;

    @Context
    private ResourceInfo resourceInfo;
    @Context
    private HttpServletRequest servletRequest;

    Security(StaffDirectory staff, Sessions sessions, ClientOrigins origins, LoginGate gate) {
        this.staff = staff;
        this.sessions = sessions;
        this.origins = origins;
        this.gate = gate;
    }

    /** Too many wrong passwords from this address: the call is refused before any check. */
    private static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LoginGate.Outcome outcome;

        Throttled(LoginGate.Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        boolean open = method != null && (method.isAnnotationPresent(PermitAll.class)
                || (method.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                        && !method.isAnnotationPresent(RolesAllowed.class)));
        Optional<Actor> actor;
        try {
            actor = authenticate(request);
        } catch (Throttled throttled) {
            request.abortWith(tooManyFailures(throttled.outcome));
            return;
        }
        if (actor.isPresent() && forgeable(request)) {
            request.abortWith(Problems.problem(403, "Forbidden",
                    "a change made with a session cookie needs the header " + CSRF_HEADER));
            return;
        }
        if (actor.isPresent()) {
            request.setSecurityContext(new ActorSecurityContext(actor.get(), request.getSecurityContext().isSecure()));
        } else if (!open) {
            javax.ws.rs.core.Response.ResponseBuilder refusal = javax.ws.rs.core.Response
                    .fromResponse(Problems.problem(401, "Unauthorized", "log in with a CivicDesk staff account"));
            // The console logs in with its own form: a Basic challenge would make the browser ask instead.
            if (request.getHeaderString(CSRF_HEADER) == null) {
                refusal.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CivicDesk\", charset=\"UTF-8\"");
            }
            request.abortWith(refusal.build());
            return;
        }
        if (open || method == null) {
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        if (allowed != null && Arrays.stream(allowed.value()).noneMatch(r -> actor.get().has(Role.parse(r)))) {
            request.abortWith(Problems.problem(403, "Forbidden",
                    "this needs one of the roles " + String.join(", ", allowed.value())));
        }
    }

    /**
     * A change authenticated only by the cookie, without the header a page of another site cannot
     * set: refused, as a second guard next to the cookie's SameSite=Strict.
     */
    private static boolean forgeable(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        return !safe && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getHeaderString(CSRF_HEADER) == null;
    }

    /** The staff member of an HTTP Basic header or, failing that, of a session cookie. */
    private Optional<Actor> authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return basic(authorization);
        }
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        return sessions.user(cookie.getValue()).flatMap(staff::find).filter(StaffAccount::enabled)
                .map(StaffAccount::asActor);
    }

    private Optional<Actor> basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        LoginGate.Outcome outcome = gate.login(origins.of(servletRequest), decoded.substring(0, colon),
                decoded.substring(colon + 1).toCharArray());
        if (outcome.throttled()) {
            throw new Throttled(outcome);
        }
        return outcome.username().flatMap(staff::find).map(StaffAccount::asActor);
    }

    /** 429 with the wait: what a throttled login gets, by Basic or by the login form. */
    static javax.ws.rs.core.Response tooManyFailures(LoginGate.Outcome outcome) {
        return javax.ws.rs.core.Response.fromResponse(Problems.problem(429, "Too Many Requests",
                "too many wrong passwords from this address: try again in " + outcome.retryAfterSeconds() + " s"))
                .header(HttpHeaders.RETRY_AFTER, outcome.retryAfterSeconds()).build();
    }

    private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return new ActorPrincipal(actor);
        }

        @Override
        public boolean isUserInRole(String role) {
            try {
                return actor.has(Role.parse(role));
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
