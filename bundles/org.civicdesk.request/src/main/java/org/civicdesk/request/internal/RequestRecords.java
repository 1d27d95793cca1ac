package org.civicdesk.request.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.civicdesk.audit.api.RecordDigest;
import org.civicdesk.audit.api.RecordSource;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.request.api.EventKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Request history as the audit trail vouches for it: each event is a record
 * ({@code request:2026/000123#2}); the first one's digest also covers the request as filed and
 * its details, so nothing written at filing escapes, and a {@code RATED} one's covers the
 * citizen's rating. The current state of each request is checked against its last event.
 */
@Component(service = RecordSource.class)
public class RequestRecords implements RecordSource {
    static final String KIND = "request";
    private static final String PREFIX = KIND + ":";

    private final JpaTransactions tx;

    @Activate
    public RequestRecords(@Reference(target = "(osgi.unit.name=civicdesk-request)") EntityManagerFactory emf) {
        this.tx = new JpaTransactions(emf);
    }

    /** The record of a filing: the request, its details and its first event. */
    static RecordDigest filing(RequestEntity request, List<RequestDetailEntity> details, RequestEventEntity created) {
        List<Object> fields = new ArrayList<>(Arrays.asList(created.recordFields()));
        fields.addAll(Arrays.asList(request.recordFields()));
        details.forEach(d -> fields.addAll(Arrays.asList(d.recordFields())));
        return RecordDigest.of(ref(created), fields.toArray());
    }

    /** The record of a later event. */
    static RecordDigest event(RequestEventEntity event) {
        return RecordDigest.of(ref(event), event.recordFields());
    }

    /** The record of a citizen's rating: its history event and the rating it stands for. */
    static RecordDigest rating(RequestEventEntity event, RequestRatingEntity rating) {
        List<Object> fields = new ArrayList<>(Arrays.asList(event.recordFields()));
        fields.addAll(Arrays.asList(rating.recordFields()));
        return RecordDigest.of(ref(event), fields.toArray());
    }

    private static String ref(RequestEventEntity event) {
        return PREFIX + event.getId();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> digests(Collection<String> refs) {
        List<String> ids = refs.stream().filter(r -> r.startsWith(PREFIX)).map(r -> r.substring(PREFIX.length())).toList();
        Map<String, String> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        tx.read(em -> {
            List<RequestEventEntity> events = em.createQuery("SELECT e FROM RequestEventEntity e WHERE e.id IN :ids",
                    RequestEventEntity.class).setParameter("ids", ids).getResultList();
            List<String> filed = events.stream().filter(e -> e.toDto().sequence() == 1)
                    .map(RequestEventEntity::getRequestNumber).toList();
            Map<String, RequestEntity> requests = new HashMap<>();
            Map<String, List<RequestDetailEntity>> details = new HashMap<>();
            if (!filed.isEmpty()) {
                em.createQuery("SELECT r FROM RequestEntity r WHERE r.number IN :numbers", RequestEntity.class)
                        .setParameter("numbers", filed).getResultList().forEach(r -> requests.put(r.getNumber(), r));
                em.createQuery("SELECT d FROM RequestDetailEntity d WHERE d.requestNumber IN :numbers ORDER BY d.position",
                        RequestDetailEntity.class).setParameter("numbers", filed).getResultList()
                        .forEach(d -> details.computeIfAbsent(d.getRequestNumber(), k -> new ArrayList<>()).add(d));
            }
            List<String> rated = events.stream().filter(e -> e.toDto().kind() == EventKind.RATED)
                    .map(RequestEventEntity::getRequestNumber).toList();
            Map<String, RequestRatingEntity> ratings = new HashMap<>();
            if (!rated.isEmpty()) {
                em.createQuery("SELECT g FROM RequestRatingEntity g WHERE g.number IN :numbers", RequestRatingEntity.class)
                        .setParameter("numbers", rated).getResultList().forEach(g -> ratings.put(g.getNumber(), g));
            }
            for (RequestEventEntity e : events) {
                if (e.toDto().kind() == EventKind.RATED) {
                    RequestRatingEntity rating = ratings.get(e.getRequestNumber());
                    // A rating gone (or moved to another event) leaves the event's digest unmatched.
                    found.put(ref(e), rating == null || rating.getEventSequence() != e.toDto().sequence() ? event(e).digest()
                            : rating(e, rating).digest());
                } else if (e.toDto().sequence() != 1) {
                    found.put(ref(e), event(e).digest());
                } else if (requests.containsKey(e.getRequestNumber())) {
                    found.put(ref(e), filing(requests.get(e.getRequestNumber()),
                            details.getOrDefault(e.getRequestNumber(), List.of()), e).digest());
                }
            }
            return null;
        });
        return found;
    }

    @Override
    public List<String> refs(String after, int max) {
        String from = after == null ? "" : after.substring(PREFIX.length());
        return tx.read(em -> em.createQuery("SELECT e.id FROM RequestEventEntity e WHERE e.id > ?1 ORDER BY e.id",
                String.class).setParameter(1, from).setMaxResults(max).getResultList().stream().map(id -> PREFIX + id)
                .toList());
    }

    @Override
    public List<String> inconsistencies(int max) {
        return tx.read(em -> Stream.of(
                numbers(em, "SELECT r.REQ_NUMBER FROM CD_REQUEST r WHERE NOT EXISTS (SELECT 1 FROM CD_REQUEST_STATE s "
                        + "WHERE s.REQ_NUMBER = r.REQ_NUMBER) OR NOT EXISTS (SELECT 1 FROM CD_REQUEST_EVENT e "
                        + "WHERE e.REQUEST_NUMBER = r.REQ_NUMBER AND e.EVENT_SEQ = 1)", max).stream()
                        .map(n -> "request " + n + " has no current state or no filing event"),
                numbers(em, "SELECT s.REQ_NUMBER FROM CD_REQUEST_STATE s LEFT JOIN CD_REQUEST_EVENT e "
                        + "ON e.REQUEST_NUMBER = s.REQ_NUMBER AND e.EVENT_SEQ = s.LAST_EVENT_SEQ WHERE e.ID IS NULL "
                        + "OR e.STATUS <> s.STATUS OR e.OCCURRED_MS <> s.LAST_CHANGE_MS "
                        + "OR (e.ASSIGNEE IS NULL AND s.ASSIGNEE IS NOT NULL) "
                        + "OR (e.ASSIGNEE IS NOT NULL AND (s.ASSIGNEE IS NULL OR e.ASSIGNEE <> s.ASSIGNEE)) "
                        + "OR EXISTS (SELECT 1 FROM CD_REQUEST_EVENT n WHERE n.REQUEST_NUMBER = s.REQ_NUMBER "
                        + "AND n.EVENT_SEQ > s.LAST_EVENT_SEQ)", max).stream()
                        .map(n -> "the current state of request " + n + " does not follow from its history"),
                // A rating is in the history only through its RATED event: one without it was put there behind it.
                numbers(em, "SELECT g.REQ_NUMBER FROM CD_REQUEST_RATING g LEFT JOIN CD_REQUEST_EVENT e "
                        + "ON e.REQUEST_NUMBER = g.REQ_NUMBER AND e.EVENT_SEQ = g.EVENT_SEQ AND e.KIND = 'RATED' "
                        + "WHERE e.ID IS NULL", max).stream()
                        .map(n -> "the rating of request " + n + " is not in its history"))
                .flatMap(s -> s).limit(max).toList());
    }

    private static List<String> numbers(EntityManager em, String sql, int max) {
        return ((List<?>) em.createNativeQuery(sql).setMaxResults(max).getResultList()).stream().map(String::valueOf)
                .toList();
    }
}
