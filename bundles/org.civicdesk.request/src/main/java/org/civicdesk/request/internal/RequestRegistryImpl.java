package org.civicdesk.request.internal;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Root;
import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.RecordDigest;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Measurements;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Page;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.persistence.DaySums;
import org.civicdesk.persistence.GroupCommit;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.persistence.SchemaMigrations;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.request.api.AttachmentReferenceCheck;
import org.civicdesk.request.api.CallbackOutcome;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.PastRequest;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RegistryHandOff;
import org.civicdesk.request.api.RequestEventListener;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = {RequestRegistry.class, DeadlineKeeper.class}, configurationPid = RequestRegistryImpl.PID)
@Designate(ocd = RegistryConfig.class)
public class RequestRegistryImpl implements RequestRegistry, DeadlineKeeper {
    static final String PID = "org.civicdesk.request.registry";
    private static final Logger LOG = LoggerFactory.getLogger(RequestRegistryImpl.class);
    private static final int MAX_DESCRIPTION = 4000;
    /** The requests whose reporter's contact the retention job forgot (their key destroyed), and when. */
    private static final String CONTACTS_FORGOTTEN = "CD_REQUEST_CONTACT_FORGOTTEN";
    private static final String INFO_KIND = "request";
    private static final char[] TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** Filings share transactions: the year's counter row is locked from the number's allocation to the commit. */
    private static final int FILINGS_PER_COMMIT = 64;

    private final JpaTransactions tx;
    private final RequestLists lists;
    private final GroupCommit filings;
    private final RequestTypeCatalog types;
    private final ChannelCatalog channels;
    private final CitizenRegistry citizens;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final PersonalTexts texts;
    /** The days the reports summed: an import forgets those it changes. */
    private final DaySums summedDays;
    private final Jdbc jdbc;
    private final SecureRandom random = new SecureRandom();
    /** The document management systems installed right now (R10); plug-ins come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RegistryHandOff> handOffs = List.of();
    /** What the installed document stores say of a reference to stored content: only the request it was uploaded for. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<AttachmentReferenceCheck> referenceChecks = List.of();
    /** Plug-ins that write rows of their own in the transaction of each event (an outbox); they come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RequestEventListener> eventListeners = List.of();
    private volatile WorkingCalendar calendar;
    private volatile DeadlineSchedule schedule;
    /**
     * The city's clock: the configured one, or a test clock ranked above it that moves time (R7's tests), taken as it
     * comes. Read through {@link #cityClock}.
     */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CityClock clock;
    private final CityClock cityClock = new CityClock() {
        @Override
        public java.time.ZoneId zone() {
            return clock.zone();
        }

        @Override
        public Instant now() {
            return clock.now();
        }
    };
    /** What the metrics feature is told of filings, while it is installed (R17 §4). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Measurements measurements;
    /** Who the history names as the author of escalation steps and deadline moves. */
    static final Actor ESCALATION = Actor.system("escalation");

