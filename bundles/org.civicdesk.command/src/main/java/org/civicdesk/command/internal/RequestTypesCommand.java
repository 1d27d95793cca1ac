package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;

@Service
@Command(scope = "civicdesk", name = "request-types",
        description = "Lists the request types (configured in etc/org.civicdesk.request.type-*.cfg)")
public class RequestTypesCommand implements Action {
    @Reference
    Session session;
    @Reference
    RequestTypeCatalog types;

    @Override
    public Object execute() {
        ShellText text = ShellText.of(session, getClass());
        ShellTable table = new ShellTable();
        table.column(text.say("column.code"));
        table.column(text.say("column.nameRo"));
        table.column(text.say("column.nameEn"));
        table.column(text.say("column.department"));
        table.column(text.say("column.sla"));
        table.column(text.say("column.statuses"));
        for (RequestType t : types.list()) {
            table.addRow().addContent(t.code(), t.name("ro"), t.name("en"), t.department(), t.slaDays(),
                    String.join(" ", t.statuses()));
        }
        table.print(System.out);
        return null;
    }
}
