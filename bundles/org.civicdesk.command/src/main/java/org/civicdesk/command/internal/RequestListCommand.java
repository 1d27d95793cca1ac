package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.Page;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;

@Service
@Command(scope = "civicdesk", name = "request-list", description = "Lists requests, overdue first, then the newest")
public class RequestListCommand implements Action {
    @Reference
    Session session;
    @Reference
    RequestRegistry registry;
    @Reference
    StaffDirectory staff;

    @Option(name = "--status", description = "Only this status")
    String status;
    @Option(name = "--type", description = "Only this request type code")
    @Completion(Completers.RequestTypeCodes.class)
    String type;
    @Option(name = "--department", description = "Only this department code")
    @Completion(Completers.DepartmentCodes.class)
    String department;
    @Option(name = "--assignee", description = "Only requests assigned to this user")
    @Completion(Completers.StaffNames.class)
    String assignee;
    @Option(name = "--channel", description = "phone, web, email or desk")
    String channel;
    @Option(name = "--overdue", description = "Only overdue requests")
    boolean overdue;
    @Option(name = "--text", aliases = "-q", description = "Free text in description, address or number")
    String text;
    @Option(name = "--limit", aliases = "-n", description = "How many (default 50)")
    int limit = 50;
    @Option(name = "--offset", description = "Skip this many")
    int offset;

    @Override
    public Object execute() {
        ShellText says = ShellText.of(session, getClass());
        Page<ServiceRequest> page = registry.search(ShellActor.current(staff), new RequestQuery(status, type, department,
                assignee, channel == null ? null : Channel.parse(channel), null, overdue ? Boolean.TRUE : null, text,
                null, null), offset, limit);
        ShellTable table = new ShellTable();
        table.column(says.say("column.number"));
        table.column(says.say("column.type"));
        table.column(says.say("column.channel"));
        table.column(says.say("column.department"));
        table.column(says.say("column.status"));
        table.column(says.say("column.assignee"));
        table.column(says.say("column.registered"));
        table.column(says.say("column.deadline"));
        table.column(says.say("column.overdue"));
        table.column(says.say("column.description"));
        for (ServiceRequest r : page.items()) {
            table.addRow().addContent(r.number(), r.type(), r.channel().id(), r.department(), r.status(),
                    Tables.nvl(r.assignee()), Tables.time(r.registeredAt()), r.deadline(), r.overdue() ? says.say("yes") : "",
                    Tables.shorten(r.description(), 40));
        }
        table.print(System.out);
        System.out.println(says.say("requests.shown", page.items().size(), page.total()));
        return null;
    }
}
