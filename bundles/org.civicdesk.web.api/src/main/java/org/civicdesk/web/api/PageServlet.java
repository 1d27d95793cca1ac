package org.civicdesk.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves a web face's pages, scripts and styles from its bundle, on the HTTP Whiteboard: the
 * files under {@code root} in the bundle, and for every path that is not a file the single page
 * {@code index.html}, whose router shows the screen. Every answer carries a content security
 * policy that allows code and calls from this origin only, no inline script, no framing.
 */
@ConsumerType
public abstract class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=UTF-8",
            "geojson", "application/geo+json; charset=UTF-8");

    private final String root;

    /** @param root where the files are in this servlet's bundle, and where it is served, e.g. {@code /console} */
    protected PageServlet(String root) {
        this.root = root;
    }

    /**
     * The JSON the pages read at start from {@code <root>/settings.json}, or {@code null} when
     * they read none.
     */
    protected String settings() {
        return null;
    }

    /**
     * The content security policy: this origin only; {@code extraImageSources} adds origins images
     * may come from (a city's own map tile server).
     */
    protected String contentSecurityPolicy() {
        return policy("");
    }

    protected static String policy(String extraImageSources) {
        return "default-src 'self'; img-src 'self' data: blob:" + (extraImageSources.isBlank() ? "" : " " + extraImageSources)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** Every answer, the settings, redirects and errors included, forbids guessing its type from its bytes. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + root + "/");
            return;
        }
        if (path.contains("..") || path.contains("\\")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String settings = path.equals("/settings.json") ? settings() : null;
        if (settings != null) {
            response.setContentType(TYPES.get("json"));
            response.setHeader("Cache-Control", "no-cache");
            response.getWriter().write(settings);
            return;
        }
        String extension = path.lastIndexOf('.') > path.lastIndexOf('/')
                ? path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        URL resource = extension.isEmpty() ? null : getClass().getResource(root + path);
        if (extension.isEmpty()) {
            // A screen of the single page (/console/, /console/requests/2026/000012, …).
            resource = getClass().getResource(root + "/index.html");
            extension = "html";
        }
        if (resource == null || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(extension));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy());
        response.setHeader("Referrer-Policy", "no-referrer");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
