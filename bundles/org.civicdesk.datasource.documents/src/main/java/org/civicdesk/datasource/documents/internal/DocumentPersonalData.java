package org.civicdesk.datasource.documents.internal;

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

/** A person's entries in the registry journal, and the files added to their requests. */
@Component(service = PersonalData.class)
public class DocumentPersonalData implements PersonalData {
    private final Jdbc jdbc;

    @Activate
    public DocumentPersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_DOC_REGISTRY", "CD_DOC_UPLOAD");
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        return List.of(
                PersonalDataSet.labelled(labels, "registry", List.of("entry", "request", "type", "department", "channel",
                        "registered"), jdbc.texts("read a person's registry entries", "SELECT ENTRY_NO, REQUEST_NUMBER, "
                        + "REQUEST_TYPE, DEPARTMENT, CHANNEL, REGISTERED_AT FROM CD_DOC_REGISTRY WHERE CITIZEN_ID = ? "
                        + "ORDER BY ENTRY_NO", zone, citizen.id())),
                PersonalDataSet.labelled(labels, "files", List.of("request", "uploaded", "uploadedBy", "sha256"),
                        jdbc.texts("read the files of a person's requests", "SELECT u.REQUEST_NUMBER, u.UPLOADED_MS, "
                        + "u.UPLOADED_BY, u.SHA256 FROM CD_DOC_UPLOAD u WHERE u.REQUEST_NUMBER IN (SELECT REQ_NUMBER FROM "
                        + "CD_REQUEST WHERE CITIZEN_ID = ?) ORDER BY u.ENTRY_NO", zone, citizen.id())));
    }
}
