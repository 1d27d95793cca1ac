package org.civicdesk.audit.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEntry;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.AuditQuery;
import org.civicdesk.audit.api.ChainVerification;
import org.civicdesk.core.api.Page;
import org.civicdesk.persistence.AppendOnlyTables;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.persistence.SqlErrors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail on its own persistence unit. Appends are serialised inside this node by a
 * lock, which also lets the node remember the chain's head instead of reading it each time, and
 * across nodes by the primary key on the sequence: a node that loses the race re-reads the head
 * and tries again, so the chain never forks.
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {
    static final String TABLE = "CD_AUDIT_ENTRY";
    private static final int MAX_FIELD = 2000;
    private static final int VERIFY_BATCH = 1000;
    private static final int MAX_ATTEMPTS = 20;

    private final JpaTransactions tx;
    private final ReentrantLock appendLock = new ReentrantLock();
    /** The chain's last entry as this node knows it; guarded by {@link #appendLock}, null when unknown. */
    private long headSequence;
    private String headHash;

    @Activate
    public AuditLogImpl(@Reference(target = "(osgi.unit.name=civicdesk-audit)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) throws SQLException {
        this.tx = new JpaTransactions(emf);
        // The first query makes OpenJPA create the table; then the database is told to guard it.
        tx.read(em -> em.createQuery("SELECT COUNT(e) FROM AuditEntryEntity e").getSingleResult());
        AppendOnlyTables.protect(dataSource, TABLE);
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        AuditEvent bounded = new AuditEvent(cut(event.actor(), 100), cut(event.action(), 100),
                cut(event.infoKind(), 100), cut(event.subjectType(), 50), cut(event.subjectId(), 100),
                cut(event.remarks(), MAX_FIELD));
        appendLock.lock();
        try {
            for (int attempt = 1;; attempt++) {
                if (headHash == null) {
                    loadHead();
                }
                long sequence = headSequence + 1;
                String previous = headHash;
                try {
                    AuditEntry entry = tx.call(em -> insert(em, sequence, previous, bounded));
                    headSequence = entry.sequence();
                    headHash = entry.hash();
                    return entry;
                } catch (RuntimeException e) {
                    // Another node appended first (or the insert failed): re-read the head.
                    headHash = null;
                    if (attempt >= MAX_ATTEMPTS || !SqlErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        } finally {
            appendLock.unlock();
        }
    }

    /** Reads the chain's head from the database; called under the append lock. */
    private void loadHead() {
        List<AuditEntryEntity> head = tx.read(em -> em
                .createQuery("SELECT e FROM AuditEntryEntity e ORDER BY e.sequence DESC", AuditEntryEntity.class)
                .setMaxResults(1).getResultList());
        headSequence = head.isEmpty() ? 0 : head.get(0).getSequence();
        headHash = head.isEmpty() ? HashChain.GENESIS : head.get(0).getHash();
    }

    private static AuditEntry insert(EntityManager em, long sequence, String previous, AuditEvent event) {
        long now = System.currentTimeMillis();
        String hash = HashChain.hash(sequence, now, event, previous);
        AuditEntryEntity entity = new AuditEntryEntity(sequence, now, event.actor(), event.action(),
                event.infoKind(), event.subjectType(), event.subjectId(), event.remarks(), previous, hash);
        em.persist(entity);
        return toEntry(entity);
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query, int offset, int limit) {
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            condition(where, params, "e.actor = ?", query.actor());
            condition(where, params, "e.action = ?", query.action());
            condition(where, params, "e.subjectType = ?", query.subjectType());
            condition(where, params, "e.subjectId = ?", query.subjectId());
            condition(where, params, "e.occurredMillis >= ?", query.from() == null ? null : query.from().toEpochMilli());
            condition(where, params, "e.occurredMillis < ?", query.to() == null ? null : query.to().toEpochMilli());
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEntryEntity e" + where, Long.class);
            TypedQuery<AuditEntryEntity> rows = em.createQuery(
                    "SELECT e FROM AuditEntryEntity e" + where + " ORDER BY e.sequence DESC", AuditEntryEntity.class);
            for (int i = 0; i < params.size(); i++) {
                count.setParameter(i + 1, params.get(i));
                rows.setParameter(i + 1, params.get(i));
            }
            List<AuditEntry> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(AuditLogImpl::toEntry).toList();
            return new Page<>(items, count.getSingleResult(), offset, limit);
        });
    }

    private static void condition(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause.replace("?", "?" + (params.size() + 1)));
            params.add(value);
        }
    }

    @Override
    public List<AuditEntry> tail(int count) {
        List<AuditEntry> newestFirst = new ArrayList<>(tx.read(em -> em
                .createQuery("SELECT e FROM AuditEntryEntity e ORDER BY e.sequence DESC", AuditEntryEntity.class)
                .setMaxResults(count).getResultList().stream().map(AuditLogImpl::toEntry).toList()));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public ChainVerification verifyChain() {
        long checked = 0;
        long expectedSequence = 1;
        String previous = HashChain.GENESIS;
        while (true) {
            long from = expectedSequence;
            List<AuditEntryEntity> batch = tx.read(em -> em
                    .createQuery("SELECT e FROM AuditEntryEntity e WHERE e.sequence >= ?1 ORDER BY e.sequence",
                            AuditEntryEntity.class)
                    .setParameter(1, from).setMaxResults(VERIFY_BATCH).getResultList());
            if (batch.isEmpty()) {
                return new ChainVerification(true, checked, -1, null);
            }
            for (AuditEntryEntity e : batch) {
                checked++;
                if (e.getSequence() != expectedSequence) {
                    return new ChainVerification(false, checked, expectedSequence,
                            "entry " + expectedSequence + " is missing (next is " + e.getSequence() + ")");
                }
                if (!e.getPreviousHash().equals(previous)) {
                    return new ChainVerification(false, checked, e.getSequence(),
                            "previous-hash link does not match entry " + (e.getSequence() - 1));
                }
                String recomputed = HashChain.hash(e.getSequence(), e.getOccurredMillis(), toEvent(e), previous);
                if (!recomputed.equals(e.getHash())) {
                    return new ChainVerification(false, checked, e.getSequence(),
                            "content does not match its hash (altered after it was written)");
                }
                previous = e.getHash();
                expectedSequence++;
            }
        }
    }

    private static AuditEvent toEvent(AuditEntryEntity e) {
        return new AuditEvent(e.getActor(), e.getAction(), e.getInfoKind(), e.getSubjectType(), e.getSubjectId(),
                e.getRemarks());
    }

    private static AuditEntry toEntry(AuditEntryEntity e) {
        return new AuditEntry(e.getSequence(), Instant.ofEpochMilli(e.getOccurredMillis()), toEvent(e),
                e.getPreviousHash(), e.getHash());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
