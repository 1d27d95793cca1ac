package org.civicdesk.engagement.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.engagement.api.Announcement;
import org.civicdesk.engagement.api.Announcements;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.persistence.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announcements in one append-only table, and their withdrawals in another. */
@Component(service = Announcements.class)
public class AnnouncementsImpl implements Announcements {
    static final String TABLE = "CD_ANNOUNCEMENT";
    static final String WITHDRAWALS = "CD_ANNOUNCEMENT_WITHDRAWAL";
    static final int MAX_TEXT = 1000;
    private static final String SELECT = "SELECT a.ID, a.TEXT_RO, a.TEXT_EN, a.VALID_FROM_MS, a.VALID_UNTIL_MS, a.CREATED_BY, "
            + "a.CREATED_MS, w.WITHDRAWN_MS FROM " + TABLE + " a LEFT JOIN " + WITHDRAWALS + " w ON w.ANNOUNCEMENT_ID = a.ID";

    private final Jdbc jdbc;
    private final AuditLog audit;

    @Activate
    public AnnouncementsImpl(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference AuditLog audit) {
        this.jdbc = new Jdbc(dataSource);
        this.audit = audit;
        SchemaMigrations.update(dataSource, AnnouncementsImpl.class);
    }

    @Override
    public Announcement publish(Actor actor, Map<String, String> texts, Instant validFrom, Instant validUntil) {
        Staff.requireSupervisorOrAdmin(actor, "publishes announcements");
        Map<String, String> checked = Texts.check("texts", texts, MAX_TEXT);
        Window.check(validFrom, validUntil);
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        AuditEvent published = new AuditEvent(actor.username(), "announcement.publish", "announcement", "announcement", id,
                "from=" + validFrom + " until=" + validUntil);
        jdbc.update("publishing an announcement", c -> audit.record(c, published, null), "INSERT INTO " + TABLE
                + " (ID, TEXT_RO, TEXT_EN, VALID_FROM_MS, VALID_UNTIL_MS, CREATED_BY, CREATED_MS) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, checked.get("ro"), checked.get("en"), validFrom.toEpochMilli(), validUntil.toEpochMilli(),
                actor.username(), now.toEpochMilli());
        return new Announcement(id, checked, validFrom, validUntil, actor.username(), now, false);
    }

    @Override
    public List<Announcement> current(Instant at) {
        long now = at.toEpochMilli();
        return jdbc.query("reading announcements", SELECT + " WHERE a.VALID_FROM_MS <= ? AND a.VALID_UNTIL_MS > ? "
                + "AND w.WITHDRAWN_MS IS NULL ORDER BY a.VALID_FROM_MS DESC, a.CREATED_MS DESC", AnnouncementsImpl::read, 100,
                now, now);
    }

    @Override
    public List<Announcement> all() {
        return jdbc.query("reading announcements", SELECT + " ORDER BY a.CREATED_MS DESC", AnnouncementsImpl::read, 1000);
    }

    @Override
    public void withdraw(Actor actor, String id) {
        Staff.requireSupervisorOrAdmin(actor, "withdraws announcements");
        Announcement announcement = jdbc.query("reading an announcement", SELECT + " WHERE a.ID = ?", AnnouncementsImpl::read,
                1, id).stream().findFirst().orElseThrow(() -> new NotFoundException("no announcement " + id));
        if (announcement.withdrawn()) {
            throw new ConflictException("announcement " + id + " was withdrawn already");
        }
        AuditEvent withdrawn = new AuditEvent(actor.username(), "announcement.withdraw", "announcement", "announcement", id,
                null);
        jdbc.update("withdrawing an announcement", c -> audit.record(c, withdrawn, null), "INSERT INTO " + WITHDRAWALS
                + " (ANNOUNCEMENT_ID, WITHDRAWN_BY, WITHDRAWN_MS) VALUES (?, ?, ?)", id, actor.username(),
                System.currentTimeMillis());
    }

    private static Announcement read(java.sql.ResultSet rs) throws SQLException {
        Map<String, String> texts = rs.getString(3) == null ? Map.of("ro", rs.getString(2))
                : Map.of("ro", rs.getString(2), "en", rs.getString(3));
        rs.getLong(8);
        boolean withdrawn = !rs.wasNull();
        return new Announcement(rs.getString(1), texts, Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), withdrawn);
    }
}
