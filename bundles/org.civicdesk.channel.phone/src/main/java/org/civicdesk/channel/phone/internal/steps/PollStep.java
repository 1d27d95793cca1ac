package org.civicdesk.channel.phone.internal.steps;

import java.time.Instant;
import java.util.List;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.engagement.api.Poll;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.request.api.Channel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The robot's poll option, offered while a poll is open: the identified caller hears each open
 * poll's question and answers by keypad, once per citizen whatever the channel (the portal counts
 * the same vote).
 */
@Component(service = RobotStep.class, property = {RobotStep.ID + "=poll", RobotStep.ORDER + ":Integer=50",
    RobotStep.KEY + "=5"})
public class PollStep extends AbstractRobotStep {
    private final Polls polls;

    @Activate
    public PollStep(@Reference Polls polls) {
        super("poll.properties");
        this.polls = polls;
    }

    @Override
    public boolean needsIdentifiedCaller() {
        return true;
    }

    @Override
    public boolean isOffered() {
        return !openPolls().isEmpty();
    }

    private List<Poll> openPolls() {
        Instant now = Instant.now();
        return polls.list().stream().filter(poll -> poll.isOpenAt(now)).toList();
    }

    @Override
    public Next run(RobotCall call) throws CallEndedException {
        List<Poll> open = openPolls();
        if (open.isEmpty()) {
            call.say("pollNone");
            return Next.MENU;
        }
        Citizen citizen = call.citizen().orElseThrow();
        for (Poll poll : open) {
            if (polls.hasVoted(citizen, poll.id())) {
                call.say("pollAlready");
                continue;
            }
            List<Poll.Option> options = poll.options();
            int index = call.choose(poll.question(call.language()), options.stream().map(o -> o.name(call.language()))
                    .toList());
            if (index < 0) {
                continue;
            }
            try {
                polls.vote(citizen, poll.id(), options.get(index).key(), Channel.PHONE.id());
                call.log("voted");
                call.say("pollVoted");
            } catch (ConflictException already) {
                call.say("pollAlready");
            } catch (AccessDeniedException | NotFoundException refused) {
                call.say("pollRefused");
            }
        }
        return Next.MENU;
    }
}
