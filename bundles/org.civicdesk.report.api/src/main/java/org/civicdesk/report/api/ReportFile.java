package org.civicdesk.report.api;

import java.util.Objects;

/**
 * A report as a file.
 *
 * @param fileName    a file name for it, e.g. {@code requests-by-type_2026-11-01_2026-11-30.pdf}
 * @param contentType its media type
 * @param content     the file's bytes
 */
public record ReportFile(String fileName, String contentType, byte[] content) {
    public ReportFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
