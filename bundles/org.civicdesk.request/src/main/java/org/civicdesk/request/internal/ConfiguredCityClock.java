package org.civicdesk.request.internal;

import java.time.ZoneId;

import org.civicdesk.core.api.CityClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** The city's time zone from the registry's configuration, for every bundle that needs the city's day. */
@Component(service = CityClock.class, configurationPid = RequestRegistryImpl.PID)
public class ConfiguredCityClock implements CityClock {
    private volatile ZoneId zone;

    @Activate
    public ConfiguredCityClock(RegistryConfig config) {
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        this.zone = ZoneId.of(config.zone());
    }

    @Override
    public ZoneId zone() {
        return zone;
    }
}
