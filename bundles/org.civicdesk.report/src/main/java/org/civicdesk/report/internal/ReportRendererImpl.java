package org.civicdesk.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.CityHall;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportFile;
import org.civicdesk.report.api.ReportFormat;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportRenderer;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Report files through their libraries: Commons CSV, Apache POI, PDFBox. */
@Component(service = ReportRenderer.class)
public class ReportRendererImpl implements ReportRenderer {
    private final CityClock clock;
    private final CityHall city;
    private final CellNames names;

    @Activate
    public ReportRendererImpl(@Reference CityClock clock, @Reference RequestTypeCatalog types,
            @Reference ChannelCatalog channels, @Reference CityHall city) {
        this.clock = clock;
        this.city = city;
        this.names = new CellNames(types, channels);
    }

    @Override
    public ReportFile render(Report report, ReportParameters parameters, ReportResult result, ReportFormat format,
            String language) {
        String lang = "en".equals(language) ? "en" : "ro";
        Heading heading = new Heading(city.name(lang), report.name(lang),
                parameters.from(), parameters.to(), ZonedDateTime.now(clock.zone())
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), lang, filters(report, parameters, lang));
        ReportResult named = names.apply(result, lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case CSV -> CsvFile.write(heading, named, out);
                case XLSX -> XlsxFile.write(heading, report.id(), named, out);
                case PDF -> PdfFile.write(heading, named, out);
                default -> throw new IllegalArgumentException(format.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + format + " file of report " + report.id(), e);
        }
        String name = report.id() + "_" + parameters.from() + "_" + parameters.to() + "." + format.extension();
        return new ReportFile(name, format.contentType(), out.toByteArray());
    }

    /** The parameters other than the period, each with the report's label for it. */
    private static List<String> filters(Report report, ReportParameters parameters, String lang) {
        List<String> filters = new ArrayList<>();
        parameters.others().forEach((id, value) -> filters.add(report.parameters().stream().filter(p -> p.id().equals(id))
                .findFirst().map(p -> p.name(lang)).orElse(id) + ": " + value));
        return filters;
    }
}
