package org.civicdesk.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
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

import org.civicdesk.core.api.CityHall;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.Languages;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/citizens/{id}/export[?format=json|pdf][&lang=ro|en][&reason=…]}: everything CivicDesk keeps about
 * a person, for the data protection officer ({@code dpo}) and admins; audited as one {@code citizen.export} read.
 */
@Component(service = RestResource.class)
@Path("/citizens/{id}/export")
public class ExportResource implements RestResource {
    private final DataSubjectRights exports;
    private final CityHall cityHall;

    @Activate
    public ExportResource(@Reference DataSubjectRights exports, @Reference CityHall cityHall) {
        this.exports = exports;
        this.cityHall = cityHall;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    public Response export(@PathParam("id") String id, @QueryParam("format") String format,
            @QueryParam("lang") String lang, @QueryParam("reason") String reason, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        String as = format == null || format.isBlank() ? "json" : format.strip();
        if (!as.equals("json") && !as.equals("pdf")) {
            throw InvalidInputException.of("format", "choice.unknown", TextInput.line("format", as, 20), "json, pdf");
        }
        String language = Languages.of(lang, headers);
        DataSubjectRights.Export export = exports.of(ActorPrincipal.of(security), id,
                reason == null || reason.isBlank() ? "data subject access request" : reason, language);
        if (as.equals("pdf")) {
            try {
                return Response.ok(ExportPdf.write(export, cityHall.name(language)), "application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"personal-data-" + id.replaceAll(
                                "[^A-Za-z0-9-]", "_") + ".pdf\"").header("Cache-Control", "no-store").build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Response.ok(json(export), MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    /** The export as machine readers take it: each set's rows as objects keyed by the column ids. */
    static Map<String, Object> json(DataSubjectRights.Export export) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("citizenId", export.citizen().id());
        body.put("generatedAt", export.generated().toString());
        body.put("language", export.language());
        List<Map<String, Object>> sets = export.sets().stream().map(ExportResource::json).toList();
        body.put("sets", sets);
        return body;
    }

    private static Map<String, Object> json(PersonalDataSet set) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", set.id());
        json.put("title", set.title());
        json.put("columns", set.columns().stream().map(c -> Map.of("id", c.id(), "label", c.label())).toList());
        json.put("rows", set.rows().stream().map(row -> {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                cells.put(set.columns().get(i).id(), row.get(i));
            }
            return cells;
        }).toList());
        return json;
    }
}
