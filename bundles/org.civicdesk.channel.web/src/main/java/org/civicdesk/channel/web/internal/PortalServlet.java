package org.civicdesk.channel.web.internal;

import javax.servlet.Servlet;

import org.civicdesk.web.api.PageServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The citizens' portal at {@code /portal/}: plain pages that report, follow and look up through
 * the public Open311 reads and {@code /portal/api/}, and draw the city map from {@code /web/}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/portal/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-portal"})
public class PortalServlet extends PageServlet {
    private static final long serialVersionUID = 1L;

    private final transient Open311Endpoint endpoint;

    @Activate
    public PortalServlet(@Reference Open311Endpoint endpoint) {
        super("/portal");
        this.endpoint = endpoint;
    }

    /** What the pages read at start: the categories a citizen may report (the public request types). */
    @Override
    protected String settings() {
        return "{\"publicTypes\":[" + endpoint.resource().publicTypes().stream().map(t -> "\"" + t + "\"")
                .collect(java.util.stream.Collectors.joining(",")) + "]}";
    }
}
