package org.civicdesk.notification.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.notification.api.Notification;
import org.civicdesk.notification.api.NotificationState;
import org.civicdesk.notification.api.RecipientKind;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.junit.Before;
import org.junit.Test;

/** The outbox's tables on Derby, made by the bundle's changelog: queue, claim, retry, sent. */
public class OutboxTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private Jdbc jdbc;

    @Before
    public void database() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:outbox" + DATABASES.incrementAndGet());
        derby.setCreateDatabase("create");
        SchemaMigrations.update(derby, NotificationSender.class);
        jdbc = new Jdbc(derby);
    }

    private static Outbox.Row row(String number, int sequence, long queued) {
        return new Outbox.Row(0, number, sequence, RecipientKind.CONTACT, null, null, "ion@example.ro", Outbox.EMAIL,
                NotificationQueue.ACKNOWLEDGEMENT, "ro", "pothole", "registered", null, "2026-12-17", "ABCDEFGH23",
                NotificationState.QUEUED, 0, null, queued, null, null);
    }

    @Test
    public void aFailedAttemptIsKeptAndTheMessageWaitsItsTurnThenIsSentOnce() throws Exception {
        jdbc.inTransaction(c -> {
            Outbox.queue(c, row("2026/000001", 1, 1000));
            return null;
        });
        Outbox.Row claimed = jdbc.inTransaction(c -> Outbox.claimNext(c, 1000)).orElseThrow();
        jdbc.inTransaction(c -> {
            Outbox.attempted(c, claimed, 2000, false, "MailConnectException: connection refused", 62_000L);
            return null;
        });
        assertTrue("not due before its wait is over", jdbc.inTransaction(c -> Outbox.claimNext(c, 61_999)).isEmpty());
        Outbox.Row again = jdbc.inTransaction(c -> Outbox.claimNext(c, 62_000)).orElseThrow();
        assertEquals(1, again.attempts());
        jdbc.inTransaction(c -> {
            Outbox.attempted(c, again, 63_000, true, null, null);
            return null;
        });
        assertTrue("sent: never claimed again", jdbc.inTransaction(c -> Outbox.claimNext(c, Long.MAX_VALUE)).isEmpty());
        List<Notification> seen = jdbc.inTransaction(c -> Outbox.ofRequest(c, "2026/000001"));
        assertEquals(1, seen.size());
        Notification n = seen.get(0);
        assertEquals(NotificationState.SENT, n.state());
        assertEquals(2, n.attemptCount());
        assertEquals(63_000, n.sentAt().toEpochMilli());
        assertNull(n.nextAttemptAt());
        assertEquals("the failure stays the last reason seen", "MailConnectException: connection refused", n.lastError());
        assertFalse(n.attempts().get(0).delivered());
        assertEquals("MailConnectException: connection refused", n.attempts().get(0).reason());
        assertTrue(n.attempts().get(1).delivered());
    }

    @Test
    public void aMessageGivenUpIsFailedAndNoLongerDue() throws Exception {
        jdbc.inTransaction(c -> {
            Outbox.queue(c, row("2026/000002", 1, 1000));
            return null;
        });
        Outbox.Row claimed = jdbc.inTransaction(c -> Outbox.claimNext(c, 1000)).orElseThrow();
        jdbc.inTransaction(c -> {
            Outbox.attempted(c, claimed, 2000, false, "no e-mail address", null);
            return null;
        });
        assertTrue(jdbc.inTransaction(c -> Outbox.claimNext(c, Long.MAX_VALUE)).isEmpty());
        Notification n = jdbc.inTransaction(c -> Outbox.ofRequest(c, "2026/000002")).get(0);
        assertEquals(NotificationState.FAILED, n.state());
        assertEquals("no e-mail address", n.lastError());
    }

    @Test
    public void anEventIsAnnouncedOnceHoweverOftenItIsTold() throws Exception {
        jdbc.inTransaction(c -> {
            Outbox.queue(c, row("2026/000003", 1, 1000));
            return null;
        });
        try {
            jdbc.inTransaction(c -> {
                Outbox.queue(c, row("2026/000003", 1, 1000));
                return null;
            });
            throw new AssertionError("the same event and template queued twice");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getSQLState(), expected.getSQLState().startsWith("23"));
        }
    }

    @Test
    public void aRowQueuedInATransactionThatRollsBackIsNotThere() throws Exception {
        try {
            jdbc.inTransaction(c -> {
                Outbox.queue(c, row("2026/000004", 1, 1000));
                throw new IllegalStateException("the event failed");
            });
        } catch (IllegalStateException expected) {
            // the event's transaction rolled back
        }
        assertTrue(jdbc.inTransaction((Connection c) -> Outbox.ofRequest(c, "2026/000004")).isEmpty());
    }
}
