package org.civicdesk.rest.internal;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;

/**
 * {@code /api/v1/session}: log in with a staff account and get a session cookie (what the
 * console uses instead of sending the password with every call), and log out.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final Sessions sessions;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final ClientOrigins origins;
    private final LoginGate gate;

    SessionResource(Sessions sessions, StaffDirectory staff, AuditLog audit, ClientOrigins origins, LoginGate gate) {
        this.sessions = sessions;
        this.staff = staff;
        this.audit = audit;
        this.origins = origins;
        this.gate = gate;
    }

    record LoginBody(String username, String password) {
    }

    record SessionView(StaffAccount account, long idleTimeoutSeconds) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginBody body, @Context HttpServletRequest request) {
        if (body == null || body.username() == null || body.username().isBlank() || body.password() == null) {
            throw InvalidInputException.of("username", "login.required");
        }
        String username = body.username().strip();
        ClientOrigin origin = origins.of(request);
        LoginGate.Outcome outcome = gate.login(origin, username, body.password().toCharArray());
        if (outcome.throttled()) {
            return Security.tooManyFailures(outcome);
        }
        StaffAccount account = outcome.username().flatMap(staff::find).filter(StaffAccount::enabled).orElse(null);
        if (account == null) {
            audit.record(new AuditEvent(username, "staff.login-failed", "staff-account", "staff", username, null));
            return Problems.problem(401, "Unauthorized", "the user name or the password is wrong");
        }
        String token = sessions.open(account.username());
        audit.record(new AuditEvent(account.username(), "staff.login", "staff-account", "staff", account.username(),
                "session"));
        return Response.ok(new SessionView(account, sessions.idleSeconds()))
                .header("Set-Cookie", cookie(token, -1, origin)).build();
    }

    @DELETE
    @PermitAll
    public Response logout(@CookieParam(Sessions.COOKIE) String token, @Context HttpServletRequest request) {
        sessions.user(token).ifPresent(user -> audit.record(new AuditEvent(user, "staff.logout", "staff-account",
                "staff", user, "session")));
        sessions.close(token);
        return Response.noContent().header("Set-Cookie", cookie("", 0, origins.of(request))).build();
    }

    /**
     * HttpOnly and SameSite=Strict: scripts cannot read it and other sites cannot send it; Secure when
     * the browser reached us over HTTPS (directly, or through a trusted proxy), so it never travels in clear.
     */
    private static String cookie(String value, int maxAge, ClientOrigin origin) {
        return Sessions.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (origin.https() ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
