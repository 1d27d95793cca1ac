package org.civicdesk.command.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.audit.api.AuditEntry;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.ChainVerification;
import org.civicdesk.audit.api.IntegrityReport;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffDirectory;

/** Audit trail commands (R18, R19). */
public final class AuditCommands {
    private AuditCommands() {
    }

    @Service
    @Command(scope = "civicdesk", name = "audit-verify",
            description = "Recomputes the audit trail's hash chain and reports the first broken entry")
    public static class Verify implements Action {
        @Reference
        Session session;
        @Reference
        AuditLog audit;
        @Reference
        StaffDirectory staff;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            requireAdmin(staff);
            ChainVerification v = audit.verifyChain();
            if (v.intact()) {
                System.out.println(text.say("audit.intact", v.entriesChecked()));
            } else {
                System.out.println(text.say("audit.broken", v.firstBroken(), v.problem(), v.entriesChecked()));
            }
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "integrity-verify",
            description = "Checks the audit trail's keyed chain, its anchors outside the database, and every record "
                    + "it vouches for (request history, interactions); reports what was altered, removed or added")
    public static class IntegrityVerify implements Action {
        @Reference
        Session session;
        @Reference
        AuditLog audit;
        @Reference
        StaffDirectory staff;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            requireAdmin(staff);
            IntegrityReport r = audit.verifyIntegrity();
            String counts = text.say("integrity.counts", r.entriesChecked(), r.recordsChecked(), r.anchorsChecked());
            if (r.intact()) {
                System.out.println(text.say("integrity.verified", counts));
            } else {
                System.out.println(r.firstBroken() > 0 ? text.say("integrity.brokenAt", r.firstBroken(), counts)
                        : text.say("integrity.broken", counts));
                r.problems().forEach(p -> System.out.println("  - " + p));
            }
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "integrity-rotate-key",
            description = "Makes a new integrity key current; entries already written keep (and are verified with) theirs")
    public static class RotateKey implements Action {
        @Reference
        Session session;
        @Reference
        AuditLog audit;
        @Reference
        StaffDirectory staff;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            requireAdmin(staff);
            System.out.println(text.say("integrity.keyCurrent", audit.rotateKey(ShellActor.current(staff).username())));
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "audit-tail", description = "Shows the latest audit entries")
    public static class Tail implements Action {
        @Reference
        Session session;
        @Reference
        AuditLog audit;
        @Reference
        StaffDirectory staff;

        @Option(name = "-n", description = "How many entries (default 20)")
        int count = 20;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            requireAdmin(staff);
            ShellTable table = new ShellTable();
            table.column("#");
            table.column(text.say("column.time"));
            table.column(text.say("column.actor"));
            table.column(text.say("column.action"));
            table.column(text.say("column.info"));
            table.column(text.say("column.subject"));
            table.column(text.say("column.remarks"));
            for (AuditEntry e : audit.tail(count)) {
                table.addRow().addContent(e.sequence(), Tables.time(e.time()), e.event().actor(), e.event().action(),
                        Tables.nvl(e.event().infoKind()),
                        e.event().subjectType() == null ? "" : e.event().subjectType() + ":" + Tables.nvl(e.event().subjectId()),
                        Tables.shorten(e.event().remarks(), 40));
            }
            table.print(System.out);
            return null;
        }
    }

    static void requireAdmin(StaffDirectory staff) {
        if (!ShellActor.current(staff).has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator reads the audit trail");
        }
    }
}
