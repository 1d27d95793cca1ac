package org.civicdesk.identity.internal;

import java.time.ZoneId;
import java.util.ArrayList;
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
    private final CitizenKeysImpl keys;

    @Activate
    public IdentityPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenKeysImpl keys) {
        this.jdbc = new Jdbc(dataSource);
        this.keys = keys;
    }

    /** The rows with the cells of {@code columns} opened with the person's key: nothing once the person was erased. */
    private List<List<String>> opened(String citizenId, List<List<String>> rows, int... columns) {
        return rows.stream().map(row -> {
            List<String> open = new ArrayList<>(row);
            for (int column : columns) {
                open.set(column, keys.open(citizenId, row.get(column)).orElse(null));
            }
            return open;
        }).toList();
    }

    @Override
    public Set<String> tables() {
        // The person's key is no data about them (it is what their sealed data opens with): named, never exported.
        // Nor are the keyed hashes a person is found by (CD_CITIZEN_TOKEN): they are the data above, unreadable.
        return Set.of("CD_CITIZEN", "CD_CITIZEN_CORRECTION", "CD_CITIZEN_ERASURE", "CD_CITIZEN_KEY", "CD_CITIZEN_PIN",
                "CD_CITIZEN_PIN_ATTEMPT", SealedCitizens.TOKENS);
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        return List.of(
                PersonalDataSet.labelled(labels, "identity", List.of("kind", "nationalId", "firstName", "lastName",
                        "address", "phone", "email", "registered"), opened(citizen.id(), jdbc.texts("read a person's "
                        + "identity", "SELECT KIND, NATIONAL_ID, FIRST_NAME, LAST_NAME, ADDRESS, PHONE, EMAIL, REGISTERED_MS "
                        + "FROM CD_CITIZEN WHERE ID = ?", zone, citizen.id()), 1, 2, 3, 4, 5, 6)),
                PersonalDataSet.labelled(labels, "corrections", List.of("corrected", "field", "superseded", "value",
                        "by", "why"), opened(citizen.id(), jdbc.texts("read the corrections of a person's data",
                        "SELECT CORRECTED_MS, FIELD, SUPERSEDED_VALUE, NEW_VALUE, CORRECTED_BY, REASON FROM "
                        + "CD_CITIZEN_CORRECTION WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO", zone, citizen.id()), 2, 3)),
                PersonalDataSet.labelled(labels, "erasure", List.of("erased", "by", "why"), jdbc.texts(
                        "read a person's erasure", "SELECT ERASED_MS, ERASED_BY, REASON FROM CD_CITIZEN_ERASURE WHERE "
                        + "CITIZEN_ID = ?", zone, citizen.id())),
                PersonalDataSet.labelled(labels, "pins", List.of("issued", "issuedBy"), jdbc.texts("read a person's PINs",
                        "SELECT ISSUED_MS, ISSUED_BY FROM CD_CITIZEN_PIN WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO", zone,
                        citizen.id())),
                PersonalDataSet.labelled(labels, "pinAttempts", List.of("at", "channel", "succeeded"),
                        jdbc.texts("read a person's PIN tries", "SELECT ATTEMPT_MS, CHANNEL, SUCCEEDED FROM "
                                + "CD_CITIZEN_PIN_ATTEMPT WHERE CITIZEN_ID = ? ORDER BY ENTRY_NO", zone, citizen.id())));
    }
}
