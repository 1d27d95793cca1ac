package org.civicdesk.privacy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.civicdesk.audit.api.AuditEntry;
import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.AuditLog.Viewed;
import org.civicdesk.audit.api.AuditQuery;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.PersonalData;
import org.civicdesk.identity.api.PersonalDataSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A person's rights over their data, over every installed module's {@link PersonalData} part: the copy of everything
 * CivicDesk keeps about them (GDPR art. 15) with who read or changed it, when and why; and their erasure (art. 17).
 * For the data protection officer and admins.
 */
@Component(service = DataSubjectRights.class)
public class DataSubjectRights {
    /** The most entries of the person's audit trail listed (a person read every day for years stays well below). */
    static final int MAX_TRAIL = 10_000;
    private final CitizenRegistry citizens;
    private final AuditLog audit;
    private final CityClock clock;
    private final Map<String, PersonalData> parts = new ConcurrentSkipListMap<>();

    @Activate
    public DataSubjectRights(@Reference CitizenRegistry citizens, @Reference AuditLog audit, @Reference CityClock clock) {
        this.citizens = citizens;
        this.audit = audit;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPart(PersonalData part) {
        parts.put(order(part), part);
    }

    void removePart(PersonalData part) {
        parts.remove(order(part), part);
    }

    /** The core's parts first (who the person is, then their requests), the plug-ins' after them by name. */
    private static String order(PersonalData part) {
        String name = part.getClass().getName();
        return (name.startsWith("org.civicdesk.identity.") ? "0" : name.startsWith("org.civicdesk.request.") ? "1" : "2")
                + name;
    }

    /** What a person's copy of their data holds. */
    record Export(Citizen citizen, Instant generated, String language, List<PersonalDataSet> sets) {
    }

    /**
     * The copy of {@code citizenId}'s data in {@code language}.
     *
     * @throws AccessDeniedException unless the actor is the data protection officer or an admin
     * @throws NotFoundException     for an unknown citizen
     */
    Export of(Actor actor, String citizenId, String reason, String language) {
        if (!actor.has(Role.DPO) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the data protection officer or an admin exports a person's data");
        }
        return audit.recordingAsOne(() -> {
            Citizen citizen = citizens.get(actor, citizenId, reason)
                    .orElseThrow(() -> new NotFoundException("no citizen " + citizenId));
            List<PersonalDataSet> sets = new ArrayList<>();
            Set<String> kinds = new LinkedHashSet<>(List.of("citizen-identity", "personal-data", "audit"));
            for (PersonalData part : parts.values()) {
                sets.addAll(part.of(citizen, language, clock.zone()));
            }
            sets.add(trail(citizen, language));
            AuditEvent export = new AuditEvent(actor.username(), "citizen.export", String.join(",", kinds), "citizen",
                    citizen.id(), AuditEvent.purpose(reason));
            return new Viewed<>(new Export(citizen, Instant.now(), language, sets), export);
        });
    }

    /**
     * Erases the person: each module removes what it may, then their identity becomes a pseudonym and their key is
     * destroyed ({@link CitizenRegistry#erase}).
     *
     * @throws AccessDeniedException unless the actor is the data protection officer, an admin or the system
     */
    Citizen erase(Actor actor, String citizenId, String reason) {
        // Checked in full before anything is read or removed: bad input changes nothing.
        CitizenRegistry.erasureGround(actor, reason);
        if (citizens.erased(citizenId)) {
            throw new ConflictException("the person was erased already");
        }
        Citizen citizen = citizens.get(actor, citizenId, "erasure: " + reason)
                .orElseThrow(() -> new NotFoundException("no citizen " + citizenId));
        for (PersonalData part : parts.values()) {
            part.erase(citizen);
        }
        return citizens.erase(actor, citizenId, reason);
    }

    /** Who read or changed the person's data, when and why. */
    private PersonalDataSet trail(Citizen citizen, String language) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        List<List<String>> rows = new ArrayList<>();
        for (AuditEntry entry : audit.search(new AuditQuery(null, null, "citizen", citizen.id(), null, null), 0,
                MAX_TRAIL).items()) {
            AuditEvent event = entry.event();
            rows.add(java.util.Arrays.asList(entry.time().atZone(clock.zone()).toLocalDateTime().withNano(0).toString()
                    .replace('T', ' '), event.actor(), event.action(), event.infoKind(),
                    AuditEvent.purposeOf(event.remarks())));
        }
        return PersonalDataSet.labelled(labels, "reads", List.of("at", "by", "action", "kinds", "why"), rows);
    }
}
