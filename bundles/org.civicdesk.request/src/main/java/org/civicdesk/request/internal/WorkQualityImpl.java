package org.civicdesk.request.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManagerFactory;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Periods;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.persistence.JpaTransactions;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.QualityCriteria;
import org.civicdesk.request.api.QualityFigures;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.WorkQuality;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Measures an assignee's work from the history (R4): for each request assigned to them in the period (its first such
 * assignment), the hours to their first own event after it, the working days to the first final status after it, and
 * whether the request left that final status again.
 */
@Component(service = WorkQuality.class, configurationPid = RequestRegistryImpl.PID)
public class WorkQualityImpl implements WorkQuality {
    private static final int CHUNK = 500;

    private final JpaTransactions tx;
    private final StaffDirectory staff;
    private final RequestTypeCatalog types;
    private final AuditLog audit;
    private final CityClock clock;
    private volatile WorkingCalendar calendar;

    @Activate
    public WorkQualityImpl(@Reference(target = "(osgi.unit.name=civicdesk-request)") EntityManagerFactory emf,
            @Reference StaffDirectory staff, @Reference RequestTypeCatalog types, @Reference AuditLog audit,
            @Reference CityClock clock, RegistryConfig config) {
        this.tx = new JpaTransactions(emf);
        this.staff = staff;
        this.types = types;
        this.audit = audit;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(RegistryConfig config) {
        this.calendar = WorkingCalendar.of(config);
    }

    @Override
    public List<QualityFigures> measure(Actor actor, String assignee, LocalDate from, LocalDate to) {
        Periods.require(from, to, 0);
        StaffAccount account = staff.find(assignee == null ? "" : assignee.strip())
                .orElseThrow(() -> InvalidInputException.of("assignee", "assignee.unknown", String.valueOf(assignee)));
        if (!actor.has(Role.ADMIN) && !Visibility.supervises(actor, account.department())) {
            throw new AccessDeniedException("only an administrator or a supervisor of " + account.department()
                    + " sees how " + account.username() + " works");
        }
        long start = from.atStartOfDay(clock.zone()).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(clock.zone()).toInstant().toEpochMilli();
        Map<String, Work> works = new TreeMap<>();
        tx.read(em -> {
            Map<String, RequestEvent> assignments = new LinkedHashMap<>();
            em.createQuery("SELECT e FROM RequestEventEntity e WHERE e.kind = ?1 AND e.assignee = ?2 AND e.occurredMillis >= ?3"
                    + " AND e.occurredMillis < ?4 ORDER BY e.occurredMillis", RequestEventEntity.class)
                    .setParameter(1, EventKind.ASSIGNED).setParameter(2, account.username()).setParameter(3, start)
                    .setParameter(4, end).getResultList()
                    .forEach(e -> assignments.putIfAbsent(e.getRequestNumber(), e.toDto()));
            List<String> numbers = new ArrayList<>(assignments.keySet());
            for (int i = 0; i < numbers.size(); i += CHUNK) {
                List<String> chunk = numbers.subList(i, Math.min(numbers.size(), i + CHUNK));
                Map<String, String> typeOf = new HashMap<>();
                em.createQuery("SELECT r.number, r.type FROM RequestEntity r WHERE r.number IN :numbers", Object[].class)
                        .setParameter("numbers", chunk).getResultList().forEach(row -> typeOf.put((String) row[0],
                                (String) row[1]));
                Map<String, List<RequestEvent>> histories = new HashMap<>();
                em.createQuery("SELECT e FROM RequestEventEntity e WHERE e.requestNumber IN :numbers ORDER BY e.requestNumber,"
                        + " e.sequence", RequestEventEntity.class).setParameter("numbers", chunk).getResultList()
                        .forEach(e -> histories.computeIfAbsent(e.getRequestNumber(), k -> new ArrayList<>()).add(e.toDto()));
                for (String number : chunk) {
                    String code = typeOf.get(number);
                    RequestType type = code == null ? null : types.find(code).orElse(null);
                    if (type != null) {
                        works.computeIfAbsent(code, k -> new Work(type)).add(account.username(), assignments.get(number),
                                histories.getOrDefault(number, List.of()));
                    }
                }
            }
            return null;
        });
        audit.record(new AuditEvent(actor.username(), "staff.quality.read", "request", "staff", account.username(),
                "from=" + from + " to=" + to));
        return works.values().stream().map(Work::figures).toList();
    }

    /** The figures of one type, gathered request by request. */
    private final class Work {
        private final RequestType type;
        private final List<Double> responseHours = new ArrayList<>();
        private final List<Double> resolveDays = new ArrayList<>();
        private int assigned;
        private int respondedInTime;
        private int resolvedInTime;
        private int reopened;

        Work(RequestType type) {
            this.type = type;
        }

        void add(String assignee, RequestEvent assignment, List<RequestEvent> history) {
            assigned++;
            QualityCriteria criteria = type.quality();
            Instant resolvedAt = null;
            boolean responded = false;
            for (RequestEvent e : history) {
                if (e.sequence() <= assignment.sequence()) {
                    continue;
                }
                if (!responded && assignee.equals(e.actor())) {
                    responded = true;
                    double hours = (e.time().toEpochMilli() - assignment.time().toEpochMilli()) / 3_600_000.0;
                    responseHours.add(hours);
                    respondedInTime += hours <= criteria.firstResponseHours() ? 1 : 0;
                }
                if (e.kind() == EventKind.STATUS_CHANGED && resolvedAt == null && type.isFinal(e.status())) {
                    resolvedAt = e.time();
                    int days = calendar.workingDaysBetween(day(assignment.time()), day(e.time()));
                    resolveDays.add((double) days);
                    resolvedInTime += days <= criteria.resolveDays() ? 1 : 0;
                } else if (e.kind() == EventKind.STATUS_CHANGED && resolvedAt != null && !type.isFinal(e.status())) {
                    reopened++;
                    break;
                }
            }
        }

        private LocalDate day(Instant time) {
            return LocalDate.ofInstant(time, clock.zone());
        }

        QualityFigures figures() {
            return new QualityFigures(type.code(), type.quality(), assigned, responseHours.size(), respondedInTime,
                    median(responseHours), resolveDays.size(), resolvedInTime, median(resolveDays), reopened);
        }
    }

    /** The median of the values, or {@code null} when there are none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
