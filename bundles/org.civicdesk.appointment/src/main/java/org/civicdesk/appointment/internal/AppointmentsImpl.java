package org.civicdesk.appointment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.civicdesk.appointment.api.Appointment;
import org.civicdesk.appointment.api.AppointmentStatus;
import org.civicdesk.appointment.api.Appointments;
import org.civicdesk.appointment.api.BookableService;
import org.civicdesk.appointment.api.NewAppointment;
import org.civicdesk.appointment.api.Slot;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Periods;
import org.civicdesk.core.api.Role;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.core.api.WorkingDays;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Appointments in plain JDBC. A booking takes a free place of its slot: a row whose unique key (service, slot,
 * place, round) the database enforces, so that two bookers, on one node or several, never hold the same place; the
 * loser of a race reads the slot again and takes another place, or hears that the slot is full.
 */
@Component(service = {Appointments.class, AppointmentsImpl.class})
public class AppointmentsImpl implements Appointments {
    static final String TABLE = "CD_APPOINTMENT";
    /** How far ahead a slot may be booked. */
    static final int HORIZON_DAYS = 120;
    private static final Pattern REQUEST_NUMBER = Pattern.compile("[0-9]{4}/[0-9]{1,9}");
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String COLUMNS = "a.ID, a.SERVICE_CODE, a.DEPARTMENT, a.COUNTER, a.SLOT_START_MS, a.SLOT_END_MS, "
            + "a.PLACE, a.CITIZEN_ID, a.REQUEST_NUMBER, a.CHANNEL, a.BOOKED_BY, a.BOOKED_MS, a.MOVED_FROM, x.KIND, "
            + "x.CANCELLED_BY, x.CANCELLED_MS, k.CHECKED_IN_BY, k.CHECKED_IN_MS, "
            + "(SELECT n.ID FROM CD_APPOINTMENT n WHERE n.MOVED_FROM = a.ID)";
    private static final String FROM = " FROM CD_APPOINTMENT a LEFT JOIN CD_APPOINTMENT_CANCEL x ON x.APPOINTMENT_ID = a.ID "
            + "LEFT JOIN CD_APPOINTMENT_CHECKIN k ON k.APPOINTMENT_ID = a.ID";
    /** The years a calendar query may name: far-off dates are refused before any arithmetic. */
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2200;
    /** Races lost in a row before a booking gives up: each lost race means another booker took a place. */
    private static final int MAX_ATTEMPTS = 60;

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final CitizenRegistry citizens;
    private final WorkingDays workingDays;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CityClock clock;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ConfiguredService> configured;

