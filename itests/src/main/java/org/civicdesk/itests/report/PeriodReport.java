package org.civicdesk.itests.report;

import java.util.List;
import java.util.Set;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportParameter;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.osgi.service.component.annotations.Component;

/**
 * A municipality's own report from a bundle of its own, as an integrator would add one: it only says
 * how many days the period has. The itests install and uninstall it while CivicDesk runs.
 */
@Component(service = Report.class)
public class PeriodReport extends AbstractReport {

    public PeriodReport() {
        super("itest-period", "Zilele perioadei", "Days of the period", Set.of(Role.ADMIN));
    }

    @Override
    public List<ReportParameter> parameters() {
        return PERIOD;
    }

    @Override
    public ReportResult run(Actor actor, ReportParameters parameters) {
        long days = parameters.to().toEpochDay() - parameters.from().toEpochDay() + 1;
        return new ReportResult(List.of(Column.of("days", "Zile", "Days", Column.Type.INTEGER)),
                List.of(List.<Object>of(days)));
    }
}
