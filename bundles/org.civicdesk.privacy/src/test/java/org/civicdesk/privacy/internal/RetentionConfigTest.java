package org.civicdesk.privacy.internal;

import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;

import org.junit.Test;

/** The retention periods as a .cfg file writes them (one comma-separated value) and as ConfigAdmin does (an array). */
public class RetentionConfigTest {

    private static RetentionConfig config(String... periods) {
        return (RetentionConfig) Proxy.newProxyInstance(RetentionConfig.class.getClassLoader(),
                new Class<?>[] {RetentionConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "periods" -> periods;
                    case "enabled" -> true;
                    case "perRun" -> 500;
                    case "civicdesk_job_period" -> 1000L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void periodsAreReadFromOneValueOrSeveral() {
        new RetentionJob(null, null, null, null, config("*=P10Y, social-aid=P5Y"));
        new RetentionJob(null, null, null, null, config("*=P10Y", "social-aid=P5Y", "pothole=PT1H"));
    }

    @Test
    public void aPeriodThatIsNoneIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionJob(null, null, null, null, config("pothole=5 years")));
        assertThrows(IllegalArgumentException.class, () -> new RetentionJob(null, null, null, null, config("P5Y")));
    }
}
