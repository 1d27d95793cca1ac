package org.civicdesk.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * Runs the units of work of many threads in shared transactions: one durable commit for all the
 * work waiting, where each would otherwise hold a contended lock (a gapless counter's row)
 * through a commit of its own. No thread of its own: a caller whose work is not done yet
 * becomes the leader, runs every unit of work waiting (its own among them) in one transaction
 * and commits; the others wait until the leader wakes them and return with their results. A batch that fails
 * is run again one unit at a time, so a failure reaches only the caller whose work failed.
 *
 * <p>Units of work are plain JDBC on the transaction's connection: what runs serialised must
 * cost little. A unit of work may run twice (once in a failed batch, once alone): it must leave
 * nothing behind outside the transaction before it commits.
 */
public final class GroupCommit {
    private final Jdbc jdbc;
    private final String what;
    private final int maxBatch;
    private final int conflictAttempts;
    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param what             what the units of work do, for error messages
     * @param maxBatch         the most units of work in one transaction
     * @param conflictAttempts how often a unit of work run alone is tried again after a unique
     *                         constraint failed (another node took the same key first), a lock wait
     *                         timed out or it was a deadlock's victim
     */
    public GroupCommit(DataSource dataSource, String what, int maxBatch, int conflictAttempts) {
        this.jdbc = new Jdbc(dataSource);
        this.what = what;
        this.maxBatch = maxBatch;
        this.conflictAttempts = conflictAttempts;
    }

    private static final class Pending<T> {
        final Jdbc.Work<T> work;
        final Thread caller = Thread.currentThread();
        T result;
        RuntimeException failure;
        /** Written last by the leader: whoever sees it set sees the result or the failure. */
        volatile boolean done;

        Pending(Jdbc.Work<T> work) {
            this.work = work;
        }
    }

    /**
     * Runs {@code work} in a transaction shared with the work of other callers, and returns once it committed.
     *
     * <p>A caller whose work a leader committed is woken by that leader and returns at once: it does not queue for the
     * lock behind the next batch. A leader leaving wakes the oldest caller still waiting, to lead in turn; a caller
     * that failed to become leader did so while a leader held the lock, and that leader wakes someone as it leaves, so
     * no work is left waiting without a leader.
     */
    public <T> T call(Jdbc.Work<T> work) {
        Pending<T> mine = new Pending<>(work);
        waiting.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (leader.tryLock()) {
                try {
                    while (!mine.done) {
                        runBatch();
                    }
                } finally {
                    leader.unlock();
                }
                Pending<?> next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.park(this);
                // An interrupt does not end the wait (the lock's did not either): the work is under way. It is kept.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Takes what is waiting (in order) and commits it together; called by the leader only. */
    private void runBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        while (batch.size() < maxBatch) {
            Pending<?> next = waiting.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > 1) {
            try {
                List<Object> results = jdbc.inTransaction(c -> {
                    List<Object> values = new ArrayList<>(batch.size());
                    for (Pending<?> p : batch) {
                        values.add(p.work.run(c));
                    }
                    return values;
                });
                for (int i = 0; i < batch.size(); i++) {
                    complete(batch.get(i), results.get(i));
                }
                return;
            } catch (SQLException | RuntimeException e) {
                // One of them failed: each alone now, so that only its caller hears of it.
            }
        }
        for (Pending<?> p : batch) {
            try {
                complete(p, alone(p.work));
            } catch (RuntimeException e) {
                p.failure = e;
                p.done = true;
                LockSupport.unpark(p.caller);
            }
        }
    }

    /**
     * One unit of work in a transaction of its own, again after a unique constraint failed (another node took the key)
     * or the database gave up a lock wait or chose it as a deadlock's victim (rolled back, nothing of it written).
     */
    private <T> T alone(Jdbc.Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return jdbc.inTransaction(work);
            } catch (SQLException e) {
                if (attempt >= conflictAttempts || !(SqlErrors.isUniqueViolation(e) || SqlErrors.isTransientLockFailure(e))) {
                    throw SqlErrors.unchecked(what, e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result) {
        p.result = (T) result;
        p.done = true;
        LockSupport.unpark(p.caller);
    }
}
