package org.civicdesk.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * Runs the units of work of many threads in shared transactions: one durable commit for all the
 * work waiting, where each would otherwise hold a contended lock (a gapless counter's row)
 * through a commit of its own. No thread of its own: a caller whose work is not done yet
 * becomes the leader, runs every unit of work waiting (its own among them) in one transaction
 * and commits; the others wait on the leader and return with their results. A batch that fails
 * is run again one unit at a time, so a failure reaches only the caller whose work failed.
 *
 * <p>A unit of work may run twice (once in a failed batch, once alone): it must build its
 * entities inside, and leave nothing behind outside the transaction before it commits.
 */
public final class GroupCommit {
    private final JpaTransactions tx;
    private final int maxBatch;
    private final int conflictAttempts;
    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param maxBatch         the most units of work in one transaction
     * @param conflictAttempts how often a unit of work run alone is tried again after a unique
     *                         constraint failed (another node took the same key first)
     */
    public GroupCommit(JpaTransactions tx, int maxBatch, int conflictAttempts) {
        this.tx = tx;
        this.maxBatch = maxBatch;
        this.conflictAttempts = conflictAttempts;
    }

    private static final class Pending<T> {
        final Function<EntityManager, T> work;
        T result;
        RuntimeException failure;
        boolean done;

        Pending(Function<EntityManager, T> work) {
            this.work = work;
        }
    }

    /** Runs {@code work} in a transaction shared with the work of other callers, and returns once it committed. */
    public <T> T call(Function<EntityManager, T> work) {
        Pending<T> mine = new Pending<>(work);
        waiting.add(mine);
        leader.lock();
        try {
            // The lock orders everything the leader wrote before the fields are read here.
            while (!mine.done) {
                runBatch();
            }
        } finally {
            leader.unlock();
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
                List<Object> results = tx.call(em -> {
                    List<Object> values = new ArrayList<>(batch.size());
                    for (Pending<?> p : batch) {
                        values.add(p.work.apply(em));
                    }
                    return values;
                });
                for (int i = 0; i < batch.size(); i++) {
                    complete(batch.get(i), results.get(i));
                }
                return;
            } catch (RuntimeException e) {
                // One of them failed: each alone now, so that only its caller hears of it.
            }
        }
        for (Pending<?> p : batch) {
            try {
                complete(p, tx.callRetryingOnConflict(conflictAttempts, p.work));
            } catch (RuntimeException e) {
                p.failure = e;
                p.done = true;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result) {
        p.result = (T) result;
        p.done = true;
    }
}
