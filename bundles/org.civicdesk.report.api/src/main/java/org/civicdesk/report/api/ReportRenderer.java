package org.civicdesk.report.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a report's result into a file: CSV, XLSX or PDF, each with the report's title, the period
 * and the city's name.
 */
@ProviderType
public interface ReportRenderer {

    /**
     * @param report     the report that was run
     * @param parameters what it was run with
     * @param result     what it computed
     * @param format     the file's format
     * @param language   the language of titles and headers ({@code ro} or {@code en})
     */
    ReportFile render(Report report, ReportParameters parameters, ReportResult result, ReportFormat format,
            String language);
}
