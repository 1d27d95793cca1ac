package org.civicdesk.itests.step;

import java.util.List;
import java.util.Map;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.api.RobotStep;
import org.osgi.service.component.annotations.Component;

/**
 * A robot step from a bundle of its own, as a city hall would add one: the opening hours of two
 * offices, in sentences no script knows. The itests module builds this bundle (its main artifact)
 * and {@code PhoneIT} installs and uninstalls it while CivicDesk runs. It asks for no key: it gets
 * the first free one.
 */
@Component(service = RobotStep.class, property = {RobotStep.ID + "=hours", RobotStep.ORDER + ":Integer=60"})
public class OpeningHoursStep extends AbstractRobotStep {

    public OpeningHoursStep() {
        super("hours.properties");
    }

    @Override
    public Next run(RobotCall call) throws CallEndedException {
        int office = call.choose(call.text("which", Map.of()), List.of(call.text("registry", Map.of()),
                call.text("civil", Map.of())));
        if (office == 0) {
            call.say("registryHours");
        } else if (office == 1) {
            call.say("civilHours");
        }
        return Next.MENU;
    }
}
