package org.civicdesk.report.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.core.api.Role;
import org.civicdesk.report.api.AbstractReport;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.ReportFile;
import org.civicdesk.report.api.ReportFormat;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.ChannelDescriptor;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.junit.Test;

public class ReportRendererTest {
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
    private static final ChannelCatalog NO_CHANNELS = new ChannelCatalog() {
        @Override
        public List<ChannelDescriptor> list() {
            return List.of();
        }

        @Override
        public Optional<ChannelDescriptor> find(Channel channel) {
            return Optional.empty();
        }
    };
    private static final ReportResult RESULT = new ReportResult(List.of(
            Column.of("department", "Departament", "Department", Column.Type.TEXT),
            Column.of("count", "Număr", "Count", Column.Type.INTEGER),
            Column.of("onTime", "La termen %", "On time %", Column.Type.PERCENT),
            Column.of("day", "Ziua", "Day", Column.Type.DATE)), List.of(
            Arrays.asList("Străzi și iluminat", 12L, 75.0, LocalDate.of(2026, 11, 3)),
            Arrays.asList("Taxe", 3L, null, null)));
    private static final AbstractReport REPORT = new AbstractReport("demo", "Cereri pe tipuri și stări",
            "Requests by type", Set.of(Role.ADMIN)) {
        @Override
        public ReportResult run(Actor actor, ReportParameters parameters) {
            return RESULT;
        }
    };
    private final ReportRendererImpl renderer = new ReportRendererImpl(() -> ZoneId.of("Europe/Bucharest"),
            NO_TYPES, NO_CHANNELS, city("Primăria Orașului Ștefănești", "Ștefănești Town Hall"));
    private final ReportParameters period = ReportParameters.parse("2026-11-01", "2026-11-30", Map.of());

    @Test
    public void csvStartsWithTheByteOrderMarkAndKeepsDiacritics() {
        ReportFile file = renderer.render(REPORT, period, RESULT, ReportFormat.CSV, "ro");
        assertEquals("demo_2026-11-01_2026-11-30.csv", file.fileName());
        byte[] b = file.content();
        assertEquals(0xEF, b[0] & 0xFF);
        assertEquals(0xBB, b[1] & 0xFF);
        assertEquals(0xBF, b[2] & 0xFF);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("Primăria Orașului Ștefănești\r\nCereri pe tipuri și stări\r\n"));
        assertTrue(text, text.contains("Departament,Număr,La termen %,Ziua\r\n"
                + "Străzi și iluminat,12,75.0,2026-11-03\r\nTaxe,3,,\r\n"));
    }

    @Test
    public void xlsxReadsBackWithTypedCells() throws Exception {
        ReportFile file = renderer.render(REPORT, period, RESULT, ReportFormat.XLSX, "en");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Ștefănești Town Hall", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Requests by type", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Count", sheet.getRow(5).getCell(1).getStringCellValue());
            assertEquals("Străzi și iluminat", sheet.getRow(6).getCell(0).getStringCellValue());
            assertEquals(12.0, sheet.getRow(6).getCell(1).getNumericCellValue(), 0);
            assertEquals(LocalDate.of(2026, 11, 3), sheet.getRow(6).getCell(3).getLocalDateTimeCellValue().toLocalDate());
        }
    }

    @Test
    public void pdfHasTheDiacriticsAndPagesForLongTables() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(Arrays.asList("Țară " + i, (long) i, 1.5, null));
        }
        ReportResult longer = new ReportResult(RESULT.columns(), rows);
        ReportFile file = renderer.render(REPORT, period, longer, ReportFormat.PDF, "ro");
        assertEquals("application/pdf", file.contentType());
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            assertTrue(pdf.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("Primăria Orașului Ștefănești"));
            assertTrue(text, text.contains("Cereri pe tipuri și stări"));
            assertTrue(text, text.contains("Perioada: 2026-11-01 – 2026-11-30"));
            assertTrue(text, text.contains("Țară 199"));
            assertTrue(text, text.contains("1,5 %"));
        }
    }

    @Test
    public void aFileNarrowedToADepartmentSaysWhichUnderThePeriod() throws Exception {
        ReportParameters roads = ReportParameters.parse("2026-11-01", "2026-11-30", Map.of("department", "ROADS"));
        try (PDDocument pdf = Loader.loadPDF(renderer.render(REPORT, roads, RESULT, ReportFormat.PDF, "ro").content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("Perioada: 2026-11-01 – 2026-11-30; Departament: ROADS"));
        }
        String csv = new String(renderer.render(REPORT, roads, RESULT, ReportFormat.CSV, "en").content(),
                StandardCharsets.UTF_8);
        assertTrue(csv, csv.contains("Period: 2026-11-01 – 2026-11-30; Department: ROADS"));
    }

    private static CityHall city(String ro, String en) {
        return new CityHall() {
            @Override
            public String name(String language) {
                return "en".equals(language) ? en : ro;
            }

            @Override
            public String portalUrl() {
                return "https://stefanesti.example/portal/";
            }
        };
    }
}
