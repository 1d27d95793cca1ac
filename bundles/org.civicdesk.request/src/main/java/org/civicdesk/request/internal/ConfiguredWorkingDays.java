package org.civicdesk.request.internal;

import java.time.LocalDate;

import org.civicdesk.core.api.WorkingDays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The registry's working days for every bundle that needs them (appointments), from the same configuration as the
 * deadlines: one list of public holidays for the whole city hall.
 */
@Component(service = WorkingDays.class, configurationPid = RequestRegistryImpl.PID)
public class ConfiguredWorkingDays implements WorkingDays {
    private volatile WorkingCalendar calendar;

    @Activate
    public ConfiguredWorkingDays(RegistryConfig config) {
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        this.calendar = WorkingCalendar.of(config);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }
}
