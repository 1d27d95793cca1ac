package org.civicdesk.datasource.documents.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.civicdesk.datasource.documents.api.ArchiveHandOff;
import org.civicdesk.datasource.documents.api.ArchiveHandOffs;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/requests/{year}/{seq}/archive}: how the request and its files went to the external document
 * management system — queued, tried (how often, the last failure), delivered with the system's reference. Whoever
 * may see the request may see this.
 */
@Component(service = RestResource.class)
@Path("/requests/{year}/{seq}/archive")
public class ArchiveResource implements RestResource {
    private final ArchiveHandOffs handOffs;

    @Activate
    public ArchiveResource(@Reference ArchiveHandOffs handOffs) {
        this.handOffs = handOffs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ArchiveHandOff> list(@PathParam("year") String year, @PathParam("seq") String seq,
            @Context SecurityContext security) {
        return handOffs.ofRequest(ActorPrincipal.of(security), RequestNumber.parse(year + "/" + seq));
    }
}
