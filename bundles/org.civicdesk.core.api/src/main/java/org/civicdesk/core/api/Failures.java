package org.civicdesk.core.api;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Describes an unexpected failure for the log without its messages: a database driver's message
 * quotes the values of the statement (a citizen's name, an address), and a log is no place for
 * them. What remains — the exception classes of the chain, each SQLSTATE and where the deepest
 * one was thrown — is enough to find the fault.
 */
public final class Failures {
    private static final int MAX_DEPTH = 10;
    private static final int FRAMES = 3;

    private Failures() {
    }

    /**
     * The failure as one line, e.g. {@code PersistenceException <- SQLDataException [SQLState 22001]
     * at org.apache.derby...(X.java:10) < ... < org.civicdesk.request.internal.RequestRegistryImpl.file(...)}.
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "(no exception)";
        }
        StringBuilder line = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable deepest = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.put(t, Boolean.TRUE) == null;
                t = t.getCause(), depth++) {
            if (depth > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                line.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            deepest = t;
        }
        StackTraceElement[] frames = deepest.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            line.append(i == 0 ? " at " : " < ").append(frames[i]);
        }
        StackTraceElement ours = firstOfOurs(failure, seen);
        if (ours != null) {
            line.append(" ... from ").append(ours);
        }
        return line.toString();
    }

    /** The first frame in CivicDesk's code of any exception of the chain: where our code met the failure. */
    private static StackTraceElement firstOfOurs(Throwable failure, Map<Throwable, Boolean> chain) {
        for (Throwable t : chain.keySet()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("org.civicdesk.")) {
                    return frame;
                }
            }
        }
        return failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
    }
}
