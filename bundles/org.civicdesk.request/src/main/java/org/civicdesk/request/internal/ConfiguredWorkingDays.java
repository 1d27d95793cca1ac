package org.civicdesk.request.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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
        this.calendar = new WorkingCalendar(holidays(config.holidays()));
    }

    /** The holidays as the registry reads them: dates separated by commas or blanks. */
    static Set<LocalDate> holidays(String[] configured) {
        try {
            return Arrays.stream(configured).flatMap(h -> Arrays.stream(h.split("[,\\s]+")))
                    .filter(s -> !s.isEmpty()).map(LocalDate::parse).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("holidays must be dates as YYYY-MM-DD: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }
}
