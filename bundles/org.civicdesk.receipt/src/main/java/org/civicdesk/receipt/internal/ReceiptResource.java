package org.civicdesk.receipt.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.Languages;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/requests/{year}/{seq}/receipt.pdf[?layout=a4|thermal][&lang=ro|en]}: the registration receipt
 * the front desk hands over, for whoever may open the request (the registry's visibility; the read is audited as any
 * read of the request is).
 */
@Component(service = RestResource.class)
@Path("/requests/{year}/{seq}/receipt.pdf")
public class ReceiptResource implements RestResource {
    private final ReceiptWriter receipts;

    @Activate
    public ReceiptResource(@Reference ReceiptWriter receipts) {
        this.receipts = receipts;
    }

    @GET
    @Produces("application/pdf")
    public Response receipt(@PathParam("year") String year, @PathParam("seq") String seq,
            @QueryParam("layout") String layout, @QueryParam("lang") String lang, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        ReceiptLayout paper = ReceiptLayout.parse(layout);
        String language = Languages.of(lang, headers);
        RequestNumber number = RequestNumber.parse(year + "/" + seq);
        byte[] pdf = receipts.pdf(ActorPrincipal.of(security), number, paper, language);
        // Inline: the front desk's browser opens it in its viewer, one click from the printer.
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + ReceiptWriter.fileName(number) + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
