package org.civicdesk.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Runs work in one resource-local transaction on a fresh {@link EntityManager}.
 *
 * <p>Aries JPA does not register a {@code JpaTemplate} for OpenJPA resource-local units (its
 * {@code EntityManagerFactory.getProperties()} fails), so the owning bundles take the
 * {@code EntityManagerFactory} service and demarcate transactions with this class.
 */
public final class JpaTransactions {
    private final EntityManagerFactory emf;

    public JpaTransactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs {@code work} in a transaction that commits when it returns and rolls back when it throws. */
    public <T> T call(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Like {@link #call(Function)} for work without a result. */
    public void run(Consumer<EntityManager> work) {
        call(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction, and again in a new one when it failed on a unique
     * constraint (another node or thread took the same key first), up to {@code attempts} times.
     */
    public <T> T callRetryingOnConflict(int attempts, Function<EntityManager, T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return call(work);
            } catch (RuntimeException e) {
                if (attempt >= attempts || !SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs {@code work} on the JDBC connection of {@code em}'s open transaction, once what
     * {@code em} holds is flushed: its statements commit or roll back with the transaction (an
     * audit entry with the change it describes).
     */
    public static void onConnection(EntityManager em, Consumer<Connection> work) {
        em.flush();
        // Closing gives the connection back to the entity manager, which keeps it to the commit.
        try (Connection c = em.unwrap(Connection.class)) {
            work.accept(c);
        } catch (SQLException e) {
            throw SqlErrors.unchecked("returning the transaction's connection", e);
        }
    }

    /** Opens a read-only unit of work (no transaction), closed after {@code work} returns. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
