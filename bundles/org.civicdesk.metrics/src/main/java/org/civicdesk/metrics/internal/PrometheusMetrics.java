package org.civicdesk.metrics.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.civicdesk.core.api.ConfiguredValues;
import org.civicdesk.core.api.MeasuredValue;
import org.civicdesk.core.api.Measurements;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * CivicDesk's measurements in a Micrometer registry that speaks the Prometheus text format (R17 §4): what code reports
 * through {@link Measurements}, every {@link MeasuredValue} service while it is registered, the database pools' use
 * and, if configured, the JVM. A new registry each activation: a reinstalled feature starts its counts from zero, as
 * Prometheus expects of a restarted target.
 */
@Component(service = {Measurements.class, PrometheusMetrics.class}, configurationPid = "org.civicdesk.metrics")
@Designate(ocd = MetricsConfig.class)
public class PrometheusMetrics implements Measurements {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetrics.class);
    /**
     * The commons-pool2 MBean of a pax-jdbc dbcp2 pool, named after its data source (pax-jdbc chooses the domain; a
     * pattern, so that a pool made by another version is found too).
     */
    private static final String POOL_MBEAN = "*:type=GenericObjectPool,name=";
    /** The pool's figures at /metrics: the MBean attribute, then the name under civicdesk.db.pool. */
    private static final Map<String, String> POOL_FIGURES = Map.of("NumActive", "active", "NumIdle", "idle",
            "MaxTotal", "max.total");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<MeasuredValue, Meter> gauges = new ConcurrentHashMap<>();
    private final MetricsConfig config;

    @Activate
    public PrometheusMetrics(MetricsConfig config) {
        this.config = config;
        if (config.jvm()) {
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        for (String pool : ConfiguredValues.of(config.dataSourcePools())) {
            POOL_FIGURES.forEach((attribute, figure) -> Gauge.builder("civicdesk.db.pool." + figure,
                    () -> poolAttribute(beans, pool, attribute)).tag("pool", pool)
                    .description("Database connections of the pool: " + attribute).strongReference(true).register(registry));
        }
    }

    /** Publishes a measured value while its service is registered. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addValue(MeasuredValue value, Map<String, Object> properties) {
        Object name = properties.get(MeasuredValue.NAME);
        if (!(name instanceof String named) || !Names.valid(named)) {
            LOG.warn("A measured value without a valid {} property is not published", MeasuredValue.NAME);
            return;
        }
        Object description = properties.get(MeasuredValue.DESCRIPTION);
        gauges.put(value, Gauge.builder(named, () -> read(value)).tags(Names.tags(properties.get(MeasuredValue.TAGS)))
                .description(description == null ? null : description.toString()).strongReference(true)
                .register(registry));
    }

    void removeValue(MeasuredValue value) {
        Meter gauge = gauges.remove(value);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    /** A failing read (the database is down) shows as no value rather than failing the whole scrape. */
    private static double read(MeasuredValue value) {
        try {
            return value.value();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double poolAttribute(MBeanServer beans, String pool, String attribute) {
        try {
            for (ObjectName found : beans.queryNames(new ObjectName(POOL_MBEAN + pool), null)) {
                return ((Number) beans.getAttribute(found, attribute)).doubleValue();
            }
        } catch (Exception e) {
            // Gone while read: no value.
        }
        // Not (yet) created, or named otherwise: no value.
        return Double.NaN;
    }

    @Override
    public void count(String name, String... tags) {
        Counter.builder(name).tags(Names.pairs(tags)).register(registry).increment();
    }

    @Override
    public void time(String name, Duration took, String... tags) {
        Timer.builder(name).tags(Names.pairs(tags)).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry).record(took);
    }

    /** Everything measured, in the Prometheus text format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    /** The token a scraper must send, or empty for loopback only. */
    String scrapeToken() {
        return config.scrapeToken();
    }

    @Deactivate
    void deactivate() {
        registry.close();
    }

    /** Names and tags as Micrometer takes them. */
    static final class Names {
        private Names() {
        }

        /** A dotted, lower-case name: letters, digits, dots, dashes and underscores. */
        static boolean valid(String name) {
            return name.matches("[a-z][a-z0-9._-]*");
        }

        /** Key, value pairs; an odd one out is left out. */
        static Tags pairs(String... tags) {
            Tags out = Tags.empty();
            for (int i = 0; i + 1 < tags.length; i += 2) {
                out = out.and(tags[i], tags[i + 1] == null ? "" : tags[i + 1]);
            }
            return out;
        }

        /** A service property of {@code key=value} texts (one, or an array). */
        static Tags tags(Object property) {
            List<String> pairs = new ArrayList<>();
            if (property instanceof String one) {
                pairs.add(one);
            } else if (property instanceof String[] many) {
                pairs.addAll(List.of(many));
            }
            Tags out = Tags.empty();
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    out = out.and(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
            return out;
        }
    }
}
