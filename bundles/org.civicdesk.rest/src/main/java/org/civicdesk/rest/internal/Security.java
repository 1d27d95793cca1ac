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
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.rest.api.ActorPrincipal;

/**
 * Authenticates every call against the JAAS realm {@code civicdesk} (HTTP Basic for now) and
 * enforces {@code @PermitAll} / {@code @RolesAllowed}.
 */
@Priority(Priorities.AUTHENTICATION)
final class Security implements ContainerRequestFilter {
    static final String REALM = "civicdesk";

    private final StaffDirectory staff;

    @Context
    private ResourceInfo resourceInfo;

    Security(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        boolean open = method != null && (method.isAnnotationPresent(PermitAll.class)
                || (method.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                        && !method.isAnnotationPresent(RolesAllowed.class)));
        Optional<Actor> actor = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (actor.isPresent()) {
            request.setSecurityContext(new ActorSecurityContext(actor.get(), request.getSecurityContext().isSecure()));
        } else if (!open) {
            request.abortWith(javax.ws.rs.core.Response
                    .fromResponse(Problems.problem(401, "Unauthorized", "log in with a CivicDesk staff account"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CivicDesk\", charset=\"UTF-8\"").build());
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

    private Optional<Actor> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
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
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // JAAS loads Karaf's proxy login module through the context class loader.
            Thread.currentThread().setContextClassLoader(Security.class.getClassLoader());
            Subject subject = new Subject();
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(username);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            String user = subject.getPrincipals().stream()
                    .filter(p -> p.getClass().getSimpleName().equals("UserPrincipal")).map(Principal::getName)
                    .findFirst().orElse(username);
            return staff.find(user).map(account -> account.asActor());
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
            Thread.currentThread().setContextClassLoader(previous);
        }
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
