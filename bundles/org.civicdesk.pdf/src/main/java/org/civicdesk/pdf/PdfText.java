package org.civicdesk.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Text on PDF pages: the font, the characters it can draw, and lines that fit. */
public final class PdfText {
    private static final String FONT = "/fonts/DejaVuSans.ttf";

    private PdfText() {
    }

    /**
     * DejaVu Sans, embedded (subset) in {@code document}.
     *
     * @throws IOException when the font cannot be read
     */
    public static PDType0Font font(PDDocument document) throws IOException {
        try (InputStream file = PdfText.class.getResourceAsStream(FONT)) {
            if (file == null) {
                throw new IOException("the font " + FONT + " is missing from the bundle");
            }
            return PDType0Font.load(document, file);
        }
    }

    /** {@code text} without control characters (a font draws none, and PDFBox refuses them), never {@code null}. */
    public static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cc}", " ");
    }

    /** How wide {@code text} is at {@code size} points. */
    public static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(clean(text)) / 1000 * size;
    }

    /**
     * The lines of {@code text} at most {@code width} points wide at {@code size}: broken between words, or anywhere in a
     * word too long for a line (a link); cleaned, stripped, none for blank text.
     */
    public static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = clean(text).strip();
        while (!rest.isEmpty()) {
            int end = rest.length();
            while (end > 1 && width(font, size, rest.substring(0, end)) > width) {
                int space = rest.lastIndexOf(' ', end - 1);
                end = space > 0 ? space : end - 1;
            }
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        return lines;
    }
}
