package org.civicdesk.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.UpdateSummaryEnum;

/**
 * Brings the tables a bundle owns to the layout its code expects, with the Liquibase changelog the
 * bundle ships: one changelog per owning bundle ({@code db/changelog/<bundle>.xml} in its resources,
 * including one file per release), applied when the bundle's components start, before they touch a
 * table. Changesets run once per database; each records itself in the shared
 * {@code DATABASECHANGELOG} under its own file, so bundles migrate independently.
 *
 * <p>A changelog may include {@value #SHARED_CHANGELOG} (found in this bundle): the function the
 * append-only triggers call.
 *
 * <p>Liquibase finds its own plug-ins (database dialects, change types, parsers) with
 * {@link java.util.ServiceLoader} on the scope's or the thread's class loader, which in OSGi see
 * nothing of Liquibase's bundle: both are set to Liquibase's own class loader while it runs. One
 * migration runs at a time in this JVM (Liquibase keeps process-wide state, and its lock in the
 * database would make a second bundle poll for it); nodes sharing a database wait on that lock.
 */
public final class SchemaMigrations {
    /** The changelog shared by every owning bundle, in this bundle's resources. */
    public static final String SHARED_CHANGELOG = "db/changelog/org.civicdesk.persistence.xml";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    /** One migration at a time in this JVM: Liquibase resets its lock services globally after each. */
    private static final Object ONE_AT_A_TIME = new Object();
    /**
     * The changelogs this JVM has brought each database to, by the class loader of the bundle revision that ships them:
     * a bundle's components each ask at their start, and only the first needs Liquibase. An updated or refreshed
     * bundle has another class loader, and migrates. Guarded by {@link #ONE_AT_A_TIME}.
     */
    private static final Map<DataSource, Map<ClassLoader, Set<String>>> APPLIED = new WeakHashMap<>();
    /** Seconds between checks of another node's lock (Liquibase's default: 10). */
    private static final long LOCK_POLL_SECONDS = 1;

    private SchemaMigrations() {
    }

    /**
     * Applies the owning bundle's changelog, {@code db/changelog/<bundle>.xml} in its resources: the
     * bundle named, as every CivicDesk bundle is, after its root package, the package of {@code owner}
     * without its {@code .internal} part. For a component's constructor, before it touches a table.
     *
     * @throws IllegalStateException as {@link #update(DataSource, Class, String)}
     */
    public static void update(DataSource dataSource, Class<?> owner) {
        update(dataSource, owner, changelogOf(owner));
    }

    /** {@code db/changelog/<root package>.xml} for a class of a bundle whose root package is its name. */
    static String changelogOf(Class<?> owner) {
        String bundle = owner.getPackageName();
        int internal = bundle.indexOf(".internal");
        return "db/changelog/" + (internal < 0 ? bundle : bundle.substring(0, internal)) + ".xml";
    }

    /**
     * Applies the changesets of {@code changelog}, a resource of {@code owner}'s bundle, that have not
     * run on this database yet. Returns once the schema is up to date.
     *
     * @throws IllegalStateException when a changeset fails (it is rolled back where the database can)
     *     or another node holds the lock for longer than Liquibase waits (5 minutes)
     */
    public static void update(DataSource dataSource, Class<?> owner, String changelog) {
        synchronized (ONE_AT_A_TIME) {
            Set<String> applied = APPLIED.computeIfAbsent(dataSource, d -> new WeakHashMap<>())
                    .computeIfAbsent(owner.getClassLoader(), l -> new HashSet<>());
            if (applied.contains(changelog)) {
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            ClassLoader liquibase = Scope.class.getClassLoader();
            thread.setContextClassLoader(liquibase);
            long started = System.nanoTime();
            try (Connection c = dataSource.getConnection()) {
                int[] ran;
                try {
                    ran = run(c, owner, changelog, liquibase);
                    endTransaction(c, true);
                } catch (Exception e) {
                    endTransaction(c, false);
                    throw e;
                }
                if (ran[0] + ran[1] > 0) {
                    LOG.info("Schema of {}: {} changesets applied, {} found already in place, in {} ms", changelog, ran[0],
                            ran[1], (System.nanoTime() - started) / 1_000_000);
                }
                applied.add(changelog);
            } catch (Exception e) {
                throw new IllegalStateException("cannot bring the database to the schema of " + changelog + ": "
                        + e.getMessage(), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /**
     * Runs Liquibase's update of {@code changelog} on the connection; returns how many changesets ran and
     * how many were marked ran because what they make was there (a database of a release before Liquibase).
     */
    private static int[] run(Connection c, Class<?> owner, String changelog, ClassLoader liquibase) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.classLoader.name(), liquibase);
        scope.put(Scope.Attr.resourceAccessor.name(), new CompositeResourceAccessor(
                new ClassLoaderResourceAccessor(owner.getClassLoader()),
                new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader())));
        // Its messages go to the log, not to the console of whoever started Karaf.
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // A city's server sends nothing to Liquibase's servers (and waits for no unreachable host).
        scope.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
        scope.put(GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), LOCK_POLL_SECONDS);
        int[] ran = new int[2];
        Scope.child(scope, () -> {
            Database database = database(new JdbcConnection(c));
            releaseLockLeftByDeadJvm(database, c);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, new AbstractChangeExecListener() {
                        @Override
                        public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database db, ChangeSet.ExecType type) {
                            ran[type == ChangeSet.ExecType.MARK_RAN ? 1 : 0]++;
                        }
                    })
                    .execute();
        });
        return ran;
    }

    private static Database database(JdbcConnection c) throws Exception {
        if (new DerbyDatabase().isCorrectDatabaseImplementation(c)) {
            Database derby = new DerbyMetadata();
            derby.setConnection(c);
            return derby;
        }
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(c);
    }

    /**
     * Derby as Liquibase knows it, but for the patterns it looks tables up with in the JDBC metadata:
     * Liquibase 4.33 escapes each {@code _} with {@code \}, which Derby's metadata does not take as an
     * escape, so every table whose name has a {@code _} looked absent (and {@code tableExists} was
     * false for each of ours). Unescaped, {@code _} matches any character; Liquibase keeps only exact names.
     */
    static final class DerbyMetadata extends DerbyDatabase {
        @Override
        public String escapeForLike(String string) {
            return string;
        }
    }

    /** Liquibase leaves the connection out of autocommit, its last statements in a transaction. */
    private static void endTransaction(Connection c, boolean commit) throws SQLException {
        if (!c.getAutoCommit()) {
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            c.setAutoCommit(true);
        }
    }

    /**
     * Only the JVM that opened an embedded Derby database can use it, and here one migration runs at
     * a time: a lock found taken was left by a JVM that died while migrating, and would otherwise
     * stop every start for good. A shared database's lock is left alone: another node may hold it.
     */
    private static void releaseLockLeftByDeadJvm(Database database, Connection c) throws Exception {
        String url = c.getMetaData().getURL();
        if (database instanceof DerbyDatabase && url != null && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:derby://")) {
            var locks = LockServiceFactory.getInstance().getLockService(database);
            for (var lock : locks.listLocks()) {
                LOG.warn("Releasing the schema lock taken by {} at {}: that JVM stopped during a migration",
                        lock.getLockedBy(), lock.getLockGranted());
                locks.forceReleaseLock();
            }
        }
    }
}
