package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.core.api.Actor;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;

@Service
@Command(scope = "civicdesk", name = "request-show", description = "Shows a request and its full history")
public class RequestShowCommand implements Action {
    @Reference
    RequestRegistry registry;
    @Reference
    StaffDirectory staff;

    @Argument(index = 0, name = "number", required = true, description = "Registration number, e.g. 2026/000123")
    String number;

    @Override
    public Object execute() {
        Actor actor = ShellActor.current(staff);
        RequestNumber n = RequestNumber.parse(number);
        ServiceRequest r = registry.get(actor, n);
        System.out.println("Number:      " + r.number() + "   (tracking code " + r.trackingCode() + ")");
        System.out.println("Type:        " + r.type() + "   Department: " + r.department() + "   Channel: " + r.channel().id());
        System.out.println("Status:      " + r.status() + (r.overdue() ? "   OVERDUE" : ""));
        System.out.println("Assignee:    " + Tables.nvl(r.assignee()));
        System.out.println("Registered:  " + Tables.time(r.registeredAt()) + "   Deadline: " + r.deadline());
        System.out.println("Citizen id:  " + Tables.nvl(r.citizenId()));
        if (r.location() != null) {
            System.out.println("Location:    " + Tables.nvl(r.location().address())
                    + (r.location().lat() == null ? "" : " (" + r.location().lat() + ", " + r.location().lon() + ")"));
        }
        System.out.println("Description: " + r.description());
        ShellTable history = new ShellTable();
        history.column("#");
        history.column("Time");
        history.column("Event");
        history.column("By");
        history.column("Status");
        history.column("Assignee");
        history.column("Comment / attachment");
        for (RequestEvent e : registry.history(actor, n)) {
            history.addRow().addContent(e.sequence(), Tables.time(e.time()), e.kind(), e.actor(), e.status(),
                    Tables.nvl(e.assignee()), Tables.shorten(e.attachmentName() != null ? e.attachmentName()
                            : e.comment(), 50));
        }
        history.print(System.out);
        return null;
    }
}
