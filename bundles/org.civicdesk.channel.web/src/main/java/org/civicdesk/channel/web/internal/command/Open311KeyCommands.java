package org.civicdesk.channel.web.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.channel.web.internal.ApiKeys;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.identity.api.StaffDirectory;

/** The shell commands that issue, list and revoke Open311 API keys (administrators only). */
public final class Open311KeyCommands {
    private Open311KeyCommands() {
    }

    /** What every key command works with: the keys, and the staff directory that says who runs the command. */
    abstract static class KeyCommand implements Action {
        @Reference
        ApiKeys keys;
        @Reference
        StaffDirectory staff;
        @Reference
        Session session;

        /** What the command says, in the session's language. */
        ShellText text() {
            return ShellText.of(session, Open311KeyCommands.class);
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "open311-key-issue",
            description = "Issues an Open311 API key to a named client; the key is shown once, only now")
    public static class Issue extends KeyCommand {
        @Argument(index = 0, name = "client", required = true, description = "Who the key is for, e.g. \"FixMyStreet app\"")
        String client;

        @Override
        public Object execute() {
            ApiKeys.Issued issued = keys.issue(ShellActor.current(staff), client);
            ShellText text = text();
            System.out.println(text.say("key.issued", issued.id(), client, issued.key()));
            System.out.println(text.say("key.showOnce"));
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "open311-key-list",
            description = "Lists the Open311 API keys (never the keys themselves)")
    public static class ListKeys extends KeyCommand {

        @Override
        public Object execute() {
            ShellText text = text();
            ShellTable table = new ShellTable();
            for (String column : new String[] {"id", "client", "issuedBy", "issued", "revoked"}) {
                table.column(text.say("column." + column));
            }
            keys.list(ShellActor.current(staff)).forEach(k -> table.addRow().addContent(k.id(), k.name(), k.issuedBy(),
                    k.issuedAt(), k.revokedAt() == null ? "-" : k.revokedAt()));
            table.print(System.out);
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "open311-key-revoke", description = "Revokes an Open311 API key by its id")
    public static class Revoke extends KeyCommand {
        @Argument(index = 0, name = "id", required = true, description = "The key's id, as open311-key-list shows it")
        String id;

        @Override
        public Object execute() {
            keys.revoke(ShellActor.current(staff), id);
            System.out.println(text().say("key.revoked", id));
            return null;
        }
    }
}
