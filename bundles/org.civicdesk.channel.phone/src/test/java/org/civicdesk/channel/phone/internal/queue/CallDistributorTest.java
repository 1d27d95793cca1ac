package org.civicdesk.channel.phone.internal.queue;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Test;

public class CallDistributorTest {
    private final List<Agent> changes = new ArrayList<>();
    private final DataSource database = database();
    private final CallDistributor distributor = node(0);
    private final List<CallDistributor> nodes = new ArrayList<>(List.of(distributor));

    private static DataSource database() {
        try {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName(Files.createTempDirectory("queue").resolve("db").toString());
            derby.setCreateDatabase("create");
            return derby;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CivicDesk node's distributor on the shared database. */
    private CallDistributor node(int wrapUpSeconds) {
        try {
            return new CallDistributor(database, wrapUpSeconds, 120, a -> {
                synchronized (changes) {
                    changes.add(a);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @After
    public void close() {
        nodes.forEach(CallDistributor::close);
    }

    private void available(String user, String... skills) throws InterruptedException {
        distributor.setPresence(user, user + "-ext", Set.of(skills), Presence.AVAILABLE);
        Thread.sleep(5);
    }

    private String operatorOf(Waiting w) {
        Agent a = distributor.await(w, 0);
        return a == null ? null : a.username();
    }

    @Test
    public void theOperatorIdleLongestTakesTheCall() throws InterruptedException {
        available("ana", "ro", "general");
        available("bogdan", "ro", "general");
        Waiting first = distributor.enqueue("c1", Set.of("ro", "general"));
        assertEquals("ana", operatorOf(first));
        Waiting second = distributor.enqueue("c2", Set.of("ro", "general"));
        assertEquals("bogdan", operatorOf(second));
        assertTrue(distributor.callEnded("ana", "c1", 60));
        assertTrue(distributor.callEnded("bogdan", "c2", 60));
        assertFalse("ended once", distributor.callEnded("bogdan", "c2", 60));
        assertEquals("ana is idle since before bogdan", "ana", operatorOf(distributor.enqueue("c3", Set.of("ro", "general"))));
    }

    @Test
    public void aCallWaitsForAnOperatorWithEverySkillItNeeds() throws InterruptedException {
        available("ana", "ro", "general");
        Waiting english = distributor.enqueue("c1", Set.of("en", "general"));
        assertNull("ana speaks no English", operatorOf(english));
        assertEquals(1, distributor.position(english));
        assertFalse(distributor.anyoneFor(Set.of("en", "general")));
        available("emma", "en", "general");
        assertEquals("emma", operatorOf(english));
        assertEquals("left the queue", 0, distributor.position(english));
    }

    @Test
    public void callersKeepTheirOrderAndHearTheirPlace() throws InterruptedException {
        distributor.setPresence("ana", "201", Set.of("ro", "general"), Presence.WRAP_UP);
        Waiting first = distributor.enqueue("c1", Set.of("ro", "general"));
        Waiting second = distributor.enqueue("c2", Set.of("ro", "general"));
        assertTrue("someone is at work for them", distributor.anyoneFor(Set.of("ro", "general")));
        assertEquals(1, distributor.position(first));
        assertEquals(2, distributor.position(second));
        assertEquals("two calls of the assumed 2 minutes, one operator", 4, distributor.estimatedMinutes(second));
        distributor.leave(first);
        assertEquals(1, distributor.position(second));
        available("ana", "ro", "general");
        assertEquals("ana", operatorOf(second));
    }

    @Test
    public void anOperatorOnABreakOrLoggedOutTakesNoCalls() throws InterruptedException {
        distributor.setPresence("ana", "201", Set.of("ro", "general"), Presence.BREAK);
        assertFalse(distributor.anyoneFor(Set.of("ro", "general")));
        Waiting call = distributor.enqueue("c1", Set.of("ro", "general"));
        assertNull(operatorOf(call));
        distributor.setPresence("ana", "201", Set.of("ro", "general"), Presence.LOGGED_OUT);
        assertNull(operatorOf(call));
    }

    @Test
    public void anOperatorWhoseCallerHungUpBeforeAnsweringIsFreeAgainAtOnce() throws InterruptedException {
        available("ana", "ro", "general");
        available("bogdan", "ro", "general");
        Waiting gone = distributor.enqueue("c1", Set.of("ro", "general"));
        assertEquals("ana", operatorOf(gone));
        distributor.unassign("ana", "c1");
        assertEquals(Presence.AVAILABLE, distributor.agent("ana").orElseThrow().presence());
        assertEquals("first in line again", "ana", operatorOf(distributor.enqueue("c2", Set.of("ro", "general"))));
    }

    @Test
    public void wrapUpLastsTheConfiguredTime() throws InterruptedException {
        CallDistributor slow = node(1);
        nodes.add(slow);
        slow.setPresence("ana", "201", Set.of("ro"), Presence.AVAILABLE);
        Waiting call = slow.enqueue("c1", Set.of("ro"));
        assertEquals("ana", slow.await(call, 0).username());
        slow.callEnded("ana", "c1", 30);
        assertEquals(Presence.WRAP_UP, slow.agent("ana").orElseThrow().presence());
        Waiting next = slow.enqueue("c2", Set.of("ro"));
        assertNull(slow.await(next, 0));
        // The scheduler's phone-queue job looks at the queue every second: the wrap-up ends at one of its runs.
        Agent after = null;
        for (int run = 0; run < 8 && after == null; run++) {
            Thread.sleep(500);
            slow.tick();
            after = slow.await(next, 0);
        }
        assertEquals("after the wrap-up", "ana", after == null ? null : after.username());
    }

    @Test
    public void aCallerWaitingOnOneNodeGetsAnOperatorWhoJoinsOnAnother() {
        CallDistributor other = node(0);
        nodes.add(other);
        Waiting call = distributor.enqueue("c1", Set.of("ro", "general"));
        assertEquals("the queue is shared", 1, other.waiting());
        other.setPresence("ana", "201", Set.of("ro", "general"), Presence.AVAILABLE);
        assertEquals("ana", distributor.await(call, 3).username());
        assertEquals(Presence.ON_CALL, distributor.agent("ana").orElseThrow().presence());
        assertEquals("c1", other.agent("ana").orElseThrow().callId());
    }

    @Test
    public void aCallerWhoLeftAfterAnOperatorWasChosenFreesTheOperator() {
        CallDistributor other = node(0);
        nodes.add(other);
        Waiting call = distributor.enqueue("c1", Set.of("ro"));
        other.setPresence("ana", "201", Set.of("ro"), Presence.AVAILABLE);
        assertEquals("chosen on the other node", Optional.of("ana"), distributor.leave(call));
        distributor.unassign("ana", "c1");
        assertEquals(Presence.AVAILABLE, other.agent("ana").orElseThrow().presence());
    }
}
