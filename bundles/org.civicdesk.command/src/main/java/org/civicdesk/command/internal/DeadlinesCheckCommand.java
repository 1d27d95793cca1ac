package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.request.api.DeadlineCheck;

@Service
@Command(scope = "civicdesk", name = "deadlines-check",
        description = "Checks the open requests' deadlines now (warnings, escalation levels 1 and 2), as the escalation "
                + "job does every intervalSeconds of etc/org.civicdesk.escalation.cfg")
public class DeadlinesCheckCommand implements Action {
    @Reference
    Session session;
    @Reference
    DeadlineCheck deadlines;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        long started = System.nanoTime();
        int steps = deadlines.runNow();
        System.out.println(text.say("deadlines.checked", (System.nanoTime() - started) / 1_000_000, steps));
        return null;
    }
}
