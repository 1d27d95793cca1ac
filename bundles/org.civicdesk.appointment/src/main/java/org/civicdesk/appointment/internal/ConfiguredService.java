package org.civicdesk.appointment.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.civicdesk.appointment.api.BookableService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** A service by appointment from its factory configuration; added, changed or removed at run time. */
@Component(service = ConfiguredService.class, configurationPid = ConfiguredService.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ServiceConfig.class, factory = true)
public class ConfiguredService {
    static final String FACTORY_PID = "org.civicdesk.appointment.service";
    private volatile BookableService service;

    @Activate
    public ConfiguredService(ServiceConfig config) {
        modified(config);
    }

    @Modified
    void modified(ServiceConfig config) {
        this.service = parse(config);
    }

    BookableService service() {
        return service;
    }

    static BookableService parse(ServiceConfig c) {
        String code = c.code() == null ? "" : c.code().strip();
        if (!code.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("code: lower-case letters, digits and -, at most 40");
        }
        if (c.department() == null || c.department().isBlank()) {
            throw new IllegalArgumentException("department is required for service " + code);
        }
        if (c.durationMinutes() < 5 || c.durationMinutes() > 480 || c.capacity() < 1 || c.capacity() > 500) {
            throw new IllegalArgumentException("durationMinutes is 5 to 480 and capacity 1 to 500 for service " + code);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : split(c.days())) {
            days.add(day(day));
        }
        List<BookableService.Hours> hours = new ArrayList<>();
        for (String range : split(c.hours())) {
            String[] ends = range.split("-");
            try {
                LocalTime from = LocalTime.parse(ends[0].strip());
                LocalTime to = LocalTime.parse(ends.length == 2 ? ends[1].strip() : "");
                if (!from.isBefore(to)) {
                    throw new IllegalArgumentException("hours " + range + " end before they start");
                }
                hours.add(new BookableService.Hours(from, to));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("hours are HH:MM-HH:MM, not " + range, e);
            }
        }
        String ro = c.name_ro() == null || c.name_ro().isBlank() ? code : c.name_ro().strip();
        String en = c.name_en() == null || c.name_en().isBlank() ? ro : c.name_en().strip();
        return new BookableService(code, Map.of("ro", ro, "en", en), c.department().strip(),
                c.counter() == null ? "" : c.counter().strip(), days, hours, c.durationMinutes(), c.capacity());
    }

    private static List<String> split(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static DayOfWeek day(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(n) && n.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("days are mon, tue, wed, thu, fri, sat or sun, not " + name);
    }
}
