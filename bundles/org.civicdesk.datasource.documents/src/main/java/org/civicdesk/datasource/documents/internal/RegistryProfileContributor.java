package org.civicdesk.datasource.documents.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.datasource.api.AbstractCitizenProfileContributor;
import org.civicdesk.datasource.api.CitizenProfileContributor;
import org.civicdesk.datasource.api.Fact;
import org.civicdesk.datasource.api.ProfileContribution;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Adds the citizen's entries in the document registry to the 360° view: which filing got which
 * registry number, for the requests the viewer may open (R20: another department's request numbers
 * are not theirs to know).
 */
@Component(service = CitizenProfileContributor.class,
        property = CitizenProfileContributor.ID_PROPERTY + "=" + RegistryProfileContributor.SOURCE)
public class RegistryProfileContributor extends AbstractCitizenProfileContributor {
    static final String SOURCE = "documents";
    private static final int SHOWN = 10;
    private final RegistryJournal journal;
    private final RequestRegistry requests;
    private final CityClock clock;

    @Activate
    public RegistryProfileContributor(@Reference RegistryJournal journal, @Reference RequestRegistry requests,
            @Reference CityClock clock) {
        this.journal = journal;
        this.requests = requests;
        this.clock = clock;
    }

    /** Nothing without a viewer: which entries may be shown depends on who looks. */
    @Override
    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
        return List.of();
    }

    @Override
    public List<ProfileSection> sections(Actor viewer, Citizen citizen, Locale locale) {
        RequestQuery ofCitizen = new RequestQuery(null, null, null, null, null, citizen.id(), null, null, null, null);
        // The registry entries of the citizen's newest requests this viewer may open: read from the citizen's own index,
        // a page of the shown size, however many the citizen filed.
        return sections(requests.newest(viewer, ofCitizen, 0, SHOWN), locale);
    }

    /** The 360° view tells the requests it shows: their entries are taken among those, the registry not asked again. */
    @Override
    public ProfileContribution contribution(Actor viewer, Citizen citizen, List<ServiceRequest> newest, Locale locale) {
        return new ProfileContribution(sections(newest.subList(0, Math.min(SHOWN, newest.size())), locale),
                verificationFacts(citizen, locale));
    }

    /** The section of the registry entries of {@code shown}, the citizen's newest requests the viewer may open. */
    private List<ProfileSection> sections(List<ServiceRequest> shown, Locale locale) {
        Map<String, RegistryJournal.Entry> byNumber = new HashMap<>();
        journal.entriesOf(shown.stream().map(r -> r.number().toString()).toList())
                .forEach(e -> byNumber.put(e.requestNumber(), e));
        List<RegistryJournal.Entry> entries = shown.stream().map(r -> byNumber.get(r.number().toString()))
                .filter(Objects::nonNull).toList();
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
