package org.civicdesk.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;


import org.junit.Test;

import io.micrometer.core.instrument.Tags;
import java.util.Map;

public class MetricsServletTest {

    @Test
    public void withoutATokenOnlyThisMachineIsAnswered() {
        assertTrue(MetricsServlet.allowed("", null, "127.0.0.1"));
        assertTrue(MetricsServlet.allowed(null, null, "::1"));
        assertFalse(MetricsServlet.allowed("", null, "10.0.0.7"));
        assertFalse(MetricsServlet.allowed("", "Bearer anything", "192.168.1.2"));
    }

    @Test
    public void withATokenOnlyItsBearerIsAnsweredFromAnywhere() {
        assertTrue(MetricsServlet.allowed("s3cret", "Bearer s3cret", "10.0.0.7"));
        assertFalse(MetricsServlet.allowed("s3cret", "Bearer s3cre", "10.0.0.7"));
        assertFalse("the token, not the address, decides", MetricsServlet.allowed("s3cret", null, "127.0.0.1"));
    }

    @Test
    public void namesAndTags() {
        assertTrue(PrometheusMetrics.Names.valid("civicdesk.calls.waiting"));
        assertFalse(PrometheusMetrics.Names.valid("Calls waiting"));
        assertEquals(Tags.of("channel", "phone"), PrometheusMetrics.Names.pairs("channel", "phone", "odd"));
        assertEquals(Tags.of("outbox", "notifications"), PrometheusMetrics.Names.tags(new String[] {"outbox=notifications"}));
        assertEquals(Tags.of("a", "b"), PrometheusMetrics.Names.tags("a = b"));
    }

    @Test
    public void countsAndTimesReachThePrometheusPage() {
        PrometheusMetrics metrics = new PrometheusMetrics(MetricsConfigs.of("", false));
        metrics.count("civicdesk.requests.filed", "channel", "web");
        metrics.count("civicdesk.requests.filed", "channel", "web");
        metrics.time("civicdesk.intake", java.time.Duration.ofMillis(12), "channel", "web");
        metrics.addValue(() -> 3, Map.of("civicdesk.measure.name", "civicdesk.calls.waiting"));
        String page = metrics.scrape();
        assertTrue(page, page.contains("civicdesk_requests_filed_total{channel=\"web\",} 2.0"));
        assertTrue(page, page.contains("civicdesk_intake_seconds_count{channel=\"web\",} 1.0"));
        assertTrue(page, page.contains("civicdesk_intake_seconds_bucket{channel=\"web\",le="));
        assertTrue(page, page.contains("civicdesk_calls_waiting 3.0"));
        assertTrue("a pool not found has no value", page.contains("civicdesk_db_pool_active{pool=\"civicdesk\",} NaN"));
        metrics.deactivate();
    }
}
