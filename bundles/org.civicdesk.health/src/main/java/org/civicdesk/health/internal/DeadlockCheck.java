package org.civicdesk.health.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.civicdesk.health.api.Health;
import org.osgi.service.component.annotations.Component;

/** Alive unless threads are deadlocked: a node in that state does not recover by itself and must be restarted. */
@Component(property = {HealthCheck.NAME + "=" + DeadlockCheck.NAME, HealthCheck.TAGS + "=" + Health.LIVE})
public class DeadlockCheck implements HealthCheck {
    static final String NAME = "No deadlocked threads";

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        if (deadlocked == null) {
            log.info("No deadlocked threads");
        } else {
            log.critical("{} threads deadlocked: {}", deadlocked.length, Arrays.stream(threads.getThreadInfo(deadlocked))
                    .filter(Objects::nonNull).map(ThreadInfo::getThreadName).collect(Collectors.joining(", ")));
        }
        return new Result(log);
    }
}
