package org.civicdesk.engagement.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.PersonalData;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.persistence.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The polls a person voted in, and when: never what they voted (the ballot is kept apart from the voter). */
@Component(service = PersonalData.class)
public class PollPersonalData implements PersonalData {
    private final Jdbc jdbc;

    @Activate
    public PollPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_POLL_PARTICIPATION");
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        String question = "en".equals(language) ? "p.QUESTION_EN" : "p.QUESTION_RO";
        return List.of(PersonalDataSet.labelled(PersonalDataSet.labels(getClass(), language), "votes",
                List.of("poll", "voted", "channel"), jdbc.texts("read the polls a person voted in", "SELECT " + question
                        + ", v.VOTED_MS, v.CHANNEL FROM CD_POLL_PARTICIPATION v JOIN CD_POLL p ON p.ID = v.POLL_ID "
                        + "WHERE v.CITIZEN_ID = ? ORDER BY v.VOTED_MS", zone, citizen.id())));
    }
}
