package org.civicdesk.command.internal;

import java.io.IOException;

import org.apache.karaf.shell.api.console.Session;
import org.civicdesk.core.api.InvalidInputException;

/** Reads a new password twice without echo, unless it was given as an option. */
final class PasswordPrompt {
    private PasswordPrompt() {
    }

    static char[] read(Session session, String given) throws IOException {
        if (given != null) {
            return given.toCharArray();
        }
        String first = session.readLine("New password: ", '*');
        String second = session.readLine("Repeat it: ", '*');
        if (first == null || !first.equals(second)) {
            throw InvalidInputException.of("password", "command.passwordsDiffer");
        }
        return first.toCharArray();
    }
}
