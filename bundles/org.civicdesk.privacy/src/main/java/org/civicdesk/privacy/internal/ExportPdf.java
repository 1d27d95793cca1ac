package org.civicdesk.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.pdf.PdfText;

/**
 * A person's copy of their data as a PDF they can read: each set under its title, each row as "label: value" lines
 * (a long description wraps, never cut), over as many A4 pages as it takes.
 */
final class ExportPdf {
    private static final float MARGIN = 48;
    private static final float TEXT = 9;
    private static final float LABEL_WIDTH = 130;

    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    private ExportPdf(PDDocument document) throws IOException {
        this.document = document;
        this.font = PdfText.font(document);
    }

    static byte[] write(DataSubjectRights.Export export, String city) throws IOException {
        ResourceBundle labels = PersonalDataSet.labels(ExportPdf.class, export.language());
        try (PDDocument document = new PDDocument()) {
            ExportPdf pdf = new ExportPdf(document);
            String title = MessageFormat.format(labels.getString("title"), city);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setAuthor(city);
            document.getDocumentInformation().setCreator("CivicDesk");
            pdf.newPage();
            pdf.paragraph(title, 14, 0);
            pdf.paragraph(MessageFormat.format(labels.getString("person"), export.citizen().displayName()), 11, 0);
            pdf.paragraph(MessageFormat.format(labels.getString("generated"), export.generated()), TEXT, 0);
            for (PersonalDataSet set : export.sets()) {
                pdf.gap(10);
                pdf.paragraph(set.title() + " (" + set.rows().size() + ")", 12, 0);
                if (set.rows().isEmpty()) {
                    pdf.paragraph(labels.getString("none"), TEXT, 0);
                }
                for (List<String> row : set.rows()) {
                    pdf.gap(4);
                    for (int i = 0; i < row.size(); i++) {
                        if (row.get(i) != null && !row.get(i).isBlank()) {
                            pdf.field(set.columns().get(i).label(), row.get(i));
                        }
                    }
                }
            }
            pdf.content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void gap(float points) {
        y -= points;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void paragraph(String text, float size, float indent) throws IOException {
        for (String line : PdfText.wrap(text, font, size, width() - indent)) {
            show(line, size, MARGIN + indent);
        }
    }

    /** A label and its value beside it, the value wrapping under itself. */
    private void field(String label, String value) throws IOException {
        List<String> lines = PdfText.wrap(value, font, TEXT, width() - LABEL_WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            if (y - TEXT * 1.4f < MARGIN) {
                newPage();
            }
            y -= TEXT * 1.4f;
            if (i == 0) {
                text(label + ":", TEXT, MARGIN);
            }
            text(lines.get(i), TEXT, MARGIN + LABEL_WIDTH);
        }
    }

    private void show(String line, float size, float x) throws IOException {
        if (y - size * 1.4f < MARGIN) {
            newPage();
        }
        y -= size * 1.4f;
        text(line, size, x);
    }

    private void text(String line, float size, float x) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(PdfText.clean(line));
        content.endText();
    }
}
