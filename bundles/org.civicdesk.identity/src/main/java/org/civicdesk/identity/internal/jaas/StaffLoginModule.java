package org.civicdesk.identity.internal.jaas;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;

/**
 * Checks a user name and password against the staff directory and gives the subject a
 * {@link UserPrincipal} and one {@link RolePrincipal} per CivicDesk role. Admins also get the
 * Karaf roles that the shell and ssh ask for.
 */
public class StaffLoginModule implements LoginModule {
    static final String DIRECTORY_OPTION = "org.civicdesk.identity.staffDirectory";
    /** Karaf's own role names that a CivicDesk admin needs for the shell over ssh. */
    private static final Set<String> KARAF_ADMIN_ROLES = Set.of("admin", "manager", "viewer", "systembundles", "ssh");

    private Subject subject;
    private CallbackHandler callbackHandler;
    private StaffDirectory directory;
    private StaffAccount account;
    private final Set<java.security.Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.directory = (StaffDirectory) options.get(DIRECTORY_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (directory == null || callbackHandler == null) {
            throw new LoginException("the CivicDesk staff directory is not available");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        try {
            Optional<StaffAccount> found = directory.authenticate(name.getName(), secret == null ? new char[0] : secret);
            // One message for unknown user and wrong password, so names cannot be probed.
            account = found.orElseThrow(() -> new FailedLoginException("wrong user name or password"));
        } finally {
            password.clearPassword();
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (account == null) {
            return false;
        }
        principals.add(new UserPrincipal(account.username()));
        for (Role role : account.roles()) {
            principals.add(new RolePrincipal(role.id()));
        }
        if (account.roles().contains(Role.ADMIN)) {
            KARAF_ADMIN_ROLES.forEach(r -> principals.add(new RolePrincipal(r)));
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        account = null;
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        account = null;
        return true;
    }
}
