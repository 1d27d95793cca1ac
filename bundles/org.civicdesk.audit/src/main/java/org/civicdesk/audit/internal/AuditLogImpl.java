package org.civicdesk.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.civicdesk.audit.api.Agreement;
import org.civicdesk.audit.api.AuditEntry;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.AuditQuery;
import org.civicdesk.audit.api.AuditStatistics;
import org.civicdesk.audit.api.ChainVerification;
import org.civicdesk.audit.api.ConfidentialityAgreement;
import org.civicdesk.audit.api.IntegrityReport;
import org.civicdesk.audit.api.RecordDigest;
import org.civicdesk.audit.api.RecordSource;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.Measurements;
import org.civicdesk.core.api.Page;
import org.civicdesk.persistence.GroupCommit;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SqlErrors;
import org.civicdesk.scheduler.api.Job;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in CivicDesk's database. An entry is one INSERT, made in the transaction of
 * the change it describes (or in one of its own for a read) and carrying its own keyed MAC;
 * no lock is shared between writers. The {@link Sealer} then links committed entries into the
 * keyed chain in batches, and {@link Anchors} keep the chain's head outside the database.
 */
@Component(service = {AuditLog.class, ConfidentialityAgreement.class, AuditStatistics.class}, configurationPid = AuditLogImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditConfig.class)
public class AuditLogImpl implements AuditLog, ConfidentialityAgreement, AuditStatistics {
    static final String PID = "org.civicdesk.audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogImpl.class);
    private static final String COLUMNS = "e.ID, e.OCCURRED_MS, e.ACTOR, e.ACTION, e.INFO_KIND, e.SUBJECT_TYPE, "
            + "e.SUBJECT_ID, e.REMARKS, s.SEQ, s.PREVIOUS_MAC, s.CHAIN_MAC";
    private static final String FROM = " FROM " + AuditTables.ENTRY + " e LEFT JOIN " + AuditTables.SEAL
            + " s ON s.ENTRY_ID = e.ID";

    private final DataSource dataSource;
    private final Jdbc jdbc;
    /** The record sources installed now (request history, interactions); they come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RecordSource> sources = List.of();
    /** What the metrics feature is told of appends, while it is installed (R17 §4). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Measurements measurements;
    private volatile IntegrityKeys keys;
    /** The confidentiality agreement: no citizen data is recorded as read or changed by staff who did not accept it. */
    private volatile Agreements agreements;
    private volatile Sealer sealer;
    /** The reads of people's data summed as they are sealed, and the statistics counted from them. */
    private volatile ReadSums readSums;
    private volatile AuditStatistics statistics;
    private volatile long anchorEveryMillis;
    private final BundleContext context;
    /** The sealer as a job of the shared scheduler. */
    private ServiceRegistration<Job> sealing;
    /** How often entries written on their own are tried when they lose a lock race. */
    private static final int WRITE_ATTEMPTS = 3;
    /** At most this many seals are summed while a report waits; further behind, it counts from the trail. */
    private static final int SUMMED_AT_A_QUESTION = 100_000;
    /** The entries written in transactions of their own (reads), committed together when they come at once. */
    private final GroupCommit ownTransactions;

    /** The reads recorded on this thread inside {@link #recordingTogether}, written when it ends. */
    private final ThreadLocal<List<AuditEvent>> pendingReads = new ThreadLocal<>();

