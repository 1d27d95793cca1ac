package org.civicdesk.request.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.civicdesk.audit.api.RecordDigest;
import org.civicdesk.audit.api.RecordSource;
import org.civicdesk.persistence.JpaTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Interactions as the audit trail vouches for them: the start is a record
 * ({@code interaction:<id>#0}), and so is each step after it ({@code interaction:<id>#<n>}).
 */
@Component(service = RecordSource.class)
public class InteractionRecords implements RecordSource {
    static final String KIND = "interaction";
    private static final String PREFIX = KIND + ":";
    private static final String START = "#0";

    private final JpaTransactions tx;

    @Activate
    public InteractionRecords(@Reference(target = "(osgi.unit.name=civicdesk-request)") EntityManagerFactory emf) {
        this.tx = new JpaTransactions(emf);
    }

    static RecordDigest start(InteractionEntity interaction) {
        return RecordDigest.of(PREFIX + interaction.getId() + START, interaction.recordFields());
    }

    static RecordDigest step(InteractionEventEntity event) {
        return RecordDigest.of(PREFIX + event.getId(), event.recordFields());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> digests(Collection<String> refs) {
        List<String> starts = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (String ref : refs) {
            if (ref.startsWith(PREFIX)) {
                String key = ref.substring(PREFIX.length());
                if (key.endsWith(START)) {
                    starts.add(key.substring(0, key.length() - START.length()));
                } else {
                    steps.add(key);
                }
            }
        }
        Map<String, String> found = new HashMap<>();
        tx.read(em -> {
            if (!starts.isEmpty()) {
                em.createQuery("SELECT i FROM InteractionEntity i WHERE i.id IN :ids", InteractionEntity.class)
                        .setParameter("ids", starts).getResultList().forEach(i -> {
                            RecordDigest d = start(i);
                            found.put(d.ref(), d.digest());
                        });
            }
            if (!steps.isEmpty()) {
                em.createQuery("SELECT e FROM InteractionEventEntity e WHERE e.id IN :ids", InteractionEventEntity.class)
                        .setParameter("ids", steps).getResultList().forEach(e -> {
                            RecordDigest d = step(e);
                            found.put(d.ref(), d.digest());
                        });
            }
            return null;
        });
        return found;
    }

    @Override
    public List<String> refs(String after, int max) {
        String from = after == null ? "" : after.substring(PREFIX.length(), after.lastIndexOf('#'));
        return tx.read(em -> {
            // A few interactions per page, each with all its steps, so that a page stays near max references.
            List<String> ids = em.createQuery("SELECT i.id FROM InteractionEntity i WHERE i.id > ?1 ORDER BY i.id",
                    String.class).setParameter(1, from).setMaxResults(Math.max(1, max / 8)).getResultList();
            if (ids.isEmpty()) {
                return List.<String>of();
            }
            Map<String, List<String>> steps = new HashMap<>();
            em.createQuery("SELECT e FROM InteractionEventEntity e WHERE e.interactionId IN :ids ORDER BY e.sequence",
                    InteractionEventEntity.class).setParameter("ids", ids).getResultList()
                    .forEach(e -> steps.computeIfAbsent(e.getInteractionId(), k -> new ArrayList<>()).add(PREFIX + e.getId()));
            List<String> refs = new ArrayList<>();
            for (String id : ids) {
                refs.add(PREFIX + id + START);
                refs.addAll(steps.getOrDefault(id, List.of()));
            }
            return refs;
        });
    }

    @Override
    public List<String> inconsistencies(int max) {
        return List.of();
    }
}