    /** Thrown inside a booking's transaction when another booker took the place first: the booking tries again. */
    private static final class PlaceTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlaceTaken() {
            super(null, null, false, false);
        }
    }

    @Activate
    public AppointmentsImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference AuditLog audit, @Reference CitizenRegistry citizens, @Reference WorkingDays workingDays) {
        this.jdbc = new Jdbc(dataSource);
        this.audit = audit;
        this.citizens = citizens;
        this.workingDays = workingDays;
        SchemaMigrations.update(dataSource, AppointmentsImpl.class);
    }

    // ------------------------------------------------------------------ services and slots

    @Override
    public List<BookableService> services() {
        List<ConfiguredService> now = configured;
        Map<String, BookableService> byCode = new HashMap<>();
        if (now != null) {
            now.forEach(c -> byCode.putIfAbsent(c.service().code(), c.service()));
        }
        return byCode.values().stream().sorted(Comparator.comparing(BookableService::department)
                .thenComparing(BookableService::code)).toList();
    }

    Optional<BookableService> service(String code) {
        return services().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    ZoneId zone() {
        return clock.zone();
    }

    Instant now() {
        return clock.now();
    }

    @Override
    public List<Slot> slots(String department, String service, LocalDate from, LocalDate to) {
        Periods.require(from, to, MAX_DAYS);
        if (from.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR) {
            throw InvalidInputException.of(from.getYear() < MIN_YEAR ? "from" : "to", "appointment.years", MIN_YEAR, MAX_YEAR);
        }
        List<BookableService> chosen = services().stream()
                .filter(s -> department == null || s.department().equals(department))
                .filter(s -> service == null || s.code().equals(service)).toList();
        if (service != null && chosen.isEmpty()) {
            throw InvalidInputException.of("service", "appointment.service", TextInput.line("service", service, 40));
        }
        ZoneId zone = zone();
        Instant now = now();
        Instant first = from.atStartOfDay(zone).toInstant();
        Instant last = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Integer> booked = new HashMap<>();
        jdbc.query("counting booked places", "SELECT a.SERVICE_CODE, a.SLOT_START_MS, COUNT(*) FROM CD_APPOINTMENT a "
                + "WHERE a.SLOT_START_MS >= ? AND a.SLOT_START_MS < ? AND NOT EXISTS (SELECT 1 FROM CD_APPOINTMENT_CANCEL x "
                + "WHERE x.APPOINTMENT_ID = a.ID) GROUP BY a.SERVICE_CODE, a.SLOT_START_MS",
                rs -> booked.put(rs.getString(1) + "@" + rs.getLong(2), rs.getInt(3)), 0, first.toEpochMilli(),
                last.toEpochMilli());
        List<Slot> slots = new ArrayList<>();
        for (BookableService s : chosen) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                for (SlotPlan.Times t : SlotPlan.ofDay(s, day, zone, workingDays::isWorkingDay)) {
                    if (t.start().isAfter(now)) {
                        int taken = booked.getOrDefault(s.code() + "@" + t.start().toEpochMilli(), 0);
                        slots.add(new Slot(s.code(), t.start(), t.end(), s.capacity(), Math.max(0, s.capacity() - taken)));
                    }
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::service));
        return slots;
    }

    // ------------------------------------------------------------------ changes

    @Override
    public Appointment book(Actor actor, NewAppointment booking) {
        requireStaff(actor, "books appointments");
        checkShape(booking);
        service(booking.service()).ifPresent(s -> requireMayHandle(actor, s.department()));
        String citizenId = TextInput.line("citizenId", booking.citizenId(), 36);
        if (citizenId == null || !ID.matcher(citizenId).matches()
                || citizens.get(actor, citizenId, "appointment booking").isEmpty()) {
            throw InvalidInputException.of("citizenId", "appointment.citizen");
        }
        return book(actor.username(), booking, null);
    }

    @Override
    public Appointment bookForCitizen(Citizen citizen, NewAppointment booking) {
        checkShape(booking);
        NewAppointment own = new NewAppointment(booking.service(), booking.start(), citizen.id(), booking.requestNumber(),
                booking.channel() == null ? "web" : booking.channel());
        return book("citizen:" + citizen.id(), own, null);
    }

    @Override
    public Appointment cancel(Actor actor, String id) {
        requireStaff(actor, "cancels appointments");
        Appointment appointment = visible(actor, id);
        requireBooked(appointment);
        try {
            jdbc.inTransaction(c -> {
                end(c, appointment, "cancelled", actor.username());
                audit.record(c, event(actor.username(), "appointment.cancel", appointment, null), null);
                return null;
            });
        } catch (SQLException e) {
            throw conflictOr(e, "cancelling an appointment");
        }
        return get(id);
    }

    @Override
    public Appointment move(Actor actor, String id, String service, Instant start) {
        requireStaff(actor, "moves appointments");
        Appointment old = visible(actor, id);
        requireBooked(old);
        String code = service == null || service.isBlank() ? old.service() : service.strip();
        service(code).ifPresent(s -> requireMayHandle(actor, s.department()));
        if (code.equals(old.service()) && old.start().equals(start)) {
            throw InvalidInputException.of("start", "appointment.sameSlot");
        }
        NewAppointment moved = new NewAppointment(code, start, old.citizenId(), old.requestNumber(), old.channel());
        checkShape(moved);
        return book(actor.username(), moved, old);
    }

    @Override
    public Appointment checkIn(Actor actor, String id) {
        requireStaff(actor, "checks citizens in");
        Appointment appointment = visible(actor, id);
        requireBooked(appointment);
        LocalDate today = clock.today();
        if (!LocalDate.ofInstant(appointment.start(), zone()).equals(today)) {
            throw new ConflictException("the appointment is on " + LocalDate.ofInstant(appointment.start(), zone())
                    + ", not today");
        }
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_APPOINTMENT_CHECKIN (APPOINTMENT_ID, "
                        + "CHECKED_IN_BY, CHECKED_IN_MS) VALUES (?, ?, ?)")) {
                    Jdbc.bind(ps, id, actor.username(), now().toEpochMilli());
                    ps.executeUpdate();
                }
                audit.record(c, event(actor.username(), "appointment.checkin", appointment, null), null);
                return null;
            });
        } catch (SQLException e) {
            throw conflictOr(e, "checking a citizen in");
        }
        return get(id);
    }

    /** Takes a free place of the slot, ending {@code replacing} in the same transaction when moving. */
    private Appointment book(String actorName, NewAppointment booking, Appointment replacing) {
        BookableService service = service(booking.service())
                .orElseThrow(() -> InvalidInputException.of("service", "appointment.service", booking.service()));
        Instant now = now();
        // The time first: a far-off instant must be refused before any calendar arithmetic is done on it.
        if (!booking.start().isAfter(now)) {
            throw InvalidInputException.of("start", "appointment.past");
        }
        if (booking.start().isAfter(now.plus(Duration.ofDays(HORIZON_DAYS)))) {
            throw InvalidInputException.of("start", "appointment.horizon", HORIZON_DAYS);
        }
        SlotPlan.Times slot = SlotPlan.find(service, booking.start(), zone(), workingDays::isWorkingDay)
                .orElseThrow(() -> InvalidInputException.of("start", "appointment.noSlot"));
        String id = UUID.randomUUID().toString();
        for (int attempt = 1;; attempt++) {
            try {
                jdbc.inTransaction(c -> {
                    if (replacing != null) {
                        end(c, replacing, "moved", actorName);
                    }
                    takePlace(c, id, actorName, booking, service, slot, replacing);
                    audit.record(c, event(actorName, replacing == null ? "appointment.book" : "appointment.move",
                            new Appointment(id, service.code(), service.department(), service.counter(), slot.start(),
                                    slot.end(), 0, booking.citizenId(), booking.requestNumber(), booking.channel(),
                                    actorName, now, null, AppointmentStatus.BOOKED, null, null, null),
                            replacing == null ? null : "from=" + replacing.id()), null);
                    return null;
                });
                return get(id);
            } catch (PlaceTaken e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConflictException("the slot is in great demand; try again");
                }
            } catch (SQLException e) {
                if (!SqlErrors.isTransientLockFailure(e) || attempt >= MAX_ATTEMPTS) {
                    throw conflictOr(e, "booking an appointment");
                }
            }
        }
    }

    private void takePlace(Connection c, String id, String actorName, NewAppointment booking, BookableService service,
            SlotPlan.Times slot, Appointment replacing) throws SQLException {
        Map<Integer, int[]> places = new HashMap<>(); // place -> {latest round, latest cancelled ? 1 : 0}
        int active = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT a.PLACE, a.ROUND, a.CITIZEN_ID, x.APPOINTMENT_ID FROM "
                + "CD_APPOINTMENT a LEFT JOIN CD_APPOINTMENT_CANCEL x ON x.APPOINTMENT_ID = a.ID "
                + "WHERE a.SERVICE_CODE = ? AND a.SLOT_START_MS = ?")) {
            Jdbc.bind(ps, service.code(), slot.start().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean cancelled = rs.getString(4) != null
                            || replacing != null && replacing.service().equals(service.code())
                                    && replacing.start().equals(slot.start()) && replacing.place() == rs.getInt(1);
                    if (!cancelled) {
                        active++;
                        if (booking.citizenId().equals(rs.getString(3))) {
                            throw new ConflictException("the citizen has this slot booked already");
                        }
                    }
                    int[] known = places.get(rs.getInt(1));
                    if (known == null || known[0] < rs.getInt(2)) {
                        places.put(rs.getInt(1), new int[] {rs.getInt(2), cancelled ? 1 : 0});
                    }
                }
            }
        }
        List<int[]> free = new ArrayList<>(); // {place, round}
        for (int place = 1; place <= service.capacity(); place++) {
            int[] known = places.get(place);
            if (known == null) {
                free.add(new int[] {place, 0});
            } else if (known[1] == 1) {
                free.add(new int[] {place, known[0] + 1});
            }
        }
        if (free.isEmpty() || active >= service.capacity()) {
            throw new ConflictException("the slot is full");
        }
        // A random free place: bookers racing for one slot mostly pick different places, and fewer lose a race.
        int[] chosen = free.get(ThreadLocalRandom.current().nextInt(free.size()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_APPOINTMENT (ID, SERVICE_CODE, SLOT_START_MS, "
                + "SLOT_END_MS, DEPARTMENT, COUNTER, PLACE, ROUND, CITIZEN_ID, REQUEST_NUMBER, CHANNEL, BOOKED_BY, BOOKED_MS, "
                + "MOVED_FROM) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(ps, id, service.code(), slot.start().toEpochMilli(), slot.end().toEpochMilli(), service.department(),
                    service.counter(), chosen[0], chosen[1], booking.citizenId(), booking.requestNumber(),
                    booking.channel(), actorName, now().toEpochMilli(), replacing == null ? null : replacing.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new PlaceTaken();
            }
            throw e;
        }
    }

    /** Ends a booking (cancelled or moved): its place is free again. A second end of it fails on the primary key. */
    private void end(Connection c, Appointment appointment, String kind, String actorName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CD_APPOINTMENT_CANCEL (APPOINTMENT_ID, KIND, "
                + "CANCELLED_BY, CANCELLED_MS) VALUES (?, ?, ?, ?)")) {
            Jdbc.bind(ps, appointment.id(), kind, actorName, now().toEpochMilli());
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Appointment> get(Actor actor, String id) {
        requireStaff(actor, "reads appointments");
        Optional<Appointment> found = find(id).filter(a -> mayHandle(actor, a.department()));
        found.ifPresent(a -> audit.record(event(actor.username(), "appointment.read", a, null)));
        return found;
    }

    @Override
    public List<Appointment> ofCitizen(Actor actor, String citizenId, int limit) {
        requireStaff(actor, "reads appointments");
        if (citizenId == null || !ID.matcher(citizenId).matches()) {
            throw InvalidInputException.of("citizenId", "param.required");
        }
        if (limit < 1 || limit > 200) {
            throw InvalidInputException.of("limit", "limit.range", 200);
        }
        audit.record(new AuditEvent(actor.username(), "appointment.list", "appointment", "citizen", citizenId, null));
        return ofCitizen(citizenId, limit).stream().filter(a -> mayHandle(actor, a.department())).toList();
    }

    /** A citizen's appointments, unaudited: for the 360° view, which audits what it shows. */
    List<Appointment> ofCitizen(String citizenId, int limit) {
        return jdbc.query("reading a citizen's appointments", "SELECT " + COLUMNS + FROM
                + " WHERE a.CITIZEN_ID = ? ORDER BY a.SLOT_START_MS DESC", AppointmentsImpl::read, limit, citizenId);
    }

    /** Appointments whose slot starts in {@code [from, to)}, still booked and not yet reminded: the reminder's work. */
    List<Appointment> toRemind(Instant from, Instant to, int limit) {
        return jdbc.query("reading appointments to remind", "SELECT " + COLUMNS + FROM + " WHERE a.SLOT_START_MS >= ? "
                + "AND a.SLOT_START_MS < ? AND x.APPOINTMENT_ID IS NULL AND NOT EXISTS (SELECT 1 FROM "
                + "CD_APPOINTMENT_REMINDER r WHERE r.APPOINTMENT_ID = a.ID) ORDER BY a.SLOT_START_MS",
                AppointmentsImpl::read, limit, from.toEpochMilli(), to.toEpochMilli());
    }

    private Appointment get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("no appointment " + id));
    }

    private Optional<Appointment> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jdbc.query("reading an appointment", "SELECT " + COLUMNS + FROM + " WHERE a.ID = ?", AppointmentsImpl::read,
                1, id).stream().findFirst();
    }

    private static Appointment read(ResultSet rs) throws SQLException {
        String kind = rs.getString(14);
        String checkedInBy = rs.getString(17);
        AppointmentStatus status = kind != null ? ("moved".equals(kind) ? AppointmentStatus.MOVED
                : AppointmentStatus.CANCELLED) : checkedInBy != null ? AppointmentStatus.CHECKED_IN : AppointmentStatus.BOOKED;
        Instant closedAt = kind != null ? Instant.ofEpochMilli(rs.getLong(16))
                : checkedInBy != null ? Instant.ofEpochMilli(rs.getLong(18)) : null;
        return new Appointment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)), rs.getString(13),
                status, closedAt, kind != null ? rs.getString(15) : checkedInBy, rs.getString(19));
    }

    // ------------------------------------------------------------------ checks

    private static void checkShape(NewAppointment booking) {
        if (booking == null) {
            throw InvalidInputException.of(null, "appointment.body");
        }
        if (booking.service() == null || booking.service().isBlank()) {
            throw InvalidInputException.of("service", "param.required");
        }
        TextInput.line("service", booking.service(), 40);
        if (booking.start() == null) {
            throw InvalidInputException.of("start", "param.required");
        }
        if (booking.requestNumber() != null && !REQUEST_NUMBER.matcher(booking.requestNumber()).matches()) {
            throw InvalidInputException.of("requestNumber", "requestNumber.format");
        }
        if (booking.channel() != null && !booking.channel().matches("[a-z0-9_-]{1,20}")) {
            throw InvalidInputException.of("channel", "channel.format");
        }
    }

    /**
     * Who may see and handle an appointment (R20, need to know): operators (the call centre and the front desk) and
     * admins every one; supervisors and employees their own department's.
     */
    static boolean mayHandle(Actor actor, String department) {
        return actor.isSystem() || actor.has(Role.OPERATOR) || actor.has(Role.ADMIN)
                || actor.department() != null && actor.department().equals(department);
    }

    private static void requireMayHandle(Actor actor, String department) {
        if (!mayHandle(actor, department)) {
            throw new AccessDeniedException("only operators and the staff of department " + department
                    + " handle its appointments");
        }
    }

    /** An appointment the actor may handle; another department's is as unknown to them as a missing one. */
    private Appointment visible(Actor actor, String id) {
        return find(id).filter(a -> mayHandle(actor, a.department()))
                .orElseThrow(() -> new NotFoundException("no appointment " + id));
    }

    private static void requireStaff(Actor actor, String what) {
        if (actor == null) {
            throw new AccessDeniedException("only staff " + what);
        }
    }

    private static void requireBooked(Appointment appointment) {
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new ConflictException("the appointment is " + appointment.status().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " already");
        }
    }

    private static AuditEvent event(String actor, String action, Appointment a, String more) {
        return new AuditEvent(actor, action, "appointment", "citizen", a.citizenId(), "appointment=" + a.id() + " service="
                + a.service() + " slot=" + a.start() + (more == null ? "" : " " + more));
    }

    private static RuntimeException conflictOr(SQLException e, String what) {
        if (SqlErrors.isUniqueViolation(e)) {
            return new ConflictException("the appointment changed meanwhile; read it again");
        }
        return SqlErrors.unchecked(what, e);
    }
}
