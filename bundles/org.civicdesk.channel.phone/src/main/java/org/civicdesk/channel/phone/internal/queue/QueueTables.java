package org.civicdesk.channel.phone.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;

/**
 * The queue's tables (the operators' presence, the callers waiting, the lock row every decision
 * takes) and the SQL the queue's decisions share: reading operators, changing rows, matching skills.
 */
final class QueueTables {
    static final String AGENTS = "CD_PHONE_AGENT";
    static final String WAITING = "CD_PHONE_WAITING";
    static final String LOCK = "CD_PHONE_QUEUE_LOCK";
    static final String AGENT_COLUMNS = "USERNAME, EXTENSION, SKILLS, PRESENCE, SINCE_MS, IDLE_SINCE_MS, CALL_ID";

    private QueueTables() {
    }

    /** Brings the phone channel's tables, these and the lock row among them, up to date (its Liquibase changelog). */
    static void create(DataSource dataSource) {
        SchemaMigrations.update(dataSource, QueueTables.class);
    }

    static Agent agent(ResultSet rs) throws SQLException {
        long idle = rs.getLong(6);
        boolean hasIdle = !rs.wasNull();
        return new Agent(rs.getString(1), rs.getString(2), skillsOf(rs.getString(3)), Presence.parse(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), hasIdle ? Instant.ofEpochMilli(idle) : null, rs.getString(7));
    }

    static Optional<Agent> agent(Connection c, String username) throws SQLException {
        return select(c, "SELECT " + AGENT_COLUMNS + " FROM " + AGENTS + " WHERE USERNAME = ?", username).stream().findFirst();
    }

    static List<Agent> select(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, parameters);
            List<Agent> agents = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    agents.add(agent(rs));
                }
            }
            return agents;
        }
    }

    static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, parameters);
            ps.executeUpdate();
        }
    }

    static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Skills as stored: sorted, one space apart and around, so that equal sets are equal texts and a skill is
     * found with {@code LIKE '% skill %'}.
     */
    static String skillsText(Set<String> skills) {
        return " " + String.join(" ", new TreeSet<>(skills)) + " ";
    }

    /** The condition that an operator holds every one of {@code skills}; bind {@link #patterns} to it. */
    static String holding(Set<String> skills) {
        return " AND SKILLS LIKE ? ESCAPE '\\'".repeat(skills.size());
    }

    /** The LIKE patterns of a stored skills text holding each skill, in the order {@link #holding} asks them. */
    static List<String> patterns(Set<String> skills) {
        return skills.stream().map(skill -> "% " + skill.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + " %").toList();
    }

    static Set<String> skillsOf(String text) {
        return text == null || text.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(text.trim().split(" +")));
    }
}
