package org.civicdesk.health.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.civicdesk.health.api.HealthReport;
import org.civicdesk.health.api.HealthReport.Status;
import org.junit.Test;
import org.osgi.framework.ServiceReference;

/** How the checks' results make the node's state. */
public class HealthImplTest {
    /** The checks registered right now, by name, with their result; every one is tagged as asked. */
    private final Map<String, Result> registered = new LinkedHashMap<>();
    private final HealthCheckExecutor executor = new HealthCheckExecutor() {
        @Override
        public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector) {
            return execute(selector, null);
        }

        @Override
        public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector,
                HealthCheckExecutionOptions options) {
            List<HealthCheckExecutionResult> results = new ArrayList<>();
            registered.forEach((name, result) -> results.add(result(name, selector.tags()[0], result)));
            return results;
        }
    };
    private final HealthImpl health = new HealthImpl(executor);

    private static HealthCheckExecutionResult result(String name, String tag, Result result) {
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(HealthImplTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> Map.of(HealthCheck.NAME, name, HealthCheck.TAGS, tag, "service.id", 1L)
                            .get(args[0]);
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        HealthCheckMetadata metadata = new HealthCheckMetadata(reference);
        return new HealthCheckExecutionResult() {
            @Override
            public Result getHealthCheckResult() {
                return result;
            }

            @Override
            public long getElapsedTimeInMs() {
                return 1;
            }

            @Override
            public Date getFinishedAt() {
                return new Date();
            }

            @Override
            public boolean hasTimedOut() {
                return false;
            }

            @Override
            public HealthCheckMetadata getHealthCheckMetadata() {
                return metadata;
            }
        };
    }

    private void allRequiredPass() {
        HealthImpl.REQUIRED.forEach(name -> registered.put(name, new Result(Result.Status.OK, "fine")));
    }

    @Test
    public void notReadyUntilEveryRequiredCheckHasRunAndPassed() {
        registered.put(FeaturesStartedCheck.NAME, new Result(Result.Status.OK, "fine"));
        HealthReport report = health.readiness();
        assertEquals("the other checks are not registered yet", Status.STARTING, report.status());
        assertTrue(report.checks().toString(), report.checks().stream()
                .anyMatch(c -> c.name().equals(StaffLoginCheck.NAME) && c.messages().contains("not registered yet")));

        allRequiredPass();
        registered.put(StaffLoginCheck.NAME, new Result(Result.Status.TEMPORARILY_UNAVAILABLE, "no administrator yet"));
        assertEquals(Status.STARTING, health.readiness().status());

        allRequiredPass();
        assertEquals(Status.UP, health.readiness().status());
    }

    @Test
    public void aFailureAfterBeingReadyIsDownAndAWarningStillServes() {
        allRequiredPass();
        assertEquals(Status.UP, health.readiness().status());
        registered.put("Plug-in check", new Result(Result.Status.WARN, "slow exchange"));
        assertEquals(Status.UP, health.readiness().status());
        registered.put(FeaturesStartedCheck.NAME, new Result(Result.Status.CRITICAL, "civicdesk-engagement stopped"));
        HealthReport down = health.readiness();
        assertEquals(Status.DOWN, down.status());
        assertTrue(down.checks().toString(), down.checks().stream()
                .anyMatch(c -> c.status().equals("CRITICAL") && c.messages().contains("civicdesk-engagement stopped")));
    }

    @Test
    public void livenessFailsOnlyOnAFailingLivenessCheck() {
        assertEquals("no liveness check: the JVM answers, so it is alive", Status.UP, health.liveness().status());
        registered.put(DeadlockCheck.NAME, new Result(Result.Status.CRITICAL, "2 threads deadlocked"));
        assertEquals(Status.DOWN, health.liveness().status());
    }
}
