package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** The city's day of an instant as the database computes it, across summer time. */
public class CityDaysTest {
    private static final ZoneId CITY = ZoneId.of("Europe/Bucharest");

    @Test
    public void theDatabaseFindsTheCitysDayAcrossSummerTime() throws Exception {
        List<Instant> instants = new ArrayList<>();
        // Around the changes of 29 March and 25 October 2026, and midnights of winter and summer.
        for (LocalDateTime t : List.of(LocalDateTime.of(2026, 3, 28, 23, 30), LocalDateTime.of(2026, 3, 29, 0, 30),
                LocalDateTime.of(2026, 3, 29, 23, 59), LocalDateTime.of(2026, 3, 30, 0, 0),
                LocalDateTime.of(2026, 10, 24, 23, 59), LocalDateTime.of(2026, 10, 25, 0, 1),
                LocalDateTime.of(2026, 10, 25, 23, 30), LocalDateTime.of(2026, 10, 26, 0, 0),
                LocalDateTime.of(2026, 1, 10, 0, 0), LocalDateTime.of(2026, 7, 1, 0, 30))) {
            instants.add(t.atZone(CITY).toInstant());
            instants.add(t.atZone(CITY).toInstant().minusMillis(1));
        }
        String expression = CityDays.epochDay("MS", CITY, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"));
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:citydays;create=true");
                Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE T (MS BIGINT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO T VALUES (?)")) {
                for (Instant i : instants) {
                    ps.setLong(1, i.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT MS, " + expression + " FROM T")) {
                int n = 0;
                while (rs.next()) {
                    Instant at = Instant.ofEpochMilli(rs.getLong(1));
                    assertEquals(at.toString(), LocalDate.ofInstant(at, CITY), LocalDate.ofEpochDay(rs.getLong(2)));
                    n++;
                }
                assertEquals(instants.size(), n);
            }
        }
    }
}
