package org.civicdesk.command.api;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffDirectory;

/**
 * The actor of a shell command: the CivicDesk staff member logged in over ssh, or — on the local
 * console, whose user has no CivicDesk account — an administrator named {@code shell:<user>}.
 * Plug-ins' commands use it to pass the right actor to the core services.
 */
public final class ShellActor {
    private ShellActor() {
    }

    /**
     * The actor of the running command.
     *
     * @throws AccessDeniedException when no one is logged in, or a console user is not a Karaf administrator
     */
    @SuppressWarnings("removal") // Karaf 4.4 runs commands inside Subject.doAs
    public static Actor current(StaffDirectory staff) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            throw new AccessDeniedException("no logged-in user on this shell session");
        }
        String user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElseThrow(() -> new AccessDeniedException("no logged-in user on this shell session"));
        return staff.find(user).map(a -> a.asActor()).orElseGet(() -> {
            boolean admin = subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> "admin".equals(r.getName()));
            if (!admin) {
                throw new AccessDeniedException(user + " has no CivicDesk account and is not a Karaf administrator");
            }
            return new Actor("shell:" + user, Set.of(Role.ADMIN), null);
        });
    }
}
