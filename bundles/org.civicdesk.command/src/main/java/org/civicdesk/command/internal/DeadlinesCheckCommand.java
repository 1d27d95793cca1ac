package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicdesk.request.api.DeadlineCheck;

@Service
@Command(scope = "civicdesk", name = "deadlines-check",
        description = "Checks the open requests' deadlines now (warnings, escalation levels 1 and 2), as the escalation "
                + "job does every intervalSeconds of etc/org.civicdesk.escalation.cfg")
public class DeadlinesCheckCommand implements Action {
    @Reference
    DeadlineCheck deadlines;

    @Override
    public Object execute() {
        long started = System.nanoTime();
        int steps = deadlines.runNow();
        System.out.println("Deadlines checked in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + steps
                + " escalation steps taken");
        return null;
    }
}
