package org.civicdesk.identity.internal;

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

/**
 * A person's identity as recorded and its corrections (the superseded values kept), the PINs issued to them (never the
 * PIN) and the tries to use one.
 */
@Component(service = PersonalData.class)
public class IdentityPersonalData implements PersonalData {
    private final Jdbc jdbc;

    @Activate
    public IdentityPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_CITIZEN", "CD_CITIZEN_CORRECTION", "CD_CITIZEN_PIN", "CD_CITIZEN_PIN_ATTEMPT");
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        return List.of(
                PersonalDataSet.labelled(labels, "identity", List.of("kind", "nationalId", "firstName", "lastName",
                        "address", "phone", "email", "registered"), jdbc.texts("read a person's identity",
                        "SELECT KIND, NATIONAL_ID, FIRST_NAME, LAST_NAME, ADDRESS, PHONE, EMAIL, REGISTERED_MS FROM CD_CITIZEN"
                                + " WHERE ID = ?", zone, citizen.id())),
                PersonalDataSet.labelled(labels, "corrections", List.of("corrected", "field", "superseded", "value",
                        "by", "why"), jdbc.texts("read the corrections of a person's data", "SELECT CORRECTED_MS, FIELD, "
                        + "SUPERSEDED_VALUE, NEW_VALUE, CORRECTED_BY, REASON FROM CD_CITIZEN_CORRECTION WHERE CITIZEN_ID = ? "
                        + "ORDER BY ENTRY_NO", zone, citizen.id())),
                PersonalDataSet.labelled(labels, "pins", List.of("issued", "issuedBy"), jdbc.texts("read a person's PINs",
                        "SELECT ISSUED_MS, ISSUED_BY FROM CD_CITIZEN_PIN WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO", zone,
                        citizen.id())),
                PersonalDataSet.labelled(labels, "pinAttempts", List.of("at", "channel", "succeeded"),
                        jdbc.texts("read a person's PIN tries", "SELECT ATTEMPT_MS, CHANNEL, SUCCEEDED FROM "
                                + "CD_CITIZEN_PIN_ATTEMPT WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO", zone, citizen.id())));
    }
}
