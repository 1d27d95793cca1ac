package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;

@Service
@Command(scope = "civicdesk", name = "request-types",
        description = "Lists the request types (configured in etc/org.civicdesk.request.type-*.cfg)")
public class RequestTypesCommand implements Action {
    @Reference
    RequestTypeCatalog types;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name (ro)");
        table.column("Name (en)");
        table.column("Dept");
        table.column("SLA (working days)");
        table.column("Statuses");
        for (RequestType t : types.list()) {
            table.addRow().addContent(t.code(), t.name("ro"), t.name("en"), t.department(), t.slaDays(),
                    String.join(" ", t.statuses()));
        }
        table.print(System.out);
        return null;
    }
}
