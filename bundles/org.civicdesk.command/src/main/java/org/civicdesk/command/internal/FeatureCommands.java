package org.civicdesk.command.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.EnumIds;
import org.civicdesk.core.api.OptionalFeatures;
import org.civicdesk.core.api.OptionalFeatures.FeatureState;
import org.civicdesk.identity.api.StaffDirectory;

/**
 * The CivicDesk features in the shell, as the console's administration shows them: {@code civicdesk:feature-list},
 * and {@code civicdesk:feature-install} / {@code feature-uninstall} of an optional one, confirmed first and audited
 * under the administrator who asked (Karaf's own {@code feature:install} is audited only as a change done).
 */
public final class FeatureCommands {
    private FeatureCommands() {
    }

    /** Lists the CivicDesk features and their state. */
    @Service
    @Command(scope = "civicdesk", name = "feature-list", description = "Lists CivicDesk's features: installed, optional, "
            + "a change under way")
    public static class ListCommand implements Action {
        @Reference
        Session session;
        // The core's (org.civicdesk.features): a mandatory reference to a service of another feature would take every
        // command of this bundle away with that feature, as Karaf registers a bundle's commands all or none.
        @Reference
        OptionalFeatures features;
        @Reference
        StaffDirectory staff;

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            ShellTable table = new ShellTable();
            table.column(text.say("column.feature"));
            table.column(text.say("column.version"));
            table.column(text.say("column.installed"));
            table.column(text.say("column.optional"));
            table.column(text.say("column.pending"));
            table.column(text.say("column.description"));
            for (FeatureState f : features.list(ShellActor.current(staff))) {
                table.addRow().addContent(f.name(), f.version(), text.say(f.installed() ? "yes" : "no"),
                        text.say(f.optional() ? "yes" : "no"),
                        f.pending() == null ? "" : EnumIds.id(f.pending()), f.description());
            }
            table.print(System.out);
            return null;
        }
    }

    /** Installs an optional CivicDesk feature. */
    @Service
    @Command(scope = "civicdesk", name = "feature-install", description = "Installs an optional CivicDesk feature "
            + "(asks for confirmation unless --yes)")
    public static class InstallCommand extends Change {
        public InstallCommand() {
            super(true);
        }
    }

    /** Uninstalls an optional CivicDesk feature; its data stays in the database. */
    @Service
    @Command(scope = "civicdesk", name = "feature-uninstall", description = "Uninstalls an optional CivicDesk feature; "
            + "its data stays (asks for confirmation unless --yes)")
    public static class UninstallCommand extends Change {
        public UninstallCommand() {
            super(false);
        }
    }

    /** A confirmed change of one feature. */
    abstract static class Change implements Action {
        @Reference
        OptionalFeatures features;
        @Reference
        StaffDirectory staff;
        @Reference
        Session session;

        @Option(name = "--yes", aliases = "-y", description = "Do not ask for confirmation")
        boolean yes;
        @Argument(index = 0, name = "feature", required = true, description = "The feature's name, e.g. civicdesk-reports")
        String name;

        private final boolean install;

        Change(boolean install) {
            this.install = install;
        }

        @Override
        public Object execute() throws IOException {
            ShellText text = ShellText.of(session, getClass());
            if (!yes && !confirmed(text.say(install ? "feature.installQuestion" : "feature.uninstallQuestion", name))) {
                System.out.println(text.say("feature.nothingChanged"));
                return null;
            }
            FeatureState state = features.change(ShellActor.current(staff), name, install);
            System.out.println(text.say(state.pending() != null ? (install ? "feature.installing" : "feature.uninstalling")
                    : install ? "feature.installedAlready" : "feature.uninstalledAlready", name));
            return null;
        }

        /** The administrator's yes, typed at the prompt, or piped in where the session has no terminal. */
        private boolean confirmed(String question) throws IOException {
            String answer;
            try {
                answer = session.readLine(question, null);
            } catch (UnsupportedOperationException noTerminal) {
                System.out.print(question);
                System.out.flush();
                answer = new BufferedReader(new InputStreamReader(session.getKeyboard(), StandardCharsets.UTF_8)).readLine();
            }
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|d|da");
        }
    }
}