    @Activate
    public AuditLogImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            AuditConfig config, BundleContext context) throws SQLException, IOException {
        this.dataSource = dataSource;
        this.context = context;
        this.jdbc = new Jdbc(dataSource);
        this.ownTransactions = new GroupCommit(dataSource, "writing audit entries", 200, WRITE_ATTEMPTS);
        AuditTables.create(dataSource);
        modified(config);
    }

    @Modified
    void modified(AuditConfig config) throws SQLException, IOException {
        stopSealing();
        String etc = System.getProperty("karaf.etc", "etc");
        String data = System.getProperty("karaf.data", "data");
        keys = new IntegrityKeys(Path.of(config.keyFile().isBlank() ? etc + "/civicdesk-integrity.keys" : config.keyFile()));
        List<Path> anchorDirectories = new ArrayList<>();
        anchorDirectories.add(Path.of(config.anchorDirectory().isBlank() ? data + "/civicdesk/anchors"
                : config.anchorDirectory()));
        if (!config.anchorCopyDirectory().isBlank()) {
            anchorDirectories.add(Path.of(config.anchorCopyDirectory()));
        }
        anchorEveryMillis = Math.max(1, config.anchorIntervalSeconds()) * 1000L;
        agreements = new Agreements(config);
        Sealer chain = new Sealer(dataSource, keys, new Anchors(anchorDirectories, keys));
        ReadSums sums = new ReadSums(jdbc, ConfiguredValues.of(config.readActions()));
        sealer = chain;
        readSums = sums;
        statistics = new AuditStatisticsImpl(jdbc, sums, () -> summedNow(chain, sums));
        // Sealing must go on while nobody asks: a job of the shared scheduler, on every node (sealing is safe across nodes).
        sealing = context.registerService(Job.class, run -> sealQuietly(), FrameworkUtil.asDictionary(Map.of(
                Job.ID, "audit-sealer", Job.SCOPE, Job.NODE, Job.PERIOD, (long) Math.max(50, config.sealIntervalMillis()))));
    }

    @Deactivate
    void deactivate() {
        stopSealing();
        try {
            sealer.seal(false, true, anchorEveryMillis);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The audit trail was not sealed on the way down ({}); it will be at the next start", e.toString());
        }
    }

    /** Unschedules the sealer; the scheduler waits for a seal in progress. */
    private void stopSealing() {
        if (sealing != null) {
            sealing.unregister();
            sealing = null;
        }
    }

    private void sealQuietly() {
        try {
            sealer.seal(false, false, anchorEveryMillis);
            // A batch at a time: the first summing of a long trail must not hold the sealing back.
            readSums.catchUp(ReadSums.BATCH);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Sealing the audit trail failed, trying again: {} (SQLState {})", e.getClass().getSimpleName(),
                    e instanceof SQLException sql ? sql.getSQLState() : "-");
        }
    }

    /**
     * Seals what is committed and sums it, when that is little (else the statistics count from the trail): whether the
     * sums hold every read committed before.
     */
    private boolean summedNow(Sealer chain, ReadSums sums) {
        try {
            chain.seal(false, false, anchorEveryMillis);
            return sums.catchUp(SUMMED_AT_A_QUESTION);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The reads of people's data could not be summed now ({}, SQLState {}): counting them from the trail",
                    e.getClass().getSimpleName(), e instanceof SQLException sql ? sql.getSQLState() : "-");
            return false;
        }
    }

    @Override
    public List<DailyReads> readsPerDay(Set<String> actions, Instant from, Instant to, ZoneId zone) {
        return statistics.readsPerDay(actions, from, to, zone);
    }

    @Override
    public List<SubjectReads> readsBySubject(Set<String> actions, Instant from, Instant to, int limit) {
        return statistics.readsBySubject(actions, from, to, limit);
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        checkAgreement(event);
        List<AuditEvent> together = pendingReads.get();
        if (together != null) {
            together.add(event);
            return new AuditEntry(0, Instant.now(), event, null, null);
        }
        AuditEntry[] written = new AuditEntry[1];
        inOneTransaction(c -> written[0] = insert(c, event, null));
        return written[0];
    }

    /** Refuses a read of citizen data by staff who have not accepted the confidentiality agreement. */
    private void checkAgreement(AuditEvent event) {
        if (agreements.guards(event)) {
            try (Connection c = dataSource.getConnection()) {
                agreements.check(c, event);
            } catch (SQLException e) {
                throw SqlErrors.unchecked("looking for an acceptance of the confidentiality agreement", e);
            }
        }
    }

    @Override
    public void record(Connection transaction, AuditEvent event, RecordDigest written) {
        long started = System.nanoTime();
        try {
            agreements.check(transaction, event);
            insert(transaction, event, written);
        } catch (SQLException e) {
            throw SqlErrors.unchecked("writing an audit entry", e);
        }
        measured(started, "record");
    }

    /**
     * Tells the metrics how long an append took since {@code started}: {@code with} says whether it went with the
     * record it is about, in that record's transaction, or in a transaction of its own (a read), commit included.
     */
    private void measured(long started, String with) {
        Measurements measured = measurements;
        if (measured != null) {
            measured.time("civicdesk.audit.append", Duration.ofNanos(System.nanoTime() - started), "with", with);
        }
    }

    @Override
    public Agreement current(String language) {
        return agreements.current(language);
    }

    @Override
    public boolean hasAccepted(String username) {
        try (Connection c = dataSource.getConnection()) {
            return agreements.accepted(c, username);
        } catch (SQLException e) {
            throw SqlErrors.unchecked("looking for an acceptance of the confidentiality agreement", e);
        }
    }

    @Override
    public void accept(Actor actor, String username, String version) {
        Agreements terms = agreements;
        AuditEvent acceptance = terms.acceptance(actor, username, version);
        inOneTransaction(c -> insert(c, acceptance, null));
        terms.remember(username);
    }

    @Override
    public <T> T recordingTogether(Supplier<T> work) {
        return recordingAsOne(() -> new Viewed<>(work.get(), null));
    }

    @Override
    public <T> T recordingAsOne(Supplier<Viewed<T>> work) {
        if (pendingReads.get() != null) {
            Viewed<T> viewed = work.get();
            if (viewed.entry() != null) {
                record(viewed.entry());
            }
            return viewed.shown();
        }
        List<AuditEvent> parts = new ArrayList<>();
        pendingReads.set(parts);
        Viewed<T> viewed;
        try {
            viewed = work.get();
        } catch (RuntimeException | Error e) {
            pendingReads.remove();
            try {
                write(parts);
            } catch (RuntimeException unwritten) {
                e.addSuppressed(unwritten);
            }
            throw e;
        }
        pendingReads.remove();
        if (viewed.entry() == null) {
            write(parts);
            return viewed.shown();
        }
        AuditEvent view = viewed.entry();
        checkAgreement(view);
        List<AuditEvent> written = new ArrayList<>();
        parts.stream().filter(part -> !standsFor(view, part)).forEach(written::add);
        written.add(view);
        write(written);
        return viewed.shown();
    }

    /** Whether the view's entry records {@code part}: the same reader, its subject or none, a kind the view names. */
    static boolean standsFor(AuditEvent view, AuditEvent part) {
        boolean sameSubject = part.subjectId() == null
                || (part.subjectId().equals(view.subjectId()) && Objects.equals(part.subjectType(), view.subjectType()));
        return Objects.equals(part.actor(), view.actor()) && sameSubject && view.infoKind() != null
                && List.of(view.infoKind().split(",")).contains(part.infoKind());
    }

    /** The entries in one transaction: all durable, or none and an exception. */
    private void write(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        inOneTransaction(c -> {
            for (AuditEvent event : events) {
                insert(c, event, null);
            }
        });
    }

    /** Work that writes entries only. */
    private interface Entries {
        void insert(Connection c) throws SQLException;
    }

    /**
     * Writes in a transaction of its own, shared with the entries other threads are writing at that moment (one durable
     * commit for many readers: each 360° view writes its entries when it is assembled), tried again when it lost a lock
     * race: a read is refused only when its entries truly cannot be written.
     */
    private void inOneTransaction(Entries entries) {
        long started = System.nanoTime();
        ownTransactions.call(c -> {
            entries.insert(c);
            return null;
        });
        measured(started, "own");
    }

    private AuditEntry insert(Connection c, AuditEvent event, RecordDigest written) throws SQLException {
        AuditEvent bounded = new AuditEvent(cut(event.actor(), 100), cut(event.action(), 100), cut(event.infoKind(), 100),
                cut(event.subjectType(), 50), cut(event.subjectId(), 100), cut(event.remarks(), AuditTables.MAX_REMARKS));
        long now = System.currentTimeMillis();
        String ref = written == null ? null : written.ref();
        String digest = written == null ? null : written.digest();
        String keyId = keys.currentId();
        String mac = keys.mac(keyId, Chain.entryText(now, bounded, ref, digest, keyId));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + AuditTables.ENTRY + " (OCCURRED_MS, ACTOR, "
                + "ACTION, INFO_KIND, SUBJECT_TYPE, SUBJECT_ID, REMARKS, RECORD_REF, RECORD_DIGEST, KEY_ID, ENTRY_MAC) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(ps, now, bounded.actor(), bounded.action(), bounded.infoKind(), bounded.subjectType(),
                    bounded.subjectId(), bounded.remarks(), ref, digest, keyId, mac);
            ps.executeUpdate();
        }
        return new AuditEntry(0, Instant.ofEpochMilli(now), bounded, null, null);
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, "e.ACTOR = ?", query.actor());
        condition(where, params, "e.ACTION = ?", query.action());
        condition(where, params, "e.SUBJECT_TYPE = ?", query.subjectType());
        condition(where, params, "e.SUBJECT_ID = ?", query.subjectId());
        condition(where, params, "e.OCCURRED_MS >= ?", query.from() == null ? null : query.from().toEpochMilli());
        condition(where, params, "e.OCCURRED_MS < ?", query.to() == null ? null : query.to().toEpochMilli());
        Object[] bound = params.toArray();
        long total = jdbc.query("counting audit entries", "SELECT COUNT(*) FROM " + AuditTables.ENTRY + " e" + where,
                rs -> rs.getLong(1), 1, bound).get(0);
        List<AuditEntry> items = jdbc.query("searching the audit trail", "SELECT " + COLUMNS + FROM + where
                + " ORDER BY e.ID DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit)
                + " ROWS ONLY", AuditLogImpl::entry, 0, bound);
        return new Page<>(items, total, offset, limit);
    }

    private static void condition(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }

    @Override
    public List<AuditEntry> tail(int count) {
        List<AuditEntry> newestFirst = new ArrayList<>(jdbc.query("reading the audit trail", "SELECT " + COLUMNS + FROM
                + " ORDER BY e.ID DESC FETCH FIRST " + Math.max(1, count) + " ROWS ONLY", AuditLogImpl::entry, 0));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8));
        return new AuditEntry(rs.getLong(9), Instant.ofEpochMilli(rs.getLong(2)), event, rs.getString(10),
                rs.getString(11));
    }

    @Override
    public ChainVerification verifyChain() {
        IntegrityReport report = verifyIntegrity();
        return new ChainVerification(report.intact(), report.entriesChecked(), report.firstBroken(),
                report.problems().isEmpty() ? null : report.problems().get(0));
    }

    @Override
    public IntegrityReport verifyIntegrity() {
        try {
            // Everything committed is sealed first, and the head it reached is anchored: a checkpoint an auditor saw.
            sealer.seal(true, true, anchorEveryMillis);
            return new IntegrityVerifier(dataSource, keys, sealer.anchors(), sources).verify();
        } catch (SQLException e) {
            throw SqlErrors.unchecked("verifying the audit trail", e);
        }
    }

    @Override
    public String rotateKey(String actor) {
        try {
            String id = keys.rotate();
            record(new AuditEvent(actor, "audit.key-rotated", "integrity-key", "key", id, null));
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("the integrity key file could not be written: " + e.getMessage(), e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
