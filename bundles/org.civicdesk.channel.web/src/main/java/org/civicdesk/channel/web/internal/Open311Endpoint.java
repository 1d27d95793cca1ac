package org.civicdesk.channel.web.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Open311 endpoint as configured in {@code etc/org.civicdesk.channel.web.cfg}. A component of
 * its own, apart from the servlet: a configuration change only swaps the resources and the rate
 * limiter here, while the servlet stays registered on the HTTP Whiteboard (whose registration a
 * change of the servlet's own properties would redo, with a moment of 404s).
 */
@Component(service = Open311Endpoint.class, configurationPid = Open311Endpoint.PID)
@Designate(ocd = WebChannelConfig.class)
public class Open311Endpoint {
    static final String PID = "org.civicdesk.channel.web";

    private final Open311Resource.Services services;
    private volatile Open311Resource resource;
    private volatile RateLimiter limiter;

    @Activate
    public Open311Endpoint(@Reference RequestTypeCatalog types, @Reference RequestRegistry requests,
            @Reference StaffDirectory staff, @Reference AuditLog audit, @Reference AttachmentStore attachments,
            @Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource, @Reference CityClock clock,
            WebChannelConfig config) throws SQLException {
        this.services = new Open311Resource.Services(types, requests, staff, audit, attachments, new PublicMedia(dataSource),
                new PostedReports(dataSource), clock);
        modified(config);
    }

    @Modified
    void modified(WebChannelConfig config) {
        this.resource = new Open311Resource(services, config);
        this.limiter = new RateLimiter(config.callsPerMinute());
    }

    Open311Resource resource() {
        return resource;
    }

    RateLimiter limiter() {
        return limiter;
    }
}
