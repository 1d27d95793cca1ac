package org.civicdesk.rest.internal;

import java.time.Instant;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.civicdesk.audit.api.AuditEntry;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.audit.api.AuditQuery;
import org.civicdesk.audit.api.ChainVerification;
import org.civicdesk.audit.api.IntegrityReport;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.Page;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/audit}: the audit trail and its verification (R18), for administrators. */
@Component(service = RestResource.class)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource implements RestResource {
    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference AuditLog audit) {
        this.audit = audit;
    }

    record EntryView(long sequence, Instant time, String actor, String action, String infoKind, String subjectType,
            String subjectId, String remarks, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.sequence(), e.time(), e.event().actor(), e.event().action(), e.event().infoKind(),
                    e.event().subjectType(), e.event().subjectId(), e.event().remarks(), e.hash());
        }
    }

    @GET
    public Views.PageView<EntryView> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw InvalidInputException.of("limit", "page.limitOffset", 500);
        }
        Page<AuditEntry> page = audit.search(new AuditQuery(actor, action, subjectType, subjectId,
                QueryValues.instant("from", from), QueryValues.instant("to", to)), offset, limit);
        return new Views.PageView<>(page.items().stream().map(EntryView::of).toList(), page.total(), page.offset(),
                page.limit());
    }

    @GET
    @Path("/verify")
    public ChainVerification verify() {
        return audit.verifyChain();
    }

    /** Everything the trail vouches for: entries, chain, anchors, records, derived state (R19). */
    @GET
    @Path("/integrity")
    public IntegrityReport integrity() {
        return audit.verifyIntegrity();
    }
}
