package org.civicdesk.report.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.Reports;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed reports, tracked as they come and go (a report bundle installed at run time is listed at
 * once, and gone when it stops), and every run recorded in the audit trail.
 */
@Component(service = Reports.class)
public class ReportsImpl implements Reports {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsImpl.class);
    private final AuditLog audit;
    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @Activate
    public ReportsImpl(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addReport(Report report) {
        if (report.id() == null || !report.id().matches("[a-z0-9][a-z0-9-]{0,49}")) {
            LOG.warn("A report with the id '{}' is ignored: ids are lower-case letters, digits and dashes", report.id());
            return;
        }
        reports.add(report);
    }

    void removeReport(Report report) {
        reports.remove(report);
    }

    @Override
    public List<Report> available(Actor actor) {
        return reports.stream().filter(r -> mayRun(actor, r)).sorted(Comparator.comparing(Report::id)).toList();
    }

    @Override
    public Optional<Report> get(String id) {
        // The first registered wins when two bundles claim one id.
        return reports.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public ReportResult run(Actor actor, String id, ReportParameters parameters) {
        Report report = get(id).orElseThrow(() -> new NotFoundException("no report '" + id + "' is installed"));
        if (!mayRun(actor, report)) {
            throw new AccessDeniedException("the report '" + id + "' is not for your role");
        }
        check(report, parameters);
        // Recorded before the figures are returned, like every read: no value of the result, only what was asked.
        StringBuilder remarks = new StringBuilder("period=").append(parameters.period());
        parameters.others().forEach((k, v) -> remarks.append(' ').append(k).append('=').append(v));
        ReportResult result = report.run(actor, parameters);
        audit.record(new AuditEvent(actor.username(), "report.run", "report", "report", id, remarks.toString()));
        return result;
    }

    static boolean mayRun(Actor actor, Report report) {
        Set<?> roles = report.roles();
        return actor.roles().stream().anyMatch(roles::contains);
    }

    /** Only the parameters the report takes, and every one it requires. */
    private static void check(Report report, ReportParameters parameters) {
        for (String given : parameters.others().keySet()) {
            if (report.parameters().stream().noneMatch(p -> p.id().equals(given))) {
                throw InvalidInputException.of(given, "report.unknownParameter", report.id(),
                        TextInput.line("parameter", given, 50));
            }
        }
        for (ReportParameter p : report.parameters()) {
            boolean period = p.id().equals(ReportParameters.FROM) || p.id().equals(ReportParameters.TO);
            if (p.required() && !period && !parameters.others().containsKey(p.id())) {
                throw InvalidInputException.of(p.id(), "report.missingParameter", report.id(), p.id());
            }
        }
    }
}
