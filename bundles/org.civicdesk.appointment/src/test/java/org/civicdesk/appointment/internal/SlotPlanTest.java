package org.civicdesk.appointment.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.civicdesk.appointment.api.BookableService;
import org.junit.Test;

public class SlotPlanTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 12, 25));

    private static boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(day);
    }

    @Test
    public void slotsFollowEachOtherWithinTheHoursOnOpenWorkingDaysOnly() {
        BookableService s = ConfiguredService.parse(config("id-card", new String[] {"mon, tue, wed, thu, fri"},
                new String[] {"09:00-10:00, 13:00-13:50"}, 20, 2));
        List<SlotPlan.Times> thursday = SlotPlan.ofDay(s, LocalDate.of(2026, 12, 24), CITY, SlotPlanTest::working);
        // 09:00, 09:20, 09:40 and 13:00, 13:20 (13:40 would end after 13:50).
        assertEquals(5, thursday.size());
        assertEquals(Instant.parse("2026-12-24T07:00:00Z"), thursday.get(0).start());
        assertEquals(Instant.parse("2026-12-24T07:20:00Z"), thursday.get(0).end());
        assertEquals(Instant.parse("2026-12-24T11:20:00Z"), thursday.get(4).start());
        assertTrue("a public holiday", SlotPlan.ofDay(s, LocalDate.of(2026, 12, 25), CITY, SlotPlanTest::working).isEmpty());
        assertTrue("a Saturday", SlotPlan.ofDay(s, LocalDate.of(2026, 12, 26), CITY, SlotPlanTest::working).isEmpty());
        assertTrue(SlotPlan.find(s, Instant.parse("2026-12-24T07:20:00Z"), CITY, SlotPlanTest::working).isPresent());
        assertTrue("not a slot's start",
                SlotPlan.find(s, Instant.parse("2026-12-24T07:10:00Z"), CITY, SlotPlanTest::working).isEmpty());
    }

    @Test
    public void aServiceClosedOnSomeDaysHasNoSlotsThen() {
        BookableService s = ConfiguredService.parse(config("tax-desk", new String[] {"mon", "wed"},
                new String[] {"08:30-09:30"}, 30, 3));
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), s.days());
        assertTrue(SlotPlan.ofDay(s, LocalDate.of(2026, 12, 22), CITY, SlotPlanTest::working).isEmpty());
        assertEquals(2, SlotPlan.ofDay(s, LocalDate.of(2026, 12, 23), CITY, SlotPlanTest::working).size());
    }

    @Test
    public void badConfigurationIsRefused() {
        for (ServiceConfig bad : List.of(config("Bad Code", new String[] {"mon"}, new String[] {"09:00-10:00"}, 30, 1),
                config("x", new String[] {"funday"}, new String[] {"09:00-10:00"}, 30, 1),
                config("x", new String[] {"mon"}, new String[] {"10:00-09:00"}, 30, 1),
                config("x", new String[] {"mon"}, new String[] {"9-10"}, 30, 1),
                config("x", new String[] {"mon"}, new String[] {"09:00-10:00"}, 30, 0))) {
            try {
                ConfiguredService.parse(bad);
                fail("accepted " + bad.code() + " " + String.join(",", bad.days()) + " " + String.join(",", bad.hours()));
            } catch (IllegalArgumentException expected) {
                // refused, as it should be
            }
        }
    }

    private static ServiceConfig config(String code, String[] days, String[] hours, int duration, int capacity) {
        return new ServiceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServiceConfig.class;
            }

            @Override
            public String code() {
                return code;
            }

            @Override
            public String name_ro() {
                return "Serviciu";
            }

            @Override
            public String name_en() {
                return "Service";
            }

            @Override
            public String department() {
                return "REG";
            }

            @Override
            public String counter() {
                return "Ghișeul 1";
            }

            @Override
            public String[] days() {
                return days;
            }

            @Override
            public String[] hours() {
                return hours;
            }

            @Override
            public int durationMinutes() {
                return duration;
            }

            @Override
            public int capacity() {
                return capacity;
            }
        };
    }
}
