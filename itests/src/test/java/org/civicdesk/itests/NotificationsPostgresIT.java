package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What only PostgreSQL does for notifications, on a real server: a message another node is sending (its row locked) is
 * skipped, not waited for, and not sent twice; the rating table refuses TRUNCATE. The other notification tests are
 * database-agnostic and run on Derby ({@link NotificationsIT}); the core's run on both ({@link PostgresIT}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsPostgresIT extends NotificationsTestSupport {
    @Override
    protected Option[] extra() {
        return PostgresServer.distributionOptions("notifications");
    }

    @Test
    public void aMessageAnotherNodeHoldsIsSkippedNotWaitedForNorSentTwice() throws Exception {
        String held = mailbox("held");
        String free = mailbox("free");
        String heldNumber;
        String freeNumber;
        setProperty("enabled", "false");
        Thread.sleep(2000);
        try {
            heldNumber = file(newCitizen(held), "Groapă pe Str. Mărășești").get("number").asText();
            freeNumber = file(newCitizen(free), "Groapă pe Str. Ștefăniță Vodă").get("number").asText();
            try (Connection c = dataSource().getConnection()) {
                assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
                c.setAutoCommit(false);
                // Another node's worker in the middle of sending the first message: its row is locked before sending
                // starts here, so that this node cannot have sent it first.
                try (PreparedStatement lock = c.prepareStatement("SELECT ID FROM CD_NOTIFICATION WHERE REQUEST_NUMBER = ? "
                        + "FOR UPDATE")) {
                    lock.setString(1, heldNumber);
                    lock.executeQuery().close();
                }
                setProperty("enabled", "true");
                MailClient.awaitMessages(free, 1);
                Thread.sleep(2000);
                assertEquals("the locked message is left to the node that holds it", 0, MailClient.messagesOf(held).size());
                JsonNode untouched = notifications("operator", heldNumber).get(0);
                assertEquals(0, untouched.get("attemptCount").asInt());
                c.commit();
            }
        } finally {
            setProperty("enabled", "true");
        }
        MailClient.awaitMessages(held, 1);
        assertEquals(1, awaitNotification(freeNumber, n -> "sent".equalsIgnoreCase(n.get("state").asText()))
                .get("attemptCount").asInt());
    }

    @Test
    public void theRatingTableCannotBeTruncated() throws Exception {
        assertRefused("TRUNCATE CD_REQUEST_RATING");
    }
}
