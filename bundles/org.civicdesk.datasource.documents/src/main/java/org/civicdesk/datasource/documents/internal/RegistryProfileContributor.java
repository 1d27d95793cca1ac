package org.civicdesk.datasource.documents.internal;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.datasource.api.AbstractCitizenProfileContributor;
import org.civicdesk.datasource.api.CitizenProfileContributor;
import org.civicdesk.datasource.api.Fact;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.identity.api.Citizen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Adds the citizen's entries in the document registry to the 360° view: which filing got which registry number. */
@Component(service = CitizenProfileContributor.class,
        property = CitizenProfileContributor.ID_PROPERTY + "=" + RegistryProfileContributor.SOURCE)
public class RegistryProfileContributor extends AbstractCitizenProfileContributor {
    static final String SOURCE = "documents";
    private static final int SHOWN = 10;
    private final RegistryJournal journal;
    private final CityClock clock;

    @Activate
    public RegistryProfileContributor(@Reference RegistryJournal journal, @Reference CityClock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
        List<RegistryJournal.Entry> entries = journal.ofCitizen(citizen.id(), SHOWN);
        if (entries.isEmpty()) {
            return List.of();
        }
        ResourceBundle m = ResourceBundle.getBundle("org.civicdesk.datasource.documents.internal.Messages", locale,
                RegistryProfileContributor.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Fact> facts = entries.stream().map(e -> new Fact(m.getString("request") + " " + e.requestNumber(),
                e.reference() + ", " + e.registeredAt().atZone(clock.zone()).toLocalDate())).toList();
        return List.of(new ProfileSection(SOURCE, m.getString("registry.title"), "document-registry", facts));
    }
}
