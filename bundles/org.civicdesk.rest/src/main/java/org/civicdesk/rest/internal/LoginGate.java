package org.civicdesk.rest.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every password check of the API, by HTTP Basic or the console's login form: throttled per client
 * address before the slow check runs ({@link LoginThrottle}), then against the JAAS realm.
 */
final class LoginGate {
    /**
     * What a login attempt came to.
     *
     * @param username       the realm's user name when the password was right
     * @param retryAfterMillis how long the address must still wait when it was not even checked; 0 otherwise
     */
    record Outcome(Optional<String> username, long retryAfterMillis) {
        boolean throttled() {
            return retryAfterMillis > 0;
        }

        /** The wait in whole seconds, for {@code Retry-After}. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    private final LoginThrottle throttle;

    LoginGate(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Checks the password unless this address must wait; the password array is wiped either way. */
    Outcome login(ClientOrigin origin, String username, char[] password) {
        long now = System.currentTimeMillis();
        long wait = throttle.waitMillis(origin.address(), username, now);
        if (wait > 0) {
            Arrays.fill(password, '\0');
            return new Outcome(Optional.empty(), wait);
        }
        Optional<String> user = JaasLogin.verify(username, password);
        if (user.isPresent()) {
            throttle.succeeded(origin.address(), username);
        } else {
            throttle.failed(origin.address(), username, now);
        }
        return new Outcome(user, 0);
    }
}
