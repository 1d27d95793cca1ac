package org.civicdesk.command.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;

/** Tab completion for the ids the commands take. */
public final class Completers {
    private Completers() {
    }

    static int complete(List<String> values, Session session, CommandLine line, List<String> candidates) {
        return new StringsCompleter(values).complete(session, line, candidates);
    }

    @Service
    public static class StaffNames implements Completer {
        @Reference
        StaffDirectory staff;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(staff.list().stream().map(StaffAccount::username).toList(), session, line,
                    candidates);
        }
    }

    @Service
    public static class DepartmentCodes implements Completer {
        @Reference
        StaffDirectory staff;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(staff.departments().stream().map(Department::code).toList(), session, line,
                    candidates);
        }
    }

    @Service
    public static class RequestTypeCodes implements Completer {
        @Reference
        RequestTypeCatalog types;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(types.list().stream().map(RequestType::code).toList(), session, line, candidates);
        }
    }
}
