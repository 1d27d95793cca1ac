package org.civicdesk.audit.api;

import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

import org.civicdesk.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail. Entries are never changed or removed, and the database refuses
 * to do so. Each entry carries a keyed MAC (HMAC-SHA-256, the key kept outside the database),
 * and a sealer links the entries, in the order they committed, into a keyed chain whose head is
 * written regularly to signed anchors outside the database: an entry altered, removed or added
 * behind the application's back, or a chain cut short or rebuilt, is found by
 * {@link #verifyIntegrity()}.
 *
 * <p>A change and its audit entry commit together: the owner of the change passes its open
 * transaction's connection to {@link #record(Connection, AuditEvent, RecordDigest)}. A read of
 * citizen data is recorded with {@link #record(AuditEvent)}, durably, before the data is
 * returned; when that fails, the read fails.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an entry in a transaction of its own, committed before this returns. Safe to
     * call from many threads and nodes.
     *
     * @return the entry as stored; its {@link AuditEntry#sequence()} is 0 until it is sealed
     */
    AuditEntry record(AuditEvent event);

    /**
     * Appends an entry within the caller's open transaction on {@code transaction}: it is
     * committed or rolled back with the change it describes. The connection is neither
     * committed nor closed here.
     *
     * @param transaction the connection of the caller's transaction (auto-commit off)
     * @param event       what happened
     * @param written     the record the change wrote, to be checked against the database by
     *                    {@link #verifyIntegrity()}, or {@code null}
     * @throws IllegalStateException when the entry cannot be written (the caller's transaction
     *                               must then roll back)
     * @since 1.2
     */
    void record(Connection transaction, AuditEvent event, RecordDigest written);

    /**
     * Runs {@code work} so that the entries {@link #record(AuditEvent)} is given on this thread
     * meanwhile are written together, in one transaction committed before this returns: a view
     * assembled from several reads (the 360° view) costs one durable commit, not one per read.
     * Every entry is written as it would be alone, also when {@code work} fails. Calls nest: an
     * inner call joins the outer one, whose end writes them all.
     *
     * @return what {@code work} returned, once its entries are durable
     * @throws IllegalStateException when the entries cannot be written: the data must then not
     *                               be returned
     * @since 1.3
     */
    <T> T recordingTogether(Supplier<T> work);

    /**
     * Runs {@code work} like {@link #recordingTogether}, for a view whose one entry stands for the reads it is made of: the
     * reads {@code work} records meanwhile by the same staff member, of the view's subject or of no single subject (a
     * search), and of a kind the view's entry names, are not written on their own; the view's entry is. Any other entry
     * (another subject, another kind, another actor) is written as it would be alone. A view that shows nothing
     * ({@link Viewed#entry()} {@code null}) writes every read it made.
     *
     * @return what {@code work} showed, once its entries are durable
     * @throws IllegalStateException when the entries cannot be written: the data must then not be returned
     * @since 1.7
     */
    <T> T recordingAsOne(Supplier<Viewed<T>> work);

    /**
     * What a view showed, and the one entry that records it.
     *
     * @param shown what the view returns
     * @param entry the read the view is, naming in its {@link AuditEvent#infoKind()} every kind of data it shows (comma
     *              separated); {@code null} when it showed nothing
     * @since 1.7
     */
    record Viewed<T>(T shown, AuditEvent entry) {
    }

    /** Entries matching the query, newest first. */
    Page<AuditEntry> search(AuditQuery query, int offset, int limit);

    /** The last {@code count} sealed entries in chain order. */
    List<AuditEntry> tail(int count);

    /**
     * Checks the chain only: every sealed entry's MAC, the chain's links and sequence.
     *
     * @see #verifyIntegrity()
     */
    ChainVerification verifyChain();

    /**
     * Seals what has committed, then checks everything the trail vouches for: each entry's MAC,
     * the chain, the anchors written outside the database, every record an entry names
     * (through the {@link RecordSource}s installed) and every record without an entry.
     *
     * @since 1.2
     */
    IntegrityReport verifyIntegrity();

    /**
     * Makes a new integrity key current: what is written from now on carries it, what was
     * written keeps the key it was written with. Recorded in the trail.
     *
     * @param actor who asked for it
     * @return the new key's id
     * @since 1.2
     */
    String rotateKey(String actor);
}
