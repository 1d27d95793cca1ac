package org.civicdesk.itests.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.civicdesk.core.api.CityClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * A clock the itests move (R7's deadlines over weeks, in seconds): once configuration {@code org.civicdesk.itests.clock}
 * exists, it is the city's clock, ranked above the configured one, showing {@code now} (an ISO instant) at the moment
 * it was configured and running on from there. Changing {@code now} moves time; deleting the configuration gives the
 * system's time back.
 */
@Component(service = CityClock.class, configurationPid = TestClock.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "service.ranking:Integer=1000")
public class TestClock implements CityClock {
    public static final String PID = "org.civicdesk.itests.clock";

    private volatile ZoneId zone;
    private volatile Instant shown;
    private volatile long setAtNanos;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        this.zone = ZoneId.of(String.valueOf(properties.getOrDefault("zone", "Europe/Bucharest")));
        this.shown = Instant.parse(String.valueOf(properties.get("now")));
        this.setAtNanos = System.nanoTime();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant now() {
        return shown.plusNanos(System.nanoTime() - setAtNanos);
    }
}
