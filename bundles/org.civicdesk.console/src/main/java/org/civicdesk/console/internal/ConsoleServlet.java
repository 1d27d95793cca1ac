package org.civicdesk.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Serves the console's pages and scripts from this bundle at {@code /console/}, on the HTTP
 * Whiteboard. Every path that is not a file gives the single page, whose router shows the
 * screen; the pages themselves talk only to {@code /api/v1}.
 */
@Component(service = Servlet.class, configurationPid = "org.civicdesk.console", property = {
    "osgi.http.whiteboard.servlet.pattern=/console/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-console"})
@Designate(ocd = ConsoleConfig.class)
public class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ROOT = "/console";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=UTF-8",
            "geojson", "application/geo+json; charset=UTF-8");
    /** Scripts, styles and calls from this origin only: no inline code, no third-party content. */
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** What the pages read at start: the map's place and base layer, from etc/org.civicdesk.console.cfg. */
    private volatile String settings;

    @Activate
    @Modified
    void configure(ConsoleConfig config) {
        settings = String.format(Locale.ROOT, "{\"map\":{\"center\":[%s,%s],\"spanKm\":%s,\"baseLayer\":\"%s\"}}",
                config.mapCenterLat(), config.mapCenterLon(), config.mapSpanKm(),
                config.mapBaseLayer().replace("\\", "\\\\").replace("\"", "\\\""));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + ROOT + "/");
            return;
        }
        if (path.contains("..") || path.contains("\\")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (path.equals("/settings.json")) {
            response.setContentType(TYPES.get("json"));
            response.setHeader("Cache-Control", "no-cache");
            response.getWriter().write(settings);
            return;
        }
        String extension = path.lastIndexOf('.') > path.lastIndexOf('/')
                ? path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        URL resource = extension.isEmpty() ? null : ConsoleServlet.class.getResource(ROOT + path);
        if (extension.isEmpty()) {
            // A screen of the single page (/console/, /console/requests/2026/000012, …).
            resource = ConsoleServlet.class.getResource(ROOT + "/index.html");
            extension = "html";
        }
        if (resource == null || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(extension));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Referrer-Policy", "no-referrer");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
