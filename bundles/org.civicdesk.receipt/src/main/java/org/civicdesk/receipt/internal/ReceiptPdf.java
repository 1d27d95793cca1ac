package org.civicdesk.receipt.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.civicdesk.pdf.PdfText;

/**
 * A receipt as a one-page PDF through PDFBox, with DejaVu Sans embedded (the standard fonts cannot write ș ț ă î â) and
 * the QR code drawn as vector squares, sharp on any printer. The thermal layout's page is as long as its content.
 */
final class ReceiptPdf {
    private static final float LEADING = 1.35f;
    private static final float GAP = 8;

    private ReceiptPdf() {
    }

    /** One line of text at its size, or the QR code (text {@code null}). */
    private record Line(String text, float size, float gapBefore) {
        float height(ReceiptLayout layout) {
            return gapBefore + (text == null ? layout.qrSize : size * LEADING);
        }
    }

    static byte[] write(Receipt receipt, ReceiptLayout layout) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PdfText.font(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(receipt.title() + " " + receipt.fields().get(0).value());
            info.setAuthor(receipt.city());
            info.setCreator("CivicDesk");

            List<Line> lines = lines(receipt, layout, font);
            float content = 0;
            for (Line line : lines) {
                content += line.height(layout);
            }
            float height = layout == ReceiptLayout.THERMAL ? content + 2 * layout.margin : PDRectangle.A4.getHeight();
            PDPage page = new PDPage(new PDRectangle(layout.width, height));
            document.addPage(page);
            BitMatrix qr = qrCode(receipt.trackingUrl());
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float y = height - layout.margin;
                for (Line line : lines) {
                    y -= line.gapBefore();
                    if (line.text() == null) {
                        y -= layout.qrSize;
                        drawQr(out, qr, (layout.width - layout.qrSize) / 2, y, layout.qrSize);
                        continue;
                    }
                    y -= line.size() * LEADING;
                    out.beginText();
                    out.setFont(font, line.size());
                    out.newLineAtOffset(layout.margin, y + line.size() * (LEADING - 1));
                    out.showText(line.text());
                    out.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static List<Line> lines(Receipt receipt, ReceiptLayout layout, PDType0Font font) throws IOException {
        float width = layout.width - 2 * layout.margin;
        float text = layout.textSize;
        List<Line> lines = new ArrayList<>();
        wrap(lines, receipt.city(), text, 0, width, font);
        wrap(lines, receipt.title(), layout.titleSize, GAP / 2, width, font);
        for (Receipt.Field field : receipt.fields()) {
            wrap(lines, field.label(), text - 2, GAP, width, font);
            wrap(lines, field.value(), text + 2, 0, width, font);
        }
        wrap(lines, receipt.follow(), text - 1, 2 * GAP, width, font);
        wrap(lines, receipt.trackingUrl(), text - 1, 0, width, font);
        lines.add(new Line(null, 0, 2 * GAP));
        wrap(lines, receipt.keep(), text - 2, 2 * GAP, width, font);
        return lines;
    }

    /** The text's lines at most {@code width} wide: broken between words, or anywhere in a word too long (a URL). */
    private static void wrap(List<Line> lines, String text, float size, float gapBefore, float width, PDType0Font font)
            throws IOException {
        float gap = gapBefore;
        for (String line : PdfText.wrap(text, font, size, width)) {
            lines.add(new Line(line, size, gap));
            gap = 0;
        }
    }

    private static BitMatrix qrCode(String url) throws IOException {
        try {
            // Size 0: one unit per module, scaled when drawn; the white margin around it is the page's.
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IOException("the tracking link does not fit a QR code", e);
        }
    }

    private static void drawQr(PDPageContentStream out, BitMatrix qr, float x, float y, float size) throws IOException {
        float module = size / qr.getWidth();
        for (int row = 0; row < qr.getHeight(); row++) {
            for (int column = 0; column < qr.getWidth(); column++) {
                if (qr.get(column, row)) {
                    out.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }
}
