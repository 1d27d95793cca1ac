/**
 * Reports for management (R17, R18) as plug-ins: a bundle registers {@link org.civicdesk.report.api.Report}
 * services (best by extending {@link org.civicdesk.report.api.AbstractReport}); {@link org.civicdesk.report.api.Reports}
 * lists those a staff member may run and runs them, auditing every run; a
 * {@link org.civicdesk.report.api.ReportRenderer} turns a result into a CSV, XLSX or PDF file; the department heads
 * receive their monthly reports by e-mail through {@link org.civicdesk.report.api.MonthlyReportMail} (since 1.2).
 */
@Export
@Version("1.2.0")
package org.civicdesk.report.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
