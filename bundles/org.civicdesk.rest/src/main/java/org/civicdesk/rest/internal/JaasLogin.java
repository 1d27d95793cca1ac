package org.civicdesk.rest.internal;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/** Checks a user name and password against the Karaf JAAS realm {@code civicdesk}, as the shell does. */
final class JaasLogin {
    static final String REALM = "civicdesk";

    private JaasLogin() {
    }

    /** The realm's user name when the password is right; the password array is wiped either way. */
    static Optional<String> verify(String username, char[] password) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // JAAS loads Karaf's proxy login module through the context class loader.
            Thread.currentThread().setContextClassLoader(JaasLogin.class.getClassLoader());
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
            return Optional.of(subject.getPrincipals().stream()
                    .filter(p -> p.getClass().getSimpleName().equals("UserPrincipal")).map(Principal::getName)
                    .findFirst().orElse(username));
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
