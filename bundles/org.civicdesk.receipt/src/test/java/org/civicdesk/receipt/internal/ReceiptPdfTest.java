package org.civicdesk.receipt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.junit.Test;

public class ReceiptPdfTest {
    private static final CityHall CITY = new CityHall() {
        @Override
        public String name(String language) {
            return "en".equals(language) ? "Ștefănești Town Hall" : "Primăria Orașului Ștefănești";
        }

        @Override
        public String portalUrl() {
            return "https://primaria.example.ro/portal/";
        }
    };
    private static final RequestTypeCatalog NO_TYPES = new RequestTypeCatalog() {
        @Override
        public List<RequestType> list() {
            return List.of();
        }

        @Override
        public Optional<RequestType> find(String code) {
            return Optional.empty();
        }
    };
    private static final ServiceRequest REQUEST = new ServiceRequest(new RequestNumber(2026, 123), "K7P2M9QX4T",
            "pothole", Channel.WEB, "c-1", "Groapă", null, "ROADS", "registered", null,
            Instant.parse("2026-12-04T21:50:00Z"), LocalDate.of(2026, 12, 18), null, false, null, null, null);

    @Test
    public void anA4ReceiptSaysWhatTheCitizenNeedsAndItsQrCodeLeadsToTheTrackingPage() throws Exception {
        Receipt receipt = Receipt.of(REQUEST, "ro", CITY, NO_TYPES, ZoneId.of("Europe/Bucharest"));
        byte[] pdf = ReceiptPdf.write(receipt, ReceiptLayout.A4);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(595, Math.round(document.getPage(0).getMediaBox().getWidth()));
            String text = new PDFTextStripper().getText(document);
            for (String expected : new String[] {"Primăria Orașului Ștefănești", "Confirmare de înregistrare",
                "2026/000123", "4 decembrie 2026, 23:50", "pothole", "18 decembrie 2026", "K7P2M9QX4T",
                "https://primaria.example.ro/portal/?track=K7P2M9QX4T"}) {
                assertTrue(expected + " in\n" + text, text.contains(expected));
            }
            assertTrue(text, !text.contains("Groapă") && !text.contains("c-1"));
            assertEquals("https://primaria.example.ro/portal/?track=K7P2M9QX4T", qrCode(document));
        }
    }

    @Test
    public void aThermalReceiptIsEightyMillimetresWideAndAsLongAsItsContent() throws Exception {
        Receipt receipt = Receipt.of(REQUEST, "en", CITY, NO_TYPES, ZoneId.of("Europe/Bucharest"));
        try (PDDocument document = Loader.loadPDF(ReceiptPdf.write(receipt, ReceiptLayout.THERMAL))) {
            float width = document.getPage(0).getMediaBox().getWidth();
            float height = document.getPage(0).getMediaBox().getHeight();
            assertEquals(80.0, width / 72 * 25.4, 0.5);
            assertTrue("height " + height, height > 300 && height < 700);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text, text.contains("Registration receipt") && text.contains("Answer due by")
                    && text.contains("18 December 2026") && text.contains("Ștefănești Town Hall"));
            assertEquals("https://primaria.example.ro/portal/?track=K7P2M9QX4T", qrCode(document));
        }
    }

    @Test
    public void anUnknownLayoutIsRefused() {
        assertEquals(ReceiptLayout.A4, ReceiptLayout.parse(null));
        assertEquals(ReceiptLayout.THERMAL, ReceiptLayout.parse(" Thermal "));
        assertThrows(InvalidInputException.class, () -> ReceiptLayout.parse("letter"));
    }

    private static String qrCode(PDDocument document) throws Exception {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
