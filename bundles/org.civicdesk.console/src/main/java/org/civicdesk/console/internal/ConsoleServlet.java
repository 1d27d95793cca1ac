package org.civicdesk.console.internal;

import javax.servlet.Servlet;

import org.civicdesk.web.api.PageServlet;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the console's pages and scripts from this bundle at {@code /console/}, on the HTTP
 * Whiteboard. The pages talk only to {@code /api/v1} and draw the city map from {@code /web/}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/console/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-console"})
public class ConsoleServlet extends PageServlet {
    private static final long serialVersionUID = 1L;

    public ConsoleServlet() {
        super("/console");
    }
}
