package org.civicdesk.report.api;

import java.util.Locale;

import org.civicdesk.core.api.InvalidInputException;

/** The files a report is given as. */
public enum ReportFormat {
    /** Comma-separated values, UTF-8 with a byte order mark so that spreadsheets show ș ț ă î â. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** An Excel workbook. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** A PDF document. */
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type of such a file. */
    public String contentType() {
        return contentType;
    }

    /** The file name's extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * Parses {@code csv}, {@code xlsx} or {@code pdf}, case-insensitively.
     *
     * @throws InvalidInputException ({@code format}) otherwise
     */
    public static ReportFormat parse(String id) {
        if (id != null) {
            for (ReportFormat f : values()) {
                if (f.extension.equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw InvalidInputException.of("format", "report.format");
    }
}
