package org.civicdesk.profile.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.AuditLog.Viewed;
import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.api.CitizenProfile;
import org.civicdesk.datasource.api.CitizenProfileContributor;
import org.civicdesk.datasource.api.CitizenProfileService;
import org.civicdesk.datasource.api.ProfileContribution;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.datasource.api.VerificationFact;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.CitizenAccess;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the 360° view from the contributors installed right now: a data-source feature
 * installed at run time adds its section on the next call, one uninstalled takes it away, and a
 * contributor that fails is reported as unavailable instead of failing the whole view.
 *
 * <p>Need to know (R20): a viewer gets only the sources {@link CitizenProfileContributor#visibleTo
 * visible to} them, only the requests they may open (the registry's visibility), interactions that
 * name only those requests, and no profile at all of a citizen they may not open
 * ({@link CitizenAccess}).
 */
@Component(service = CitizenProfileService.class)
public class CitizenProfileServiceImpl implements CitizenProfileService {
    private static final Logger LOG = LoggerFactory.getLogger(CitizenProfileServiceImpl.class);
    private static final int MAX_REQUESTS = 50;

    private final CitizenRegistry citizens;
    private final RequestRegistry requests;
    private final InteractionLog interactions;
    private final AuditLog audit;
    /** Contributors by data-source id, so the sections come in a stable order. */
    private final Map<String, CitizenProfileContributor> contributors = new ConcurrentSkipListMap<>();

    @Activate
    public CitizenProfileServiceImpl(@Reference CitizenRegistry citizens, @Reference RequestRegistry requests,
            @Reference InteractionLog interactions, @Reference AuditLog audit) {
        this.citizens = citizens;
        this.requests = requests;
        this.interactions = interactions;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContributor(CitizenProfileContributor contributor, Map<String, Object> properties) {
        contributors.put(sourceId(contributor, properties), contributor);
    }

    void removeContributor(CitizenProfileContributor contributor, Map<String, Object> properties) {
        contributors.remove(sourceId(contributor, properties), contributor);
    }

    private static String sourceId(CitizenProfileContributor contributor, Map<String, Object> properties) {
        Object id = properties.get(CitizenProfileContributor.ID_PROPERTY);
        return id != null ? id.toString() : contributor.getClass().getName();
    }

    @Override
    public Optional<CitizenProfile> profile(Actor actor, String citizenId, String reason, Locale locale) {
        // The view reads the citizen, every source, the requests and the contacts: its one entry names them all, and
        // is what audit-reads counts — one view, one read.
        return audit.recordingAsOne(() -> assemble(actor, citizenId, reason, locale));
    }

    private Viewed<Optional<CitizenProfile>> assemble(Actor actor, String citizenId, String reason, Locale locale) {
        if (!CitizenAccess.mayOpen(requests, actor, citizenId)) {
            return new Viewed<>(Optional.empty(), null);
        }
        Optional<Citizen> found = citizens.get(actor, citizenId, reason);
        if (found.isEmpty()) {
            return new Viewed<>(Optional.empty(), null);
        }
        Citizen citizen = found.get();
        RequestQuery ofCitizen = new RequestQuery(null, null, null, null, null, citizen.id(), null, null, null, null);
        // Newest first from the citizen's index: no count, no sort of everything a citizen ever filed. Read once, and
        // told to the sources whose facts name requests.
        List<ServiceRequest> filed = requests.newest(actor, ofCitizen, 0, MAX_REQUESTS);
        List<VerificationFact> facts = new ArrayList<>();
        List<ProfileSection> sections = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, CitizenProfileContributor> source : contributors.entrySet()) {
            try {
                if (!source.getValue().visibleTo(actor)) {
                    continue;
                }
                ProfileContribution contribution = source.getValue().contribution(actor, citizen, filed, locale);
                facts.addAll(contribution.verificationFacts());
                sections.addAll(contribution.sections());
            } catch (RuntimeException e) {
                // Only the type: a message may quote the citizen's data.
                LOG.warn("Data source {} failed to contribute to a profile: {}", source.getKey(), e.getClass().getName());
                unavailable.add(source.getKey());
            }
        }
        // The interactions show only numbers among the requests shown: an older request linked there stays hidden,
        // never shown to the wrong viewer.
        Set<RequestNumber> visible = new HashSet<>();
        filed.forEach(r -> visible.add(r.number()));
        List<Interaction> contacts = interactions.ofCitizen(actor, citizen.id(), MAX_REQUESTS).stream()
                .map(i -> withRequestsAmong(i, visible)).toList();

        Set<String> kinds = new LinkedHashSet<>();
        kinds.add("citizen-identity");
        facts.forEach(f -> kinds.add(f.infoKind()));
        sections.forEach(s -> kinds.add(s.infoKind()));
        kinds.add("request");
        kinds.add("interaction");
        AuditEvent view = new AuditEvent(actor.username(), "citizen.profile", String.join(",", kinds), "citizen",
                citizen.id(), AuditEvent.purpose(reason));
        return new Viewed<>(Optional.of(new CitizenProfile(citizen, facts, sections, filed, contacts, unavailable)), view);
    }

    /** The interaction naming only the requests the viewer may open: another department's numbers stay hidden. */
    private static Interaction withRequestsAmong(Interaction i, Set<RequestNumber> visible) {
        List<RequestNumber> shown = i.requests().stream().filter(visible::contains).toList();
        return shown.size() == i.requests().size() ? i : new Interaction(i.id(), i.channel(), i.staff(), i.startedAt(),
                i.citizenId(), i.verified(), shown, i.outcome(), i.endedAt(), i.remarks());
    }
}
