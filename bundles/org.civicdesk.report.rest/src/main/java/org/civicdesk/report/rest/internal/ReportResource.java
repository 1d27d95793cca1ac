package org.civicdesk.report.rest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.Report;
import org.civicdesk.report.api.ReportFile;
import org.civicdesk.report.api.ReportFormat;
import org.civicdesk.report.api.ReportParameters;
import org.civicdesk.report.api.ReportRenderer;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.civicdesk.report.api.Reports;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.Languages;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/reports}: the reports the caller may run; {@code GET /api/v1/reports/{id}?from&to[&department]}
 * runs one, as JSON or, with {@code format=csv|xlsx|pdf}, as a file. Titles and headers in {@code lang}
 * ({@code ro} or {@code en}; otherwise the browser's language, Romanian by default).
 */
@Component(service = RestResource.class)
@Path("/reports")
public class ReportResource implements RestResource {
    /** Query parameters of the call itself, not of the report. */
    private static final List<String> OWN = List.of(ReportParameters.FROM, ReportParameters.TO, "format", "lang");
    private final Reports reports;
    private final ReportRenderer renderer;

    @Activate
    public ReportResource(@Reference Reports reports, @Reference ReportRenderer renderer) {
        this.reports = reports;
        this.renderer = renderer;
    }

    /** A report as listed. */
    public record ReportView(String id, String name, List<ParameterView> parameters, List<String> roles) {
    }

    /** A parameter as listed. */
    public record ParameterView(String id, String name, String type, boolean required) {
    }

    /** A column as given. */
    public record ColumnView(String id, String name, String type) {
    }

    /** A further table as given. */
    public record TableView(String id, String name, List<ColumnView> columns, List<List<Object>> rows) {
    }

    /** A series as given. */
    public record SeriesView(String id, String name, Map<String, Number> points) {
    }

    /** A report's result as given; days as {@code YYYY-MM-DD}. */
    public record ResultView(String id, String name, String from, String to, Map<String, String> parameters,
            List<ColumnView> columns, List<List<Object>> rows, List<SeriesView> series, List<TableView> details) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportView> list(@QueryParam("lang") String lang, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        String language = Languages.of(lang, headers);
        return reports.available(actor).stream().map(r -> view(r, language)).toList();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/pdf"})
    public Response run(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @QueryParam("lang") String lang, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        String language = Languages.of(lang, headers);
        ReportFormat fileFormat = format == null || format.isBlank() || "json".equalsIgnoreCase(format.strip()) ? null
                : ReportFormat.parse(format);
        Map<String, String> others = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!OWN.contains(name)) {
                if (values.size() > 1) {
                    throw InvalidInputException.of(name, "param.once");
                }
                others.put(name, values.get(0));
            }
        });
        ReportParameters parameters = ReportParameters.parse(from, to, others);
        Report report = reports.get(id).orElseThrow(() -> new NotFoundException("no report '" + id + "' is installed"));
        ReportResult result = reports.run(actor, id, parameters);
        if (fileFormat == null) {
            return Response.ok(view(report, parameters, result, language), MediaType.APPLICATION_JSON_TYPE).build();
        }
        ReportFile file = renderer.render(report, parameters, result, fileFormat, language);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private static ReportView view(Report report, String language) {
        return new ReportView(report.id(), report.name(language), report.parameters().stream()
                .map(p -> new ParameterView(p.id(), p.name(language), p.type().name().toLowerCase(Locale.ROOT), p.required()))
                .toList(), report.roles().stream().map(r -> r.id()).sorted().toList());
    }

    private static ResultView view(Report report, ReportParameters parameters, ReportResult result, String language) {
        return new ResultView(report.id(), report.name(language), parameters.from().toString(),
                parameters.to().toString(), parameters.others(), columns(result.columns(), language),
                cells(result.rows()), result.series().stream().map(s -> new SeriesView(s.id(), s.name(language), s.points()))
                        .toList(), result.details().stream().map(t -> table(t, language)).toList());
    }

    private static TableView table(ReportTable table, String language) {
        return new TableView(table.id(), table.name(language), columns(table.columns(), language), cells(table.rows()));
    }

    private static List<ColumnView> columns(List<Column> columns, String language) {
        return columns.stream().map(c -> new ColumnView(c.id(), c.name(language), c.type().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Days as {@code YYYY-MM-DD} text; numbers and text as they are. */
    private static List<List<Object>> cells(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell instanceof LocalDate d ? d.toString() : cell);
            }
            out.add(cells);
        }
        return out;
    }
}
