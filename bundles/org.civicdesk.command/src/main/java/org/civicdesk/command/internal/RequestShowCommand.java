package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
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
    Session session;
    @Reference
    RequestRegistry registry;
    @Reference
    StaffDirectory staff;

    @Argument(index = 0, name = "number", required = true, description = "Registration number, e.g. 2026/000123")
    String number;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        Actor actor = ShellActor.current(staff);
        RequestNumber n = RequestNumber.parse(number);
        ServiceRequest r = registry.get(actor, n);
        System.out.println(text.say("request.number", r.number(), r.trackingCode()));
        System.out.println(text.say("request.type", r.type(), r.department(), r.channel().id()));
        System.out.println(text.say("request.status", r.status()) + (r.overdue() ? text.say("request.overdue") : ""));
        System.out.println(text.say("request.assignee", Tables.nvl(r.assignee())));
        System.out.println(text.say("request.registered", Tables.time(r.registeredAt()), r.deadline().toString()));
        System.out.println(text.say("request.citizen", Tables.nvl(r.citizenId())));
        if (r.location() != null) {
            System.out.println(text.say("request.location", Tables.nvl(r.location().address())
                    + (r.location().lat() == null ? "" : " (" + r.location().lat() + ", " + r.location().lon() + ")")));
        }
        System.out.println(text.say("request.description", Tables.nvl(r.description())));
        ShellTable history = new ShellTable();
        history.column("#");
        history.column(text.say("column.time"));
        history.column(text.say("column.event"));
        history.column(text.say("column.by"));
        history.column(text.say("column.status"));
        history.column(text.say("column.assignee"));
        history.column(text.say("column.commentOrFile"));
        for (RequestEvent e : registry.history(actor, n)) {
            history.addRow().addContent(e.sequence(), Tables.time(e.time()), e.kind(), e.actor(), e.status(),
                    Tables.nvl(e.assignee()), Tables.shorten(e.attachmentName() != null ? e.attachmentName()
                            : e.comment(), 50));
        }
        history.print(System.out);
        return null;
    }
}
