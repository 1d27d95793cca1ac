package org.civicdesk.request.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.junit.Test;

/** The intake actor of a channel is found again in the history: what the citizen sent through it, told apart. */
public class ChannelIntakeTest {
    @Test
    public void aChannelsIntakeIsFoundAgainFromItsActor() {
        Actor email = Channel.EMAIL.intakeActor();
        assertEquals("system:channel.email", email.username());
        assertTrue(email.isSystem());
        assertEquals(Optional.of(Channel.EMAIL), Channel.intakeOf(email.username()));
        assertEquals(Optional.of(new Channel("sms-gateway")), Channel.intakeOf("system:channel.sms-gateway"));
    }

    @Test
    public void peopleAndOtherComponentsAreNoChannel() {
        assertEquals(Optional.empty(), Channel.intakeOf("ana.popescu"));
        assertEquals(Optional.empty(), Channel.intakeOf("system:notification"));
        assertEquals(Optional.empty(), Channel.intakeOf("system:channel."));
        assertEquals(Optional.empty(), Channel.intakeOf("system:channel.Email"));
        assertEquals(Optional.empty(), Channel.intakeOf("channel.email"));
        assertEquals(Optional.empty(), Channel.intakeOf(null));
    }

    @Test
    public void aReplyIsAChangeOfItsOwnKindCarryingTheText() {
        RequestChange reply = RequestChange.reply("Bună ziua,\nrevenim joi.");
        assertEquals(EventKind.REPLIED, reply.kind());
        assertEquals("Bună ziua,\nrevenim joi.", reply.comment());
    }
}
