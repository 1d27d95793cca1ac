package org.civicdesk.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Periods;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.ShiftPlan;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shift plan in two append-only tables: the shifts as planned, and the cancellations. A shift's times are the
 * city's wall-clock times, kept as text; overlaps are found on them, so a shift across the change to summer time is
 * as long as it reads.
 */
@Component(service = ShiftPlan.class)
public class ShiftPlanImpl implements ShiftPlan {
    private static final String INFO_KIND = "shift";
    private static final String COLUMNS = "S.ID, S.USERNAME, S.SHIFT_DAY, S.START_TIME, S.END_TIME, S.PLANNED_BY, "
            + "S.PLANNED_MS";
    private static final String NOT_CANCELLED = "NOT EXISTS (SELECT 1 FROM CD_SHIFT_CANCEL C WHERE C.SHIFT_ID = S.ID)";

    private final Jdbc jdbc;
    private final StaffDirectory staff;
    private final AuditLog audit;

    @Activate
    public ShiftPlanImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference StaffDirectory staff, @Reference AuditLog audit) {
        SchemaMigrations.update(dataSource, ShiftPlanImpl.class);
        this.jdbc = new Jdbc(dataSource);
        this.staff = staff;
        this.audit = audit;
    }

    @Override
    public List<Shift> between(Actor actor, LocalDate from, LocalDate to) {
        Periods.require(from, to, MAX_DAYS);
        boolean everyone = plans(actor);
        Map<String, String> names = new HashMap<>();
        staff.list().forEach(a -> names.put(a.username(), a.displayName()));
        String sql = "SELECT " + COLUMNS + " FROM CD_SHIFT S WHERE S.SHIFT_DAY >= ? AND S.SHIFT_DAY <= ? AND "
                + NOT_CANCELLED + (everyone ? "" : " AND S.USERNAME = ?") + " ORDER BY S.SHIFT_DAY, S.START_TIME, S.USERNAME";
        Object[] parameters = everyone ? new Object[] {from.toString(), to.toString()}
                : new Object[] {from.toString(), to.toString(), actor.username()};
        return jdbc.query("reading the shift plan", sql, rs -> read(rs, names), 0, parameters);
    }

    @Override
    public Shift plan(Actor actor, NewShift shift) {
        requirePlanner(actor);
        if (shift == null || shift.day() == null || shift.start() == null || shift.end() == null) {
            throw InvalidInputException.of("day", "shift.time");
        }
        LocalDateTime starts = LocalDateTime.of(shift.day(), shift.start());
        LocalDateTime ends = ends(shift.day(), shift.start(), shift.end());
        if (Duration.between(starts, ends).compareTo(Duration.ofHours(MAX_HOURS)) > 0) {
            throw InvalidInputException.of("end", "shift.tooLong", MAX_HOURS);
        }
        StaffAccount person = staff.find(shift.username() == null ? "" : shift.username().strip())
                .filter(a -> a.enabled() && !a.roles().contains(Role.CONTRACTOR))
                .orElseThrow(() -> new NotFoundException("no staff member " + shift.username()));
        LocalTime start = shift.start().truncatedTo(ChronoUnit.MINUTES);
        LocalTime end = shift.end().truncatedTo(ChronoUnit.MINUTES);
        long now = System.currentTimeMillis();
        AuditEvent planned = new AuditEvent(actor.username(), "staff.shift.plan", INFO_KIND, "staff", person.username(),
                shift.day() + " " + start + "-" + end);
        try {
            // One plan at a time in this JVM, so that two supervisors cannot both fit a shift in the same hours.
            synchronized (ShiftPlanImpl.class) {
                long id = jdbc.inTransaction(c -> {
                    for (Shift other : ofPerson(c, person.username(), shift.day().minusDays(1), shift.day().plusDays(1))) {
                        LocalDateTime otherStarts = LocalDateTime.of(other.day(), other.start());
                        if (otherStarts.isBefore(ends) && starts.isBefore(ends(other.day(), other.start(), other.end()))) {
                            throw new ConflictException(person.username() + " already has a shift on " + other.day()
                                    + " from " + other.start() + " to " + other.end());
                        }
                    }
                    long written = Jdbc.insertReturningId(c, "INSERT INTO CD_SHIFT (USERNAME, SHIFT_DAY, START_TIME, "
                            + "END_TIME, PLANNED_BY, PLANNED_MS) VALUES (?, ?, ?, ?, ?, ?)", person.username(),
                            shift.day().toString(), start.toString(), end.toString(), actor.username(), now);
                    audit.record(c, planned, null);
                    return written;
                });
                return new Shift(id, person.username(), person.displayName(), shift.day(), start, end, actor.username(),
                        Instant.ofEpochMilli(now));
            }
        } catch (SQLException e) {
            throw SqlErrors.unchecked("planning a shift", e);
        }
    }

    @Override
    public void cancel(Actor actor, long id) {
        requirePlanner(actor);
        List<String> whose = jdbc.query("finding a shift", "SELECT S.USERNAME FROM CD_SHIFT S WHERE S.ID = ? AND "
                + NOT_CANCELLED, rs -> rs.getString(1), 1, id);
        if (whose.isEmpty()) {
            throw new NotFoundException("no planned shift " + id);
        }
        AuditEvent cancelled = new AuditEvent(actor.username(), "staff.shift.cancel", INFO_KIND, "staff", whose.get(0),
                "shift " + id);
        jdbc.update("cancelling a shift", c -> audit.record(c, cancelled, null),
                "INSERT INTO CD_SHIFT_CANCEL (SHIFT_ID, CANCELLED_BY, CANCELLED_MS) VALUES (?, ?, ?)", id,
                actor.username(), System.currentTimeMillis());
    }

    private static boolean plans(Actor actor) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
    }

    private static void requirePlanner(Actor actor) {
        if (!plans(actor)) {
            throw new AccessDeniedException("only a supervisor or an administrator plans shifts");
        }
    }

    /** When a shift ends: the next day when its end is not after its start. */
    private static LocalDateTime ends(LocalDate day, LocalTime start, LocalTime end) {
        return LocalDateTime.of(end.isAfter(start) ? day : day.plusDays(1), end);
    }

    private static List<Shift> ofPerson(Connection c, String username, LocalDate from, LocalDate to)
            throws SQLException {
        List<Shift> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM CD_SHIFT S WHERE S.USERNAME = ? "
                + "AND S.SHIFT_DAY >= ? AND S.SHIFT_DAY <= ? AND " + NOT_CANCELLED)) {
            Jdbc.bind(ps, username, from.toString(), to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs, Map.of()));
                }
            }
        }
        return found;
    }

    private static Shift read(ResultSet rs, Map<String, String> names) throws SQLException {
        String username = rs.getString(2);
        return new Shift(rs.getLong(1), username, names.get(username), LocalDate.parse(rs.getString(3)),
                LocalTime.parse(rs.getString(4)), LocalTime.parse(rs.getString(5)), rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)));
    }
}
