package org.civicdesk.identity.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * PINs kept as PBKDF2 hashes in an append-only table (the latest row of a citizen is the valid
 * PIN), and every attempt in another (the lock is read from the latest attempts, so it holds on
 * every node).
 */
@Component(service = CitizenPins.class, configurationPid = "org.civicdesk.identity.pins")
@Designate(ocd = CitizenPinsConfig.class)
public class CitizenPinsImpl implements CitizenPins {
    static final String PINS = "CD_CITIZEN_PIN";
    static final String ATTEMPTS = "CD_CITIZEN_PIN_ATTEMPT";
    private static final String INFO_KIND = "citizen-identity";
    private static final Actor SELF = Actor.system("citizen-pins");

    private final Jdbc jdbc;
    private final CitizenRegistry citizens;
    private final AuditLog audit;
    private final CitizenPinsConfig config;
    private final PasswordHasher hasher;
    private final CallerThrottle callers;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public CitizenPinsImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenRegistry citizens, @Reference AuditLog audit, CitizenPinsConfig config) {
        this.citizens = citizens;
        this.audit = audit;
        this.config = config;
        this.hasher = new PasswordHasher(config.iterations());
        this.callers = new CallerThrottle(Math.max(1, config.attempts() - 1), config.callerAttempts(),
                config.lockMinutes() * 60_000L);
        SchemaMigrations.update(dataSource, CitizenPinsImpl.class);
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String issue(Actor actor, String citizenId) {
        if (!(actor.has(Role.OPERATOR) || actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN))) {
            throw new AccessDeniedException("only the front desk (operators), supervisors and admins issue PINs");
        }
        Citizen citizen = citizens.get(actor, citizenId, "issue a PIN")
                .orElseThrow(() -> new NotFoundException("no citizen " + citizenId));
        StringBuilder pin = new StringBuilder();
        for (int i = 0; i < config.digits(); i++) {
            pin.append(random.nextInt(10));
        }
        AuditEvent issued = new AuditEvent(actor.username(), "citizen.pin.issue", INFO_KIND, "citizen", citizen.id(), null);
        jdbc.update("issuing a PIN", c -> audit.record(c, issued, null), "INSERT INTO " + PINS
                + " (CITIZEN_ID, PIN_HASH, ISSUED_BY, ISSUED_MS) VALUES (?, ?, ?, ?)", citizen.id(),
                hasher.hash(pin.toString().toCharArray()), actor.username(), System.currentTimeMillis());
        callers.pinIssued(citizen.nationalId());
        return pin.toString();
    }

    @Override
    @Deprecated
    public Optional<Citizen> verify(String nationalId, String pin, String channel) {
        return verify(nationalId, pin, channel, null);
    }

    @Override
    public Optional<Citizen> verify(String nationalId, String pin, String channel, String caller) {
        if (pin == null || !pin.matches("\\d{4,12}")) {
            throw InvalidInputException.of("pin", "pin.format");
        }
        long now = System.currentTimeMillis();
        if (caller != null && callers.mustWait(caller, nationalId, now)) {
            // Nothing of the citizen is read or counted: a stranger's guesses never reach their lock.
            audit.record(new AuditEvent(SELF.username(), "citizen.pin.caller-throttled", INFO_KIND, "citizen", null,
                    "channel=" + channel));
            throw new AccessDeniedException("too many wrong PINs from here: try again later or ask at the front desk");
        }
        Optional<Citizen> verified = check(nationalId, pin, channel);
        if (caller != null) {
            if (verified.isPresent()) {
                callers.succeeded(caller, nationalId);
            } else {
                callers.failed(caller, nationalId, now);
            }
        }
        return verified;
    }

    /** The PIN check proper, against the citizen's lock and latest PIN. */
    private Optional<Citizen> check(String nationalId, String pin, String channel) {
        Optional<Citizen> citizen = citizens.findByNationalId(SELF, nationalId, "PIN check on " + channel);
        if (citizen.isEmpty()) {
            return Optional.empty();
        }
        String id = citizen.get().id();
        Instant lockedUntil = lockedUntil(id);
        if (lockedUntil != null) {
            audit.record(new AuditEvent(SELF.username(), "citizen.pin.locked", INFO_KIND, "citizen", id, "channel=" + channel));
            throw new AccessDeniedException("too many wrong PINs: try again after " + lockedUntil.truncatedTo(ChronoUnit.MINUTES)
                    + " or ask at the front desk");
        }
        String stored = latestHash(id);
        boolean ok = stored != null && hasher.matches(pin.toCharArray(), stored);
        AuditEvent attempt = new AuditEvent(SELF.username(), ok ? "citizen.pin.ok" : "citizen.pin.wrong", INFO_KIND,
                "citizen", id, "channel=" + channel);
        jdbc.update("recording a PIN attempt", c -> audit.record(c, attempt, null), "INSERT INTO " + ATTEMPTS
                + " (CITIZEN_ID, SUCCEEDED, CHANNEL, ATTEMPT_MS) VALUES (?, ?, ?, ?)", id, ok ? 1 : 0,
                channel == null ? "unknown" : channel, System.currentTimeMillis());
        return ok ? citizen : Optional.empty();
    }

    /**
     * When the lock ends, if the latest attempts are as many failures as allowed within the lock's time. Only attempts
     * at the PIN now valid count: a new PIN from the front desk ends the lock the wrong guesses at the old one made.
     */
    private Instant lockedUntil(String citizenId) {
        long since = Math.max(System.currentTimeMillis() - config.lockMinutes() * 60_000L, latestIssue(citizenId));
        List<long[]> latest = jdbc.query("reading PIN attempts", "SELECT SUCCEEDED, ATTEMPT_MS FROM " + ATTEMPTS
                + " WHERE CITIZEN_ID = ? AND ATTEMPT_MS >= ? ORDER BY ENTRY_NO DESC", rs -> new long[] {rs.getInt(1),
                    rs.getLong(2)}, config.attempts(), citizenId, since);
        if (latest.size() < config.attempts() || latest.stream().anyMatch(attempt -> attempt[0] != 0)) {
            return null;
        }
        return Instant.ofEpochMilli(latest.get(latest.size() - 1)[1]).plus(config.lockMinutes(), ChronoUnit.MINUTES);
    }

    /** When the citizen's latest PIN was issued; 0 when never. */
    private long latestIssue(String citizenId) {
        return jdbc.query("reading a PIN", "SELECT ISSUED_MS FROM " + PINS + " WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO DESC",
                rs -> rs.getLong(1), 1, citizenId).stream().findFirst().orElse(0L);
    }

    private String latestHash(String citizenId) {
        return jdbc.query("reading a PIN", "SELECT PIN_HASH FROM " + PINS + " WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO DESC",
                rs -> rs.getString(1), 1, citizenId).stream().findFirst().orElse(null);
    }
}
