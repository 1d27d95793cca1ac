package org.civicdesk.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;

/** An Excel workbook through Apache POI: numbers stay numbers, days stay dates. */
final class XlsxFile {
    private XlsxFile() {
    }

    static void write(Heading heading, String reportId, ReportResult result, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(reportId));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle strong = workbook.createCellStyle();
            strong.setFont(bold);
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

            sheet.createRow(0).createCell(0).setCellValue(heading.city());
            Row title = sheet.createRow(1);
            title.createCell(0).setCellValue(heading.title());
            title.getCell(0).setCellStyle(strong);
            sheet.createRow(2).createCell(0).setCellValue(heading.periodLine());
            sheet.createRow(3).createCell(0).setCellValue(heading.generatedLine());
            Styles styles = new Styles(strong, decimal, percent, date);
            table(sheet, 5, heading, result.columns(), result.rows(), styles);
            for (ReportTable detail : result.details()) {
                Sheet more = workbook.createSheet(WorkbookUtil.createSafeSheetName(detail.id()));
                Row title2 = more.createRow(0);
                title2.createCell(0).setCellValue(detail.name(heading.language()));
                title2.getCell(0).setCellStyle(strong);
                table(more, 2, heading, detail.columns(), detail.rows(), styles);
            }
            workbook.write(out);
        }
    }

    private record Styles(CellStyle strong, CellStyle decimal, CellStyle percent, CellStyle date) {
    }

    private static void table(Sheet sheet, int first, Heading heading, List<Column> columns, List<List<Object>> rows,
            Styles styles) {
        Row header = sheet.createRow(first);
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i).name(heading.language()));
            header.getCell(i).setCellStyle(styles.strong());
        }
        int r = first + 1;
        for (List<Object> cells : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null) {
                    continue;
                }
                var cell = row.createCell(i);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    Column.Type type = columns.get(i).type();
                    if (type == Column.Type.DECIMAL) {
                        cell.setCellStyle(styles.decimal());
                    } else if (type == Column.Type.PERCENT) {
                        cell.setCellStyle(styles.percent());
                    }
                } else if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.date());
                } else {
                    cell.setCellValue(String.valueOf(value));
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, columns.get(i).name(heading.language()).length() + 2)) * 256);
        }
    }
}
