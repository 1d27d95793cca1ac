package org.civicdesk.request.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.Priority;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.ServiceRequest;

/**
 * The columns a list of requests shows, read in one plain statement: a page of 50 is one query, where selecting the
 * entities makes the provider load each of them again by its key, and a criteria query is compiled again at each call
 * (a sixth of a 360° view's time at a city's size).
 */
final class RequestRows {
    /** The columns and the two tables ({@code r} the request, {@code s} its state); a WHERE clause follows. */
    static final String SELECT = "SELECT r.REG_YEAR, r.SEQ, r.TRACKING_CODE, r.TYPE_CODE, r.CHANNEL, r.CITIZEN_ID,"
            + " r.DESCRIPTION, r.LAT, r.LON, r.ADDRESS, r.DEPARTMENT, r.REGISTERED_MS, s.DEADLINE, s.STATUS, s.ASSIGNEE,"
            + " s.LAST_CHANGE_MS, s.FINISHED, s.PRIORITY, s.ESCALATION_LEVEL, s.PAUSED_SINCE, r.RECEIVED_ON"
            + " FROM CD_REQUEST r JOIN CD_REQUEST_STATE s ON s.REQ_NUMBER = r.REQ_NUMBER";

    private RequestRows() {
    }

    /**
     * The current row of {@link #SELECT} as a request, its texts as stored ({@link PersonalTexts#opened} opens them);
     * {@code today} decides whether it is overdue.
     */
    static ServiceRequest of(ResultSet rs, LocalDate today) throws SQLException {
        double latitude = rs.getDouble(8);
        Double lat = rs.wasNull() ? null : latitude;
        double longitude = rs.getDouble(9);
        Double lon = rs.wasNull() ? null : longitude;
        String place = rs.getString(10);
        Location location = lat == null && place == null ? null : new Location(lat, lon, place);
        LocalDate due = LocalDate.parse(rs.getString(13));
        boolean done = rs.getBoolean(17);
        int level = rs.getInt(19);
        Integer escalation = rs.wasNull() ? null : level;
        String waitingSince = rs.getString(20);
        String received = rs.getString(21);
        return new ServiceRequest(new RequestNumber(rs.getInt(1), rs.getInt(2)), rs.getString(3), rs.getString(4),
                new Channel(rs.getString(5)), rs.getString(6), rs.getString(7), location, rs.getString(11),
                rs.getString(14), rs.getString(15), Instant.ofEpochMilli(rs.getLong(12)), due,
                Instant.ofEpochMilli(rs.getLong(16)), RequestRegistryImpl.overdue(done,
                        waitingSince == null ? null : LocalDate.parse(waitingSince), due, today),
                Priority.valueOf(rs.getString(18).toUpperCase(Locale.ROOT)), escalation,
                received == null ? null : LocalDate.parse(received));
    }
}
