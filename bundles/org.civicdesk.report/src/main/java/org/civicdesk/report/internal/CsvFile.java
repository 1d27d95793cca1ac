package org.civicdesk.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;

/** CSV in UTF-8 with a byte order mark, so that spreadsheet software shows ș ț ă î â. */
final class CsvFile {
    private CsvFile() {
    }

    static void write(Heading heading, ReportResult result, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            csv.printRecord(heading.city());
            csv.printRecord(heading.title());
            csv.printRecord(heading.periodLine());
            csv.println();
            table(heading, csv, result.columns(), result.rows());
            for (ReportTable detail : result.details()) {
                csv.println();
                csv.printRecord(detail.name(heading.language()));
                table(heading, csv, detail.columns(), detail.rows());
            }
        }
    }

    private static void table(Heading heading, CSVPrinter csv, List<Column> columns, List<List<Object>> rows)
            throws IOException {
        csv.printRecord(columns.stream().map(c -> c.name(heading.language())).toList());
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Column column = columns.get(i);
                Object value = row.get(i);
                // Machine-readable numbers (a dot for decimals) whatever the language: CSV is for further work.
                cells.add(value == null ? "" : value instanceof Double d
                        ? (column.type() == Column.Type.PERCENT ? String.format(Locale.ROOT, "%.1f", d)
                                : String.format(Locale.ROOT, "%.2f", d))
                        : String.valueOf(value));
            }
            csv.printRecord(cells);
        }
    }
}