    @Activate
    public RequestRegistryImpl(@Reference(target = "(osgi.unit.name=civicdesk-request)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference RequestTypeCatalog types, @Reference ChannelCatalog channels, @Reference CitizenRegistry citizens,
            @Reference StaffDirectory staff, @Reference AuditLog audit, @Reference CitizenKeys keys, RegistryConfig config) {
        this.tx = new JpaTransactions(emf);
        this.texts = new PersonalTexts(keys);
        this.filings = new GroupCommit(dataSource, "filing a request", FILINGS_PER_COMMIT, 10);
        this.types = types;
        this.channels = channels;
        this.citizens = citizens;
        this.staff = staff;
        this.audit = audit;
        this.jdbc = new Jdbc(dataSource);
        this.summedDays = RequestDays.sums(jdbc);
        this.lists = new RequestLists(tx, jdbc, audit, cityClock, texts);
        modified(config);
        SchemaMigrations.update(dataSource, RequestRegistryImpl.class);
    }

    @Modified
    void modified(RegistryConfig config) {
        this.calendar = WorkingCalendar.of(config);
        this.schedule = new DeadlineSchedule(calendar);
    }

    @Override
    public ServiceRequest file(Actor actor, NewRequest request) {
        long started = System.nanoTime();
        if (Visibility.contractorOnly(actor)) {
            throw new AccessDeniedException("a contractor works on the requests assigned to it and files none");
        }
        if (request.type() == null || request.type().isBlank()) {
            throw InvalidInputException.of("type", "type.required");
        }
        RequestType type = types.find(request.type())
                .orElseThrow(() -> InvalidInputException.of("type", "type.unknown", request.type()));
        ChannelCatalogImpl.installed(channels, request.channel());
        String description = request.description() == null ? "" : request.description().strip();
        if (description.isEmpty()) {
            throw InvalidInputException.of("description", "description.required");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw InvalidInputException.of("description", "description.tooLong", MAX_DESCRIPTION);
        }
        Location location = validLocation(request.location());
        Map<String, List<String>> answers = RequestAttribute.checkAll(type.attributes(), request.attributes());
        CitizenDetails reporter = request.citizen();
        boolean contactOnly = reporter != null && (reporter.nationalId() == null || reporter.nationalId().isBlank());
        Map<String, String> contact = contactOnly ? contactFields(reporter) : Map.of();
        // The citizen is validated before anything is stored, then found or registered.
        String citizenId = reporter == null || contactOnly ? null : citizens.findOrRegister(actor, reporter).id();

        Instant now = cityClock.now();
        LocalDate today = LocalDate.ofInstant(now, cityClock.zone());
        LocalDate received = received(request, today);
        LocalDate deadline = calendar.addWorkingDays(received == null ? today : received, type.slaDays());
        List<RegistryHandOff> registers = handOffs;
        List<RequestEventListener> listeners = eventListeners;
        CitizenDetails contactDetails = contactOnly ? contactDetails(contact) : null;
        List<RegistryHandOff> afterCommit = new ArrayList<>();
        // What the citizen wrote is kept sealed with their key; sealed before the batch, which holds the counter's lock.
        String place = location == null ? null : location.address();
        String storedDescription = texts.sealed(citizenId, description);
        String storedPlace = texts.sealed(citizenId, place);
        Map<String, List<String>> storedAnswers = new LinkedHashMap<>();
        answers.forEach((name, values) -> storedAnswers.put(name, values.stream()
                .map(value -> texts.sealed(citizenId, value)).toList()));
        ServiceRequest filed = filings.call(c -> {
            // Plain JDBC: this runs serialised, for every filing of the batch, while the year's counter is locked.
            int year = today.getYear();
            int sequence = nextSequence(c, year);
            RequestNumber number = new RequestNumber(year, sequence);
            // A reporter's words are sealed with their key, which is made for the number: here, under the lock.
            java.util.function.UnaryOperator<String> reporters = contactOnly
                    ? text -> texts.sealed(PersonalTexts.reporterOf(number.toString()), text)
                    : java.util.function.UnaryOperator.identity();
            RequestEntity entity = new RequestEntity(year, sequence, number.toString(), trackingCode(), type.code(),
                    request.channel().id(), citizenId, reporters.apply(storedDescription), location == null ? null
                    : location.lat(), location == null ? null : location.lon(), reporters.apply(storedPlace),
                    type.department(), now.toEpochMilli(), deadline.toString(), received == null ? null : received.toString());
            RequestEventEntity created = new RequestEventEntity(entity.getNumber(), 1, now.toEpochMilli(),
                    EventKind.CREATED, actor.username(), type.initialStatus(), null, null, null, null);
            RequestStateEntity state = new RequestStateEntity(entity, deadline);
            state.apply(created.toDto(), type.isFinal(created.toDto().status()));
            state.nextStep(schedule.nextStep(type, deadline, null, false, state.isFinished(), today));
            Map<String, List<String>> keptAnswers = new LinkedHashMap<>();
            storedAnswers.forEach((name, values) -> keptAnswers.put(name, values.stream().map(reporters).toList()));
            List<RequestDetailEntity> details = details(entity.getNumber(), keptAnswers, contact);
            entity.insert(c);
            state.insert(c);
            created.insert(c);
            RequestDetailEntity.insertAll(c, details);
            RequestWords.insert(c, texts, entity.getNumber(), RequestWords.of(entity.getNumber(), description, place));
            audit.record(c, new AuditEvent(actor.username(), "request.create", INFO_KIND, "request", entity.getNumber(),
                    "type=" + type.code() + " channel=" + request.channel().id()),
                    RequestRecords.filing(entity, details, created));
            ServiceRequest dto = toDto(entity, state, today);
            // A listener that throws fails this filing alone (the batch is run again without it).
            RequestEvent createdEvent = created.toDto();
            listeners.forEach(l -> l.onFiled(c, dto, createdEvent, contactDetails, request.reference()));
            afterCommit.clear();
            registers.stream().filter(h -> !handOffWithin(c, h, dto)).forEach(afterCommit::add);
            return dto;
        });
        handOff(afterCommit, filed);
        Measurements measured = measurements;
        if (measured != null) {
            String channel = request.channel().id();
            measured.count("civicdesk.requests.filed", "channel", channel);
            measured.time("civicdesk.intake", Duration.ofNanos(System.nanoTime() - started), "channel", channel);
        }
        return filed;
    }

    @Override
    public List<RequestNumber> importPast(Actor actor, List<PastRequest> requests) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator imports past requests");
        }
        if (requests == null || requests.isEmpty()) {
            throw InvalidInputException.of("requests", "import.required");
        }
        if (requests.size() > MAX_IMPORT) {
            throw InvalidInputException.of("requests", "import.tooMany", MAX_IMPORT);
        }
        Instant now = cityClock.now();
        Set<String> known = citizens.existing(requests.stream().filter(java.util.Objects::nonNull)
                .map(PastRequest::citizenId).filter(java.util.Objects::nonNull).toList());
        // Checked as a filing is: its type known, its channel installed, its place valid (and kept as filing keeps it).
        List<PastRequests.Checked> checked = PastRequests.check(requests, code -> types.find(code)
                .orElseThrow(() -> InvalidInputException.of("type", "type.unknown", code)), known, now)
                .stream().map(r -> {
            ChannelCatalogImpl.installed(channels, r.request().channel());
            return new PastRequests.Checked(r.request(), r.type(), validLocation(r.location()), r.index());
        }).toList();
        LocalDate today = LocalDate.ofInstant(now, cityClock.zone());
        WorkingCalendar workingDays = calendar;
        DeadlineSchedule steps = schedule;
        return filings.call(c -> PastRequests.write(c, actor, checked, RequestRegistryImpl::takeSequences, workingDays,
                steps, audit, this::trackingCode, cityClock.zone(), today, summedDays, texts));
    }

    /**
     * The day a letter reached the city hall, when the front desk registers it later; {@code null} for today.
     *
     * @throws InvalidInputException off the desk channel, in the future or more than a year back
     */
    private static LocalDate received(NewRequest request, LocalDate today) {
        LocalDate day = request.receivedOn();
        if (day == null || day.equals(today)) {
            return null;
        }
        if (!Channel.DESK.equals(request.channel())) {
            throw InvalidInputException.of("receivedAt", "received.desk");
        }
        if (day.isAfter(today)) {
            throw InvalidInputException.of("receivedAt", "received.future");
        }
        if (day.isBefore(today.minusYears(1))) {
            throw InvalidInputException.of("receivedAt", "received.tooOld");
        }
        return day;
    }

    private List<RequestDetailEntity> details(String number, Map<String, List<String>> answers,
            Map<String, String> contact) {
        List<RequestDetailEntity> details = new ArrayList<>();
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            for (String value : answer.getValue()) {
                details.add(new RequestDetailEntity(number, details.size() + 1, RequestDetailEntity.ATTRIBUTE,
                        answer.getKey(), value));
            }
        }
        for (Map.Entry<String, String> field : contact.entrySet()) {
            // Sealed with a key of the reporter's own, which the retention job destroys after the type's period.
            details.add(new RequestDetailEntity(number, details.size() + 1, RequestDetailEntity.CONTACT, field.getKey(),
                    texts.sealed(PersonalTexts.reporterOf(number), field.getValue())));
        }
        return details;
    }

    /** Writes the change's audit entry in the change's own transaction: both commit, or neither. */
    private void audited(EntityManager em, AuditEvent event, RecordDigest written) {
        JpaTransactions.onConnection(em, c -> audit.record(c, event, written));
    }

    /** The contact a reporter without a national id leaves: checked, blank fields dropped. */
    private static Map<String, String> contactFields(CitizenDetails reporter) {
        Map<String, String> fields = new LinkedHashMap<>();
        contactField(fields, "firstName", reporter.firstName(), 100);
        contactField(fields, "lastName", reporter.lastName(), 100);
        contactField(fields, "address", reporter.address(), 300);
        contactField(fields, "phone", reporter.phone(), 30);
        contactField(fields, "email", reporter.email(), 254);
        String email = fields.get("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.of("email", "email.invalid");
        }
        String phone = fields.get("phone");
        if (phone != null && !phone.matches("[+0-9 ()/.-]{3,30}")) {
            throw InvalidInputException.of("phone", "phone.invalid");
        }
        return fields;
    }

    private static CitizenDetails contactDetails(Map<String, String> fields) {
        return new CitizenDetails(null, fields.get("firstName"), fields.get("lastName"), fields.get("address"),
                fields.get("phone"), fields.get("email"));
    }

    private static void contactField(Map<String, String> fields, String name, String value, int max) {
        if (value != null && !value.isBlank()) {
            if (value.strip().length() > max) {
                throw InvalidInputException.of(name, "contact.tooLong", max);
            }
            fields.put(name, value.strip());
        }
    }

    @Override
    public Map<String, List<String>> attributes(Actor actor, RequestNumber number) {
        return tx.read(em -> {
            String key = PersonalTexts.keyOf(visible(em, actor, number).citizenId(), number.toString());
            Map<String, List<String>> answers = new LinkedHashMap<>();
            details(em, number, RequestDetailEntity.ATTRIBUTE).forEach(d -> answers.computeIfAbsent(d.getName(),
                    k -> new ArrayList<>()).add(texts.opened(key, d.getValue())));
            answers.replaceAll((k, v) -> List.copyOf(v));
            return answers;
        });
    }

    @Override
    public Optional<CitizenDetails> contact(Actor actor, RequestNumber number) {
        Map<String, String> fields = tx.read(em -> {
            visible(em, actor, number);
            return leftContact(em, number);
        });
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        audit.record(new AuditEvent(actor.username(), "request.contact.read", INFO_KIND, "request", number.toString(),
                null));
        return Optional.of(contactDetails(fields));
    }

    /**
     * The contact the reporter without a national id left on the request, opened; empty when there is none, or once the
     * retention job forgot it.
     */
    private Map<String, String> leftContact(EntityManager em, RequestNumber number) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RequestDetailEntity d : details(em, number, RequestDetailEntity.CONTACT)) {
            String value = texts.opened(PersonalTexts.reporterOf(number.toString()), d.getValue());
            if (value != null) {
                fields.put(d.getName(), value);
            }
        }
        return fields;
    }

    private static List<RequestDetailEntity> details(EntityManager em, RequestNumber number, String kind) {
        return em.createQuery("SELECT d FROM RequestDetailEntity d WHERE d.requestNumber = ?1 AND d.kind = ?2"
                + " ORDER BY d.position", RequestDetailEntity.class)
                .setParameter(1, number.toString()).setParameter(2, kind).getResultList();
    }

    /** Registers the request in every installed document management system; a failure there never undoes the filing. */
    private static void handOff(List<RegistryHandOff> registers, ServiceRequest filed) {
        for (RegistryHandOff handOff : registers) {
            try {
                handOff.register(filed);
            } catch (RuntimeException e) {
                // The request number only: no personal data in the log.
                LOG.warn("Request {} was not handed to a document registry: {}", filed.number(), e.toString());
            }
        }
    }

    /**
     * Hands the request over inside the filing's transaction where the hand-off can; a failure is
     * undone alone (to a savepoint) and leaves the hand-off for after the commit.
     */
    private static boolean handOffWithin(java.sql.Connection c, RegistryHandOff handOff, ServiceRequest filed) {
        java.sql.Savepoint before = null;
        try {
            before = c.setSavepoint();
            boolean registered = handOff.registerWithin(c, filed);
            c.releaseSavepoint(before);
            return registered;
        } catch (SQLException | RuntimeException e) {
            try {
                if (before != null) {
                    c.rollback(before);
                }
            } catch (SQLException undo) {
                throw SqlErrors.unchecked("undoing a failed hand-off of request " + filed.number(), undo);
            }
            LOG.warn("Request {} will be handed to a document registry after its filing: {}", filed.number(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    /** Takes the next number of the year under the counter row's lock; see {@link RegistrationCounterEntity}. */
    private static int nextSequence(java.sql.Connection c, int year) throws SQLException {
        return takeSequences(c, year, 1);
    }

    /** Takes the next {@code count} numbers of the year under the counter row's lock; gives the last one taken. */
    private static int takeSequences(java.sql.Connection c, int year, int count) throws SQLException {
        try (java.sql.PreparedStatement next = c.prepareStatement(
                "UPDATE CD_REGISTRATION_COUNTER SET LAST_SEQ = LAST_SEQ + ? WHERE REG_YEAR = ?")) {
            next.setInt(1, count);
            next.setInt(2, year);
            if (next.executeUpdate() == 0) {
                // First filing of the year; a concurrent first filing (another node) makes one of us retry.
                try (java.sql.PreparedStatement first = c.prepareStatement(
                        "INSERT INTO CD_REGISTRATION_COUNTER (REG_YEAR, LAST_SEQ) VALUES (?, ?)")) {
                    first.setInt(1, year);
                    first.setInt(2, count);
                    first.executeUpdate();
                    return count;
                }
            }
        }
        try (java.sql.PreparedStatement last = c.prepareStatement(
                "SELECT LAST_SEQ FROM CD_REGISTRATION_COUNTER WHERE REG_YEAR = ?")) {
            last.setInt(1, year);
            try (java.sql.ResultSet rs = last.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String trackingCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = TRACKING_ALPHABET[random.nextInt(TRACKING_ALPHABET.length)];
        }
        return new String(code);
    }

    private static Location validLocation(Location location) {
        if (location == null || (location.lat() == null && location.lon() == null
                && (location.address() == null || location.address().isBlank()))) {
            return null;
        }
        if ((location.lat() == null) != (location.lon() == null)) {
            throw InvalidInputException.of("location", "location.both");
        }
        if (location.lat() != null && (location.lat() < -90 || location.lat() > 90)) {
            throw InvalidInputException.of("location.lat", "location.lat");
        }
        if (location.lon() != null && (location.lon() < -180 || location.lon() > 180)) {
            throw InvalidInputException.of("location.lon", "location.lon");
        }
        if (location.address() != null && location.address().length() > 300) {
            throw InvalidInputException.of("location.address", "location.address");
        }
        return new Location(location.lat(), location.lon(),
                location.address() == null || location.address().isBlank() ? null : location.address().strip());
    }

    @Override
    public ServiceRequest get(Actor actor, RequestNumber number) {
        ServiceRequest found = tx.read(em -> visible(em, actor, number));
        audit.record(new AuditEvent(actor.username(), "request.read", INFO_KIND, "request", number.toString(), null));
        return found;
    }

    @Override
    public Optional<ServiceRequest> track(String trackingCode) {
        checkTrackingCode(trackingCode);
        Optional<ServiceRequest> found = tx.read(em -> byTrackingCode(em, trackingCode)
                .map(r -> toDto(r, em.find(RequestStateEntity.class, r.getNumber()), today())));
        found.ifPresent(r -> audit.record(new AuditEvent("public", "request.track", INFO_KIND, "request",
                r.number().toString(), null)));
        return found;
    }

    @Override
    public List<RequestEvent> history(Actor actor, RequestNumber number) {
        return tx.read(em -> {
            String key = PersonalTexts.keyOf(visible(em, actor, number).citizenId(), number.toString());
            return em.createQuery("SELECT e FROM RequestEventEntity e WHERE e.requestNumber = ?1 ORDER BY e.sequence",
                    RequestEventEntity.class).setParameter(1, number.toString()).getResultList().stream()
                    .map(e -> texts.opened(key, e.toDto())).toList();
        });
    }

    private ServiceRequest visible(EntityManager em, Actor actor, RequestNumber number) {
        RequestEntity entity = em.find(RequestEntity.class, number.toString());
        RequestStateEntity state = em.find(RequestStateEntity.class, number.toString());
        if (entity == null || state == null || !Visibility.canSee(actor, entity.getDepartment(), state.getAssignee())) {
            throw new NotFoundException("no request " + number);
        }
        return toDto(entity, state, today());
    }

    @Override
    public Page<ServiceRequest> search(Actor actor, RequestQuery q, int offset, int limit) {
        return lists.search(actor, q, offset, limit);
    }

    @Override
    public List<ServiceRequest> newest(Actor actor, RequestQuery q, int offset, int limit) {
        return lists.newest(actor, q, offset, limit);
    }

    @Override
    public List<String> citizensPastRetention(Map<String, Instant> cutoffs, Instant otherwise, String after, int limit) {
        // Per request: its finish minus its type's cut-off, negative once the period has passed; a citizen qualifies when
        // every request of theirs is finished and negative. A type without a period counts as never passed.
        if (cutoffs.isEmpty() && otherwise == null || !anyChangedBefore(cutoffs, otherwise)) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        String past = pastRetention(cutoffs, otherwise, parameters);
        String sql = "SELECT r.CITIZEN_ID FROM CD_REQUEST r JOIN CD_REQUEST_STATE s ON s.REQ_NUMBER = r.REQ_NUMBER "
                + "WHERE r.CITIZEN_ID > ? GROUP BY r.CITIZEN_ID HAVING SUM(CASE WHEN s.FINISHED = ? THEN 0 ELSE 1 END) = 0 "
                + "AND MAX(" + past + ") < 0 ORDER BY r.CITIZEN_ID";
        // In the statement's order: the WHERE's, the finished flag, then the CASE's.
        List<Object> bound = new ArrayList<>(List.of(after == null ? "" : after, Boolean.TRUE));
        bound.addAll(parameters);
        return jdbc.query("find citizens past their retention", sql, rs -> rs.getString(1), limit, bound.toArray());
    }

    /**
     * Whether any request last changed before the latest of the cut-offs: when none did, no request's period can have
     * passed, and the retention's questions, which read every request, need not be asked (read from the top of
     * CD_STATE_CHANGED: a city's first years, every hour, on a million requests).
     */
    private boolean anyChangedBefore(Map<String, Instant> cutoffs, Instant otherwise) {
        Instant latest = otherwise;
        for (Instant cutoff : cutoffs.values()) {
            latest = latest == null || cutoff.isAfter(latest) ? cutoff : latest;
        }
        long before = latest.toEpochMilli();
        return jdbc.query("look for a request changed before the retention's cut-off", "SELECT MIN(LAST_CHANGE_MS) FROM "
                + "CD_REQUEST_STATE", rs -> rs.getObject(1) != null && rs.getLong(1) < before, 1).equals(List.of(true));
    }

    /**
     * A request's finish (its last change, {@code s.LAST_CHANGE_MS}) minus its type's cut-off ({@code r.TYPE_CODE}):
     * negative once the type's retention period has passed; a type without a period counts as never passed. Its
     * parameters are added to {@code parameters}.
     */
    private static String pastRetention(Map<String, Instant> cutoffs, Instant otherwise, List<Object> parameters) {
        StringBuilder past = new StringBuilder(cutoffs.isEmpty() ? "" : "CASE");
        cutoffs.forEach((type, cutoff) -> {
            past.append(" WHEN r.TYPE_CODE = ? THEN s.LAST_CHANGE_MS - ?");
            parameters.add(type);
            parameters.add(cutoff.toEpochMilli());
        });
        String others = otherwise == null ? "1" : "s.LAST_CHANGE_MS - ?";
        past.append(cutoffs.isEmpty() ? others : " ELSE " + others + " END");
        if (otherwise != null) {
            parameters.add(otherwise.toEpochMilli());
        }
        return past.toString();
    }

    @Override
    public int forgetReportersPastRetention(Actor actor, Map<String, Instant> cutoffs, Instant otherwise, int limit) {
        if (!actor.isSystem() && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("forgetting reporters' contacts is for the system");
        }
        if (cutoffs.isEmpty() && otherwise == null || !anyChangedBefore(cutoffs, otherwise)) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(List.of(Boolean.TRUE));
        String past = pastRetention(cutoffs, otherwise, parameters);
        parameters.add(RequestDetailEntity.CONTACT);
        List<String> numbers = jdbc.query("find reporters past their retention", "SELECT r.REQ_NUMBER FROM CD_REQUEST r "
                + "JOIN CD_REQUEST_STATE s ON s.REQ_NUMBER = r.REQ_NUMBER WHERE r.CITIZEN_ID IS NULL AND s.FINISHED = ? AND ("
                + past + ") < 0 AND EXISTS (SELECT 1 FROM CD_REQUEST_DETAIL d WHERE d.REQUEST_NUMBER = r.REQ_NUMBER AND "
                + "d.KIND = ?) AND NOT EXISTS (SELECT 1 FROM " + CONTACTS_FORGOTTEN + " f WHERE f.REQ_NUMBER = r.REQ_NUMBER) "
                + "ORDER BY r.REQ_NUMBER", rs -> rs.getString(1), limit, parameters.toArray());
        for (String number : numbers) {
            texts.forgetReporter(number);
            // The note, its audit entry and the request's words (its number's alone from now on: they were what the
            // reporter wrote) commit together; a key destroyed twice is no harm: the next run notes it.
            jdbc.update("note a reporter's contact forgotten", c -> {
                audit.record(c, new AuditEvent(actor.username(), "request.contact.forget", INFO_KIND, "request", number,
                        "retention"), null);
                try {
                    RequestWords.replace(c, texts, number, RequestWords.of(number));
                } catch (java.sql.SQLException e) {
                    throw SqlErrors.unchecked("forgetting the words of a reporter's request", e);
                }
            }, "INSERT INTO " + CONTACTS_FORGOTTEN + " (REQ_NUMBER, FORGOTTEN_MS) VALUES (?, ?)", number,
                    System.currentTimeMillis());
        }
        return numbers.size();
    }

    @Override
    public long lastChange() {
        // Plain JDBC: it is read at each question a cached answer is given to (Open311's default list), and the
        // provider's query cost more than the answer (the top of CD_STATE_CHANGED).
        return jdbc.query("read the latest change", "SELECT MAX(LAST_CHANGE_MS) FROM CD_REQUEST_STATE", rs -> rs.getLong(1),
                1).get(0);
    }

    @Override
    public Map<String, Long> workload(Actor actor, String department) {
        return lists.workload(actor, department);
    }

    /**
     * An attachment may name stored content only when the store holding it vouches it was uploaded for this request;
     * each store answers for its own kind of reference, and a link elsewhere (Open311's media_url) passes.
     */
    private void checkReference(RequestNumber number, String reference) {
        if (reference != null && !referenceChecks.stream().allMatch(c -> c.accepts(number, reference))) {
            throw InvalidInputException.of("attachmentRef", "attachment.reference", String.valueOf(number));
        }
    }

    @Override
    public ServiceRequest apply(Actor actor, RequestNumber number, RequestChange change) {
        return apply(actor, number, Collections.singletonList(change));
    }

    @Override
    public ServiceRequest apply(Actor actor, RequestNumber number, List<RequestChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw InvalidInputException.of("kind", "change.kind");
        }
        List<StaffAccount> assignees = new ArrayList<>();
        for (RequestChange change : changes) {
            if (change == null || change.kind() == null || change.kind() == EventKind.CREATED
                    || change.kind() == EventKind.RATED) {
                throw InvalidInputException.of("kind", "change.kind");
            }
            String comment = commentOf(change);
            if (comment != null && comment.length() > MAX_DESCRIPTION) {
                throw InvalidInputException.of("comment", "comment.tooLong", MAX_DESCRIPTION);
            }
            assignees.add(change.kind() == EventKind.ASSIGNED ? assignable(change.assignee()) : null);
        }
        ServiceRequest result;
        try {
            result = tx.call(em -> {
                ServiceRequest last = null;
                for (int i = 0; i < changes.size(); i++) {
                    last = applyIn(em, actor, number, changes.get(i), assignees.get(i));
                }
                return last;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e) || e.getClass().getSimpleName().contains("OptimisticLock")) {
                throw new ConflictException("request " + number + " was changed at the same time; reload and try again");
            }
            throw e;
        }
        return result;
    }

    private static String commentOf(RequestChange change) {
        return change.comment() == null || change.comment().isBlank() ? null : change.comment().strip();
    }

    /** One change, inside the caller's transaction. */
    private ServiceRequest applyIn(EntityManager em, Actor actor, RequestNumber number, RequestChange change,
            StaffAccount assignee) {
        String comment = commentOf(change);
        RequestEntity entity = em.find(RequestEntity.class, number.toString());
        RequestStateEntity state = em.find(RequestStateEntity.class, number.toString());
        if (entity == null || state == null
                || !Visibility.canSee(actor, entity.getDepartment(), state.getAssignee())) {
            throw new NotFoundException("no request " + number);
        }
        // Only once the request is known to be the actor's to see: nothing is said about files of others.
        if (change.kind() == EventKind.ATTACHMENT_ADDED) {
            checkReference(number, change.attachmentRef());
        }
        RequestType type = types.find(entity.getType()).orElse(null);
        String status = state.getStatus();
        String newAssignee = state.getAssignee();
        if (Visibility.contractorOnly(actor) && !(change.kind() == EventKind.COMMENTED
                || change.kind() == EventKind.ATTACHMENT_ADDED || (change.kind() == EventKind.STATUS_CHANGED
                && Visibility.CONTRACTOR_STATUSES.contains(change.status())))) {
            throw new AccessDeniedException("a contractor comments, adds photos and documents, starts the work and "
                    + "marks it resolved; nothing else");
        }
        switch (change.kind()) {
            case ASSIGNED -> {
                if (!Visibility.canAssign(actor, entity.getDepartment())) {
                    throw new AccessDeniedException("only a supervisor of " + entity.getDepartment()
                            + " or an administrator assigns this request");
                }
                if (assignee.department() != null && !assignee.department().equals(entity.getDepartment())
                        && !assignee.roles().contains(Role.ADMIN)) {
                    throw InvalidInputException.of("assignee", "assignee.department", assignee.username(),
                            assignee.department(), entity.getDepartment());
                }
                if (type != null && type.isFinal(status)) {
                    throw new ConflictException("request " + number + " is " + status + " and cannot be assigned");
                }
                newAssignee = assignee.username();
                if (type != null && type.allows(status, "assigned")) {
                    status = "assigned";
                }
            }
            case STATUS_CHANGED -> {
                if (!Visibility.canChangeStatus(actor, entity.getDepartment(), state.getAssignee())) {
                    throw new AccessDeniedException("only the assignee, a supervisor of "
                            + entity.getDepartment() + " or an administrator changes the status");
                }
                if (change.status() == null || change.status().isBlank()) {
                    throw InvalidInputException.of("status", "status.required");
                }
                if (type == null || !type.statuses().contains(change.status())) {
                    throw InvalidInputException.of("status", "status.unknown", change.status());
                }
                if (!type.allows(status, change.status())) {
                    throw new ConflictException("the workflow does not allow going from " + status + " to "
                            + change.status() + "; allowed: " + type.transitions().getOrDefault(status, List.of()));
                }
                status = change.status();
            }
            case COMMENTED -> {
                if (comment == null) {
                    throw InvalidInputException.of("comment", "comment.empty");
                }
            }
            case ATTACHMENT_ADDED -> {
                if (change.attachmentName() == null || change.attachmentName().isBlank()) {
                    throw InvalidInputException.of("attachmentName", "attachment.name");
                }
            }
            case REPLIED -> {
                // Writing to the citizen in the city's name is a change of the request: the same people may.
                if (!Visibility.canChangeStatus(actor, entity.getDepartment(), state.getAssignee())) {
                    throw new AccessDeniedException("only the assignee, a supervisor of "
                            + entity.getDepartment() + " or an administrator replies to the citizen");
                }
                if (comment == null) {
                    throw InvalidInputException.of("comment", "reply.empty");
                }
                if (!canBeWritten(em, actor, number, entity.getCitizenId())) {
                    throw InvalidInputException.of("comment", "reply.noEmail", String.valueOf(number));
                }
            }
            case CALLBACK_SCHEDULED -> {
                if (Visibility.contractorOnly(actor)) {
                    throw new AccessDeniedException("a contractor does not call citizens");
                }
                callbackWindow(change.detail());
            }
            case CALLED_BACK -> {
                if (Visibility.contractorOnly(actor)) {
                    throw new AccessDeniedException("a contractor does not call citizens");
                }
                CallbackOutcome.parse(change.detail());
            }
            default -> throw InvalidInputException.of("kind", "change.unsupported", String.valueOf(change.kind()));
        }
        Instant now = cityClock.now();
        LocalDate today = LocalDate.ofInstant(now, cityClock.zone());
        String before = state.getStatus();
        String sealingKey = PersonalTexts.sealingKeyOf(entity.getCitizenId(), entity.getNumber(), entity.getDescription());
        RequestEventEntity event = append(em, entity.getNumber(), state.getLastEventSequence() + 1,
                now, change.kind(), actor, status, newAssignee, texts.sealed(sealingKey, comment),
                texts.sealed(sealingKey, change.attachmentName()), change.attachmentRef());
        if (change.kind() == EventKind.CALLBACK_SCHEDULED || change.kind() == EventKind.CALLED_BACK) {
            event.detail(change.detail());
        }
        state.apply(event.toDto(), type != null && type.isFinal(status));
        audited(em, new AuditEvent(actor.username(),
                "request." + change.kind().name().toLowerCase(Locale.ROOT), INFO_KIND, "request",
                number.toString(), describe(change)), RequestRecords.event(event));
        ServiceRequest changed = toDto(entity, state, today);
        told(em, number, changed, texts.opened(PersonalTexts.keyOf(entity.getCitizenId(), entity.getNumber()),
                event.toDto()));
        if (type != null && !before.equals(status)) {
            changed = paused(em, entity, state, type, before, now, today);
        }
        if (type != null) {
            state.nextStep(schedule.nextStep(type, state.getDeadline(), state.getEscalationLevel(),
                    state.getPausedSince() != null, state.isFinished(), today));
        }
        return changed;
    }

    /** A call-back's window as {@link RequestChange#callbackScheduled} writes it: two instants, the first before. */
    private static void callbackWindow(String window) {
        String[] ends = window == null ? new String[0] : window.split("/");
        try {
            if (ends.length == 2 && Instant.parse(ends[0]).isBefore(Instant.parse(ends[1]))) {
                return;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw InvalidInputException.of("detail", "callback.window");
    }

    /** Who the history names as the author of a rating: the citizen holding the tracking code. */
    static final String CITIZEN = "citizen";

    @Override
    public Rating rate(String trackingCode, int score, String comment) {
        checkTrackingCode(trackingCode);
        String text = Rating.check(score, comment);
        Actor citizen = new Actor(CITIZEN, Set.of(), null);
        try {
            return tx.call(em -> {
                RequestEntity entity = byTrackingCode(em, trackingCode)
                        .orElseThrow(() -> new NotFoundException("no request with this tracking code"));
                RequestNumber number = new RequestNumber(entity.getYear(), entity.getSequence());
                RequestStateEntity state = em.find(RequestStateEntity.class, entity.getNumber());
                RequestType type = types.find(entity.getType()).orElse(null);
                if (state == null || type == null || !type.isFinal(state.getStatus())) {
                    throw new ConflictException("request " + number + " is not closed yet: it can be rated once it is");
                }
                if (em.find(RequestRatingEntity.class, entity.getNumber()) != null) {
                    throw new ConflictException("request " + number + " was rated already; a rating is given once");
                }
                Instant now = cityClock.now();
                RequestEventEntity event = append(em, entity.getNumber(), state.getLastEventSequence() + 1, now,
                        EventKind.RATED, citizen, state.getStatus(), state.getAssignee(), null, null, null);
                // The rater's own words, sealed with the key of the request's person, citizen or reporter (erasure takes them).
                RequestRatingEntity rating = new RequestRatingEntity(entity.getNumber(), event.toDto().sequence(), score,
                        texts.sealed(PersonalTexts.sealingKeyOf(entity.getCitizenId(), entity.getNumber(),
                                entity.getDescription()), text), now.toEpochMilli());
                em.persist(rating);
                state.apply(event.toDto(), true);
                // No score or words in the trail's remarks: the rating itself is the record the entry vouches for.
                audited(em, new AuditEvent("public", "request.rated", INFO_KIND, "request", number.toString(), null),
                        RequestRecords.rating(event, rating));
                told(em, number, toDto(entity, state, today()), event.toDto());
                return toRating(entity, rating);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e) || e.getClass().getSimpleName().contains("OptimisticLock")) {
                throw new ConflictException("the request was rated or changed at the same time; reload and try again");
            }
            throw e;
        }
    }

    @Override
    public Optional<Rating> trackRating(String trackingCode) {
        checkTrackingCode(trackingCode);
        return tx.read(em -> byTrackingCode(em, trackingCode).flatMap(r -> Optional
                .ofNullable(em.find(RequestRatingEntity.class, r.getNumber())).map(g -> toRating(r, g))));
    }

    @Override
    public Optional<Rating> rating(Actor actor, RequestNumber number) {
        return tx.read(em -> {
            visible(em, actor, number);
            RequestRatingEntity rating = em.find(RequestRatingEntity.class, number.toString());
            return Optional.ofNullable(rating).map(g -> toRating(em.find(RequestEntity.class, number.toString()), g));
        });
    }

    @Override
    public List<Rating> ratings(Actor actor, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInputException.of("from", "period.order");
        }
        List<Rating> found = tx.read(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<RequestRatingEntity> g = q.from(RequestRatingEntity.class);
            Root<RequestEntity> r = q.from(RequestEntity.class);
            Root<RequestStateEntity> s = q.from(RequestStateEntity.class);
            q.multiselect(g, r).where(cb.equal(r.get("number"), g.get("number")), cb.equal(s.get("number"), g.get("number")),
                    cb.greaterThanOrEqualTo(g.<Long>get("ratedMillis"), from.toEpochMilli()),
                    cb.lessThan(g.<Long>get("ratedMillis"), to.toEpochMilli()),
                    Visibility.visible(cb, actor, r.get("department"), s.get("assignee")))
                    .orderBy(cb.asc(g.get("ratedMillis")), cb.asc(g.get("number")));
            return em.createQuery(q).getResultList().stream()
                    .map(row -> toRating((RequestEntity) row[1], (RequestRatingEntity) row[0])).toList();
        });
        audit.record(new AuditEvent(actor.username(), "request.ratings.read", INFO_KIND, "request", null,
                "from=" + from + " to=" + to + " count=" + found.size()));
        return found;
    }

    private Rating toRating(RequestEntity request, RequestRatingEntity rating) {
        return new Rating(new RequestNumber(request.getYear(), request.getSequence()), request.getType(),
                request.getDepartment(), rating.getScore(), texts.opened(PersonalTexts.keyOf(request.getCitizenId(),
                request.getNumber()), rating.getComment()),
                Instant.ofEpochMilli(rating.getRatedMillis()));
    }

    private static Optional<RequestEntity> byTrackingCode(EntityManager em, String trackingCode) {
        return em.createQuery("SELECT r FROM RequestEntity r WHERE r.trackingCode = ?1", RequestEntity.class)
                .setParameter(1, trackingCode).getResultList().stream().findFirst();
    }

    private static void checkTrackingCode(String trackingCode) {
        if (trackingCode == null || !trackingCode.matches("[A-Z0-9]{10}")) {
            throw InvalidInputException.of("trackingCode", "trackingCode.format");
        }
    }

    /** Tells the listeners of a change in its own transaction; one that throws undoes the change. */
    private void told(EntityManager em, RequestNumber number, ServiceRequest changed, RequestEvent event) {
        List<RequestEventListener> listeners = eventListeners;
        if (listeners.isEmpty()) {
            return;
        }
        Map<String, String> fields = leftContact(em, number);
        CitizenDetails contact = fields.isEmpty() ? null : contactDetails(fields);
        JpaTransactions.onConnection(em, c -> listeners.forEach(l -> l.onEvent(c, changed, event, contact)));
    }

    /**
     * Whether a reply can reach the citizen of a request: an e-mail address on their record (an audited read), or the
     * one a reporter without a national id left. It is read again when the message is sent.
     */
    private boolean canBeWritten(EntityManager em, Actor actor, RequestNumber number, String citizenId) {
        String address;
        if (citizenId != null) {
            address = citizens.get(actor, citizenId, "reply by e-mail on request " + number).map(Citizen::email)
                    .orElse(null);
        } else {
            Map<String, String> fields = leftContact(em, number);
            address = fields.isEmpty() ? null : contactDetails(fields).email();
        }
        return address != null && !address.isBlank();
    }

    private StaffAccount assignable(String username) {
        if (username == null || username.isBlank()) {
            throw InvalidInputException.of("assignee", "assignee.required");
        }
        StaffAccount account = staff.find(username.strip())
                .orElseThrow(() -> InvalidInputException.of("assignee", "assignee.unknown", username));
        if (!account.enabled()) {
            throw InvalidInputException.of("assignee", "assignee.disabled", username);
        }
        return account;
    }

    private static String describe(RequestChange change) {
        return switch (change.kind()) {
            case ASSIGNED -> "assignee=" + change.assignee();
            case STATUS_CHANGED -> "status=" + change.status();
            case ATTACHMENT_ADDED -> "attachment"; // not its name: a file may be named after a person
            case REPLIED -> "reply by e-mail";
            case CALLBACK_SCHEDULED -> "callback window=" + change.detail();
            case CALLED_BACK -> "callback outcome=" + change.detail();
            default -> null;
        };
    }

    private static RequestEventEntity append(EntityManager em, String number, int sequence, Instant time,
            EventKind kind, Actor actor, String status, String assignee, String comment, String attachmentName,
            String attachmentRef) {
        RequestEventEntity event = new RequestEventEntity(number, sequence, time.toEpochMilli(), kind, actor.username(),
                status, assignee, comment, attachmentName, attachmentRef);
        em.persist(event);
        return event;
    }

    private LocalDate today() {
        return cityClock.today();
    }

    /**
     * The wait for the citizen (R7): entering the type's pause status stops the deadline; leaving it moves the deadline
     * by the working days waited, a {@link EventKind#DEADLINE_MOVED} event of its own. Returns the request as it is.
     */
    private ServiceRequest paused(EntityManager em, RequestEntity entity, RequestStateEntity state, RequestType type,
            String before, Instant now, LocalDate today) {
        String pause = type.escalation().pauseStatus();
        if (pause != null && pause.equals(state.getStatus())) {
            state.pausedSince(today);
        } else if (pause != null && pause.equals(before) && state.getPausedSince() != null) {
            int waited = calendar.workingDaysBetween(state.getPausedSince(), today);
            state.pausedSince(null);
            if (waited > 0 && !state.isFinished()) {
                LocalDate moved = calendar.addWorkingDays(state.getDeadline(), waited);
                RequestEventEntity event = new RequestEventEntity(entity.getNumber(), state.getLastEventSequence() + 1,
                        now.toEpochMilli(), EventKind.DEADLINE_MOVED, ESCALATION.username(), state.getStatus(),
                        state.getAssignee(), null, moved);
                em.persist(event);
                state.apply(event.toDto(), state.isFinished());
                state.deadline(moved);
                audited(em, new AuditEvent(ESCALATION.username(), "request.deadline_moved", INFO_KIND, "request",
                        entity.getNumber(), "deadline=" + moved + " waited=" + waited), RequestRecords.event(event));
                told(em, RequestNumber.parse(entity.getNumber()), toDto(entity, state, today), event.toDto());
            }
        }
        return toDto(entity, state, today);
    }

    @Override
    public List<String> escalationsDue(LocalDate today, String afterStep, String afterNumber, int max) {
        return tx.read(em -> em.createQuery("SELECT s.number, s.nextStep FROM RequestStateEntity s WHERE s.nextStep <= ?1"
                + " AND (s.nextStep > ?2 OR (s.nextStep = ?2 AND s.number > ?3)) ORDER BY s.nextStep, s.number",
                Object[].class).setParameter(1, today.toString()).setParameter(2, afterStep)
                .setParameter(3, afterNumber).setMaxResults(max).getResultList().stream()
                .map(row -> row[1] + " " + row[0]).toList());
    }

    @Override
    public int escalate(String number, LocalDate today) {
        try {
            return tx.call(em -> escalateIn(em, number, today));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e) || e.getClass().getSimpleName().contains("OptimisticLock")) {
                // Changed by someone at the same time: the next run takes it again, from its new state.
                return 0;
            }
            throw e;
        }
    }

    @Override
    public int escalateAll(List<String> numbers, LocalDate today) {
        return tx.call(em -> {
            int steps = 0;
            for (String number : numbers) {
                steps += escalateIn(em, number, today);
            }
            return steps;
        });
    }

    /** One request's steps due on {@code today}, in the transaction of {@code em}. */
    private int escalateIn(EntityManager em, String number, LocalDate today) {
        RequestEntity entity = em.find(RequestEntity.class, number);
        RequestStateEntity state = em.find(RequestStateEntity.class, number);
        if (entity == null || state == null) {
            return 0;
        }
        RequestType type = types.find(entity.getType()).orElse(null);
        boolean waiting = state.getPausedSince() != null;
        List<Integer> steps = type == null || state.isFinished() || waiting ? List.of()
                : schedule.due(type, state.getDeadline(), state.getEscalationLevel(), today);
        Instant now = cityClock.now();
        for (int level : steps) {
            RequestEventEntity event = new RequestEventEntity(number, state.getLastEventSequence() + 1,
                    now.toEpochMilli(), EventKind.ESCALATED, ESCALATION.username(), state.getStatus(),
                    state.getAssignee(), level, state.getDeadline());
            em.persist(event);
            state.apply(event.toDto(), state.isFinished());
            state.escalated(level);
            audited(em, new AuditEvent(ESCALATION.username(), "request.escalated", INFO_KIND, "request", number,
                    "level=" + level), RequestRecords.event(event));
            told(em, RequestNumber.parse(number), toDto(entity, state, today), event.toDto());
        }
        state.nextStep(schedule.nextStep(type, state.getDeadline(), state.getEscalationLevel(), waiting,
                state.isFinished(), today));
        return steps.size();
    }

    /** The request as its citizen wrote it (their texts opened), as it stands. */
    private ServiceRequest toDto(RequestEntity r, RequestStateEntity s, LocalDate today) {
        return texts.opened(stored(r, s, today));
    }

    /** The request as stored: its texts sealed for its citizen. */
    private static ServiceRequest stored(RequestEntity r, RequestStateEntity s, LocalDate today) {
        LocalDate deadline = s.getDeadline();
        Location location = r.getLat() == null && r.getAddress() == null ? null
                : new Location(r.getLat(), r.getLon(), r.getAddress());
        return new ServiceRequest(new RequestNumber(r.getYear(), r.getSequence()), r.getTrackingCode(), r.getType(),
                new Channel(r.getChannel()), r.getCitizenId(), r.getDescription(), location, r.getDepartment(),
                s.getStatus(), s.getAssignee(), Instant.ofEpochMilli(r.getRegisteredMillis()), deadline,
                Instant.ofEpochMilli(s.getLastChangeMillis()), overdue(s.isFinished(), s.getPausedSince(), deadline, today),
                s.getPriority(), s.getEscalationLevel(), r.getReceivedOn() == null ? null : LocalDate.parse(r.getReceivedOn()));
    }

    /** Past the deadline, not done and not waiting for the citizen (whose wait moves the deadline). */
    static boolean overdue(boolean finished, LocalDate pausedSince, LocalDate deadline, LocalDate today) {
        return !finished && pausedSince == null && deadline.isBefore(today);
    }
}
