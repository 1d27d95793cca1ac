package org.civicdesk.channel.phone.internal.steps;

import java.time.Instant;
import java.util.List;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.engagement.api.Announcement;
import org.civicdesk.engagement.api.Announcements;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The robot's announcements option: the city hall's announcements valid now, read in the caller's language. */
@Component(service = RobotStep.class, property = {RobotStep.ID + "=announcements", RobotStep.ORDER + ":Integer=40",
    RobotStep.KEY + "=4"})
public class AnnouncementsStep extends AbstractRobotStep {
    private final Announcements announcements;

    @Activate
    public AnnouncementsStep(@Reference Announcements announcements) {
        super("announcements.properties");
        this.announcements = announcements;
    }

    @Override
    public Next run(RobotCall call) throws CallEndedException {
        List<Announcement> current = announcements.current(Instant.now());
        if (current.isEmpty()) {
            call.say("announcementsNone");
            return Next.MENU;
        }
        for (Announcement a : current) {
            call.speak(a.text(call.language()));
        }
        return Next.MENU;
    }
}
