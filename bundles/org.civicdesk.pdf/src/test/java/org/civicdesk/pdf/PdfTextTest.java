package org.civicdesk.pdf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.Test;

public class PdfTextTest {

    @Test
    public void linesFitTheirWidthAndKeepEveryWord() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PdfText.font(document);
            String text = "Șoseaua Ștefan cel Mare, nr. 12 — cerere înregistrată la primăria municipiului "
                    + "https://portal.example.ro/track/ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            List<String> lines = PdfText.wrap(text, font, 10, 120);
            assertTrue(lines.size() > 3);
            for (String line : lines) {
                assertTrue(line, PdfText.width(font, 10, line) <= 120);
            }
            assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", ""));
        }
    }

    @Test
    public void controlCharactersAreDroppedAndBlankTextHasNoLines() throws Exception {
        assertEquals("a b c", PdfText.clean("a\u0083b\tc"));
        assertEquals("", PdfText.clean(null));
        try (PDDocument document = new PDDocument()) {
            assertEquals(List.of(), PdfText.wrap("  \n ", PdfText.font(document), 10, 100));
        }
    }
}
