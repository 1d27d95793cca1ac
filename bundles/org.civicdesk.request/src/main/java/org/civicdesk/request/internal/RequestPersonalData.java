package org.civicdesk.request.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.identity.api.PersonalData;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.persistence.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A person's requests with their details, history and ratings, and their contacts with the city hall; what they say is
 * opened with the person's key.
 */
@Component(service = PersonalData.class)
public class RequestPersonalData implements PersonalData {
    private static final String OF_CITIZEN = " IN (SELECT REQ_NUMBER FROM CD_REQUEST WHERE CITIZEN_ID = ?)";
    private final Jdbc jdbc;
    private final PersonalTexts texts;

    @Activate
    public RequestPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenKeys keys) {
        this.jdbc = new Jdbc(dataSource);
        this.texts = new PersonalTexts(keys);
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_REQUEST", "CD_REQUEST_DETAIL", "CD_REQUEST_EVENT", "CD_REQUEST_RATING", "CD_INTERACTION",
                "CD_INTERACTION_EVENT");
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        String id = citizen.id();
        return List.of(
                PersonalDataSet.labelled(labels, "requests", List.of("number", "type", "channel", "registered",
                        "description", "address", "department", "deadline", "trackingCode"), jdbc.texts("read a person's "
                        + "requests", "SELECT REQ_NUMBER, TYPE_CODE, CHANNEL, REGISTERED_MS, DESCRIPTION, ADDRESS, "
                        + "DEPARTMENT, DEADLINE, TRACKING_CODE FROM CD_REQUEST WHERE CITIZEN_ID = ? ORDER BY REGISTERED_MS",
                        zone, id).stream().map(row -> opened(id, row, 4, 5)).toList()),
                PersonalDataSet.labelled(labels, "requestDetails", List.of("number", "name", "value"), jdbc.texts(
                        "read a person's request details", "SELECT REQUEST_NUMBER, NAME, DETAIL_VALUE FROM "
                        + "CD_REQUEST_DETAIL WHERE REQUEST_NUMBER" + OF_CITIZEN + " ORDER BY REQUEST_NUMBER, POS", zone, id)
                        .stream().map(row -> opened(id, row, 2)).toList()),
                PersonalDataSet.labelled(labels, "history", List.of("number", "seq", "at", "kind", "status", "comment",
                        "attachment", "by"), jdbc.texts("read a person's request history", "SELECT REQUEST_NUMBER, "
                        + "EVENT_SEQ, OCCURRED_MS, KIND, STATUS, COMMENT_TEXT, ATTACHMENT_NAME, ACTOR FROM "
                        + "CD_REQUEST_EVENT WHERE REQUEST_NUMBER" + OF_CITIZEN + " ORDER BY REQUEST_NUMBER, EVENT_SEQ",
                        zone, id).stream().map(row -> opened(id, row, 5, 6)).toList()),
                PersonalDataSet.labelled(labels, "ratings", List.of("number", "rated", "score", "comment"), jdbc.texts(
                        "read a person's ratings", "SELECT REQ_NUMBER, RATED_MS, SCORE, COMMENT_TEXT FROM CD_REQUEST_RATING"
                        + " WHERE REQ_NUMBER" + OF_CITIZEN + " ORDER BY RATED_MS", zone, id).stream()
                        .map(row -> opened(id, row, 3)).toList()),
                PersonalDataSet.labelled(labels, "contacts", List.of("contact", "channel", "started", "staff", "at",
                        "kind", "verified", "outcome", "remarks", "request"), jdbc.texts("read a person's contacts",
                        "SELECT i.ID, i.CHANNEL, i.STARTED_MS, i.STAFF, e.OCCURRED_MS, e.KIND, e.VERIFIED, e.OUTCOME, "
                        + "e.REMARKS, e.REQUEST_NUMBER FROM CD_INTERACTION i JOIN CD_INTERACTION_EVENT e ON "
                        + "e.INTERACTION_ID = i.ID WHERE i.ID IN (SELECT INTERACTION_ID FROM CD_INTERACTION_EVENT WHERE "
                        + "CITIZEN_ID = ?) ORDER BY i.ID, e.ID", zone, id).stream().map(row -> opened(id, row, 8))
                        .toList()));
    }

    /** {@code row} with its cells {@code sealed} opened with the person's key. */
    private List<String> opened(String citizenId, List<String> row, int... sealed) {
        List<String> cells = new java.util.ArrayList<>(row);
        for (int cell : sealed) {
            cells.set(cell, texts.opened(citizenId, row.get(cell)));
        }
        return cells;
    }

    /**
     * The words a search found the person's requests by go (they are an index, not the record): each is found by its
     * number alone from now on. What the requests say stays sealed with the key the erasure destroys.
     */
    @Override
    public void erase(Citizen citizen) {
        List<String> numbers = jdbc.query("find a person's requests", "SELECT REQ_NUMBER FROM CD_REQUEST WHERE CITIZEN_ID = ?",
                rs -> rs.getString(1), 0, citizen.id());
        jdbc.update("forget the words of a person's requests", c -> {
            try {
                for (String number : numbers) {
                    RequestWords.insert(c, texts, number, RequestWords.of(number));
                }
            } catch (java.sql.SQLException e) {
                throw org.civicdesk.persistence.SqlErrors.unchecked("keeping the numbers of a person's requests", e);
            }
        }, "DELETE FROM " + RequestWords.TOKENS + " WHERE REQ_NUMBER" + OF_CITIZEN, citizen.id());
    }
}
