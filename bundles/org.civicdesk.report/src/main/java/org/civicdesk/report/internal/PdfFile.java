package org.civicdesk.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.civicdesk.pdf.PdfText;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;

/**
 * A PDF through PDFBox, with DejaVu Sans embedded (the standard fonts cannot write ș ț ă î â): the city,
 * the title and the period on top, then the tables over as many A4 pages as they take, each table's
 * header repeated on each page.
 */
final class PdfFile {
    private static final float MARGIN = 36;
    private static final float SIZE = 8;
    private static final float LINE = 12;
    private static final float PADDING = 4;
    private static final float MIN_COLUMN = 30;

    private PdfFile() {
    }

    static void write(Heading heading, ReportResult result, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font text = PdfText.font(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(heading.title());
            info.setAuthor(heading.city());
            info.setCreator("CivicDesk");

            PDRectangle size = PDRectangle.A4;
            Page page = new Page(document, size, text);
            page.line(heading.city(), 10, 0);
            page.line(heading.title(), 14, 0);
            page.line(heading.periodLine(), 10, 0);
            page.line(heading.generatedLine(), SIZE, 0);
            page = table(document, page, text, heading, result.columns(), result.rows());
            for (ReportTable detail : result.details()) {
                if (page.y - 4 * LINE < MARGIN) {
                    page.close();
                    page = new Page(document, page.size, text);
                }
                page.y -= LINE;
                page.line(detail.name(heading.language()), 11, 0);
                page = table(document, page, text, heading, detail.columns(), detail.rows());
            }
            page.close();
            document.save(out);
        }
    }

    /** Writes a table from where {@code page} stands, over new pages as needed; returns the page it ends on. */
    private static Page table(PDDocument document, Page start, PDType0Font text, Heading heading, List<Column> columns,
            List<List<Object>> rows) throws IOException {
        List<String> headers = columns.stream().map(c -> clean(c.name(heading.language()))).toList();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> line = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                line.add(clean(heading.text(columns.get(i).type(), row.get(i))));
            }
            cells.add(line);
        }
        float[] widths = new float[columns.size()];
        float wanted = 0;
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = Math.max(MIN_COLUMN, width(text, headers.get(i)) + 2 * PADDING);
            for (List<String> line : cells) {
                widths[i] = Math.max(widths[i], width(text, line.get(i)) + 2 * PADDING);
            }
            wanted += widths[i];
        }
        float available = start.size.getWidth() - 2 * MARGIN;
        if (wanted > available) {
            // Too wide: every column gives up the same share, and long cells are cut short.
            float scale = available / wanted;
            for (int i = 0; i < widths.length; i++) {
                widths[i] = widths[i] * scale;
            }
        }
        Page page = start;
        page.y -= LINE / 2;
        page.row(headers, widths, true);
        for (List<String> line : cells) {
            if (page.y - LINE < MARGIN) {
                page.close();
                page = new Page(document, page.size, text);
                page.row(headers, widths, true);
            }
            page.row(line, widths, false);
        }
        return page;
    }

    private static String clean(String s) {
        return PdfText.clean(s);
    }

    private static float width(PDType0Font font, String s) throws IOException {
        return PdfText.width(font, SIZE, s);
    }

    /** One page being written, top down. */
    private static final class Page {
        private final PDPageContentStream content;
        private final PDType0Font font;
        final PDRectangle size;
        float y;

        Page(PDDocument document, PDRectangle size, PDType0Font font) throws IOException {
            PDPage page = new PDPage(size);
            document.addPage(page);
            this.content = new PDPageContentStream(document, page);
            this.font = font;
            this.size = size;
            this.y = size.getHeight() - MARGIN;
        }

        void line(String s, float fontSize, float x) throws IOException {
            y -= fontSize + 4;
            show(clean(s), fontSize, MARGIN + x, y);
        }

        void row(List<String> cells, float[] widths, boolean header) throws IOException {
            y -= LINE;
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                show(fit(cells.get(i), widths[i] - 2 * PADDING), SIZE, x + PADDING, y + 3);
                x += widths[i];
            }
            content.moveTo(MARGIN, y);
            content.lineTo(x, y);
            content.setLineWidth(header ? 0.8f : 0.2f);
            content.stroke();
        }

        private String fit(String s, float room) throws IOException {
            if (width(font, s) <= room) {
                return s;
            }
            String cut = s;
            while (!cut.isEmpty() && width(font, cut + "…") > room) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut + "…";
        }

        private void show(String s, float fontSize, float x, float at) throws IOException {
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(x, at);
            content.showText(s);
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }
    }
}
