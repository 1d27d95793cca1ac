package org.civicdesk.notification.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.PersonalData;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.persistence.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The messages sent, or to be sent, to a person: about their requests, and others (a PIN, a reminder). */
@Component(service = PersonalData.class)
public class NotificationPersonalData implements PersonalData {
    private final Jdbc jdbc;

    @Activate
    public NotificationPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_NOTIFICATION", "CD_NOTIFICATION_ATTEMPT", "CD_CITIZEN_MESSAGE");
    }

    /**
     * The person's address and message values go; what was not sent yet is given up (there is nobody to send it to).
     * The outboxes are the notifications' own working tables, not a record: they may be rewritten.
     */
    @Override
    public void erase(Citizen citizen) {
        String failed = org.civicdesk.notification.api.NotificationState.FAILED.name();
        String queued = org.civicdesk.notification.api.NotificationState.QUEUED.name();
        jdbc.update("forget a person's notification addresses", "UPDATE CD_NOTIFICATION SET ADDRESS = NULL, "
                + "PUBLIC_COMMENT = NULL, STATE = CASE WHEN STATE = ? THEN ? ELSE STATE END WHERE CITIZEN_ID = ?", queued,
                failed, citizen.id());
        jdbc.update("forget a person's messages", "UPDATE CD_CITIZEN_MESSAGE SET MODEL = '{}', STATE = CASE WHEN STATE = ? "
                + "THEN ? ELSE STATE END WHERE CITIZEN_ID = ?", queued, failed, citizen.id());
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        return List.of(
                PersonalDataSet.labelled(labels, "notifications", List.of("request", "about", "address", "channel",
                        "language", "status", "queued", "sent", "attempts"), jdbc.texts("read a person's notifications",
                        "SELECT REQUEST_NUMBER, TEMPLATE, ADDRESS, CHANNEL, LANG, STATE, QUEUED_MS, SENT_MS, ATTEMPTS FROM "
                        + "CD_NOTIFICATION WHERE CITIZEN_ID = ? ORDER BY ID", zone, citizen.id())),
                PersonalDataSet.labelled(labels, "messages", List.of("about", "reference", "language", "status",
                        "queued", "sent"), jdbc.texts("read a person's messages", "SELECT TEMPLATE, REFERENCE, LANG, "
                        + "STATE, QUEUED_MS, SENT_MS FROM CD_CITIZEN_MESSAGE WHERE CITIZEN_ID = ? ORDER BY ID", zone,
                        citizen.id())));
    }
}
