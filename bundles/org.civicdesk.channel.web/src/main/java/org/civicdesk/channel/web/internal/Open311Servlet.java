package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open311 GeoReport v2 endpoint at {@code /open311/v2/}, a servlet of its own on the HTTP
 * Whiteboard. Not a second CXF servlet: in OSGi every CXF bus shares one destination registry, so
 * a second CXF servlet would serve the CivicDesk API too, and its shutdown would take the API's
 * endpoints with it.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/open311/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-open311"})
public class Open311Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Open311Servlet.class);
    private static final Pattern RESOURCE = Pattern.compile("/v2/([a-z_]+)(?:/([A-Za-z0-9_-]+))?\\.(json|xml)");

    private final transient Open311Resource resource;

    @Activate
    public Open311Servlet(@Reference RequestTypeCatalog types) {
        this.resource = new Open311Resource(types);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher m = RESOURCE.matcher(path);
        Open311Format format = path.endsWith(".xml") ? Open311Format.XML : Open311Format.JSON;
        try {
            if (!m.matches()) {
                throw new NotFoundException("no such resource: " + path);
            }
            format = Open311Format.of(m.group(3));
            String id = m.group(2);
            String base = request.getRequestURL().toString();
            base = base.substring(0, base.indexOf("/v2/") + 3);
            String body = switch (id == null ? m.group(1) : m.group(1) + "/{id}") {
                case "discovery" -> resource.discovery(format, base);
                case "services" -> resource.services(format, request.getParameter("locale"));
                case "services/{id}" -> resource.serviceDefinition(format, id);
                default -> throw new NotFoundException("no such resource: " + path);
            };
            send(response, 200, format, body);
        } catch (NotFoundException e) {
            send(response, 404, format, format.error(404, e.getMessage()));
        } catch (InvalidInputException e) {
            send(response, 400, format, format.error(400, e.getMessage()));
        } catch (CivicDeskException e) {
            send(response, 400, format, format.error(400, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Open311 {} failed: {}", path, e.toString());
            send(response, 500, format, format.error(500, "internal error"));
        }
    }

    private static void send(HttpServletResponse response, int status, Open311Format format, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(format.mediaType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(body);
    }
}
