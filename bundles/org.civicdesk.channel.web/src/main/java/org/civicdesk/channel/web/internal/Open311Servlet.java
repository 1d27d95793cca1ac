package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.Failures;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.documents.api.AttachmentContent;
import org.civicdesk.rest.api.CallOrigins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open311 GeoReport v2 endpoint at {@code /open311/v2/}, a servlet of its own on the HTTP
 * Whiteboard. Not a second CXF servlet: in OSGi every CXF bus shares one destination registry, so
 * a second CXF servlet would serve the CivicDesk API too, and its shutdown would take the API's
 * endpoints with it. Each resource is a row of {@link #routes}: method, path, whether it needs
 * an API key, and what answers it.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/open311/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-open311",
    "osgi.http.whiteboard.servlet.multipart.enabled=true",
    "osgi.http.whiteboard.servlet.multipart.maxRequestSize=62914560"})
public class Open311Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Open311Servlet.class);
    private static final String ID = "([0-9]{4}[/-][0-9]{1,9})";
    private static final String FORMAT = "\\.(json|xml)";
    /** A published photo: bytes, not a GeoReport document, so answered apart from the route table. */
    private static final Pattern MEDIA = Pattern.compile("/v2/media/" + ID + "/([0-9a-f]{64})");

    private final transient ApiKeys keys;
    private final transient CallOrigins origins;
    private final transient Open311Endpoint endpoint;
    private final transient List<Route> routes = new ArrayList<>();

    /**
     * What answers a route, in UTF-8 as sent: from the format, the path's groups, the parameters and the caller's key
     * (or null).
     */
    @FunctionalInterface
    private interface Handler {
        byte[] answer(Open311Format format, Matcher path, Open311Params params, ApiKeys.ApiKey key, HttpServletRequest request)
                throws IOException, ServletException;
    }

    /** A {@link Handler} that answers text, encoded by {@link #text}. */
    @FunctionalInterface
    private interface TextHandler {
        String answer(Open311Format format, Matcher path, Open311Params params, ApiKeys.ApiKey key, HttpServletRequest request)
                throws IOException, ServletException;
    }

    private static Handler text(TextHandler handler) {
        return (f, m, p, k, r) -> handler.answer(f, m, p, k, r).getBytes(StandardCharsets.UTF_8);
    }

    private record Route(String method, Pattern path, boolean needsKey, String operation, Handler handler) {
    }

    @Activate
    public Open311Servlet(@Reference ApiKeys keys, @Reference Open311Endpoint endpoint, @Reference CallOrigins origins) {
        this.keys = keys;
        this.origins = origins;
        this.endpoint = endpoint;
        route("GET", "discovery" + FORMAT, false, "discovery", text((f, m, p, k, r) -> resource().discovery(f, base(r))));
        route("GET", "services" + FORMAT, false, "services", text((f, m, p, k, r) -> resource().services(f,
                p.get("locale"))));
        route("GET", "services/([a-z0-9_-]+)" + FORMAT, false, "service",
            text((f, m, p, k, r) -> resource().serviceDefinition(f, m.group(1), p.get("locale"))));
        // Already encoded: the default list is answered from memory, over and over.
        route("GET", "requests" + FORMAT, false, "list", (f, m, p, k, r) -> resource().list(f, p, base(r)));
        route("POST", "requests" + FORMAT, true, "post",
            text((f, m, p, k, r) -> resource().post(f, k.actor(), p, FormRequests.photos(r))));
        route("GET", "requests/" + ID + FORMAT, false, "read", text((f, m, p, k, r) -> resource().one(f, m.group(1), p,
                base(r))));
        route("GET", "tokens/([A-Za-z0-9]{1,40})" + FORMAT, false, "token", text((f, m, p, k, r) -> resource().token(f,
                m.group(1))));
        route("GET", "servicerequestupdates" + FORMAT, false, "updates", text((f, m, p, k, r) -> resource().updates(f, p)));
        route("POST", "servicerequestupdates" + FORMAT, true, "update",
            text((f, m, p, k, r) -> resource().postUpdate(f, k.actor(), p)));
    }

    /** The resources as configured right now. */
    private Open311Resource resource() {
        return endpoint.resource();
    }

    private void route(String method, String path, boolean needsKey, String operation, Handler handler) {
        routes.add(new Route(method, Pattern.compile("/v2/" + path), needsKey, operation, handler));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Open311Format format = path.endsWith(".xml") ? Open311Format.XML : Open311Format.JSON;
        try {
            Matcher photo = MEDIA.matcher(path);
            if ("GET".equals(request.getMethod()) && photo.matches()) {
                sendPhoto(response, resource().photo(photo.group(1), photo.group(2)));
                return;
            }
            Route route = null;
            Matcher matched = null;
            boolean pathKnown = false;
            for (Route candidate : routes) {
                Matcher m = candidate.path().matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (candidate.method().equals(request.getMethod())) {
                        route = candidate;
                        matched = m;
                        break;
                    }
                }
            }
            if (route == null) {
                if (pathKnown) {
                    response.setHeader("Allow", String.join(", ", routes.stream().filter(r -> r.path().matcher(path).matches())
                            .map(Route::method).toList()));
                    send(response, 405, format, format.error(405, request.getMethod() + " is not allowed on " + path));
                    return;
                }
                throw new NotFoundException("no such resource: " + path);
            }
            format = Open311Format.of(matched.group(matched.groupCount()));
            Open311Params params = FormRequests.params(request);
            ApiKeys.ApiKey key = key(params, route.needsKey());
            if (key != null) {
                long retryAfter = endpoint.limiter().take(key.id(), System.currentTimeMillis());
                if (retryAfter > 0) {
                    response.setHeader("Retry-After", Long.toString(retryAfter));
                    send(response, 429, format, format.error(429, "too many calls with this api_key; retry in "
                            + retryAfter + " s"));
                    return;
                }
            }
            byte[] body = route.handler().answer(format, matched, params, key, request);
            if (key != null) {
                resource().audited(key, route.operation(), matched.groupCount() > 1 ? matched.group(1) : null);
            }
            // 200 even for a new report: what existing Open311 clients expect.
            send(response, 200, format, body);
        } catch (RuntimeException e) {
            fail(response, format, e, request.getMethod() + " " + path, ErrorLanguage.of(request));
        }
    }

    /** Answers a failure as GeoReport's errors document: 4xx for what the caller can mend, 500 for the rest. */
    static void fail(HttpServletResponse response, Open311Format format, RuntimeException error, String what,
            String language) throws IOException {
        int status;
        String description = error.getMessage();
        if (error instanceof RefusedBody refused) {
            status = refused.status();
        } else if (error instanceof NotFoundException) {
            status = 404;
        } else if (error instanceof AccessDeniedException) {
            status = 403;
        } else if (error instanceof InvalidInputException invalid) {
            status = 400;
            description = (invalid.field() == null ? "" : Open311Params.parameterOf(invalid.field()) + ": ")
                    + invalid.message(language);
        } else if (error instanceof ConflictException) {
            status = 409;
        } else if (error instanceof CivicDeskException) {
            status = 400;
        } else {
            // Classes, SQLSTATE and frames only: a database driver's message quotes the reporter's data.
            LOG.error("Open311 {} failed: {}", what, Failures.describe(error));
            status = 500;
            description = "internal error";
        }
        send(response, status, format, format.error(status, description));
    }

    /** The caller's key: required to change anything; when given elsewhere it must be valid too. */
    private ApiKeys.ApiKey key(Open311Params params, boolean required) {
        String given = params.get("api_key");
        if (given == null) {
            if (required) {
                throw new AccessDeniedException("api_key is required; ask the city hall for one");
            }
            return null;
        }
        return keys.verify(given).orElseThrow(() -> new AccessDeniedException("api_key is not valid or was revoked"));
    }

    /** The endpoint's URL as the client reached it (through the city's proxy, as it tells), up to {@code /v2}. */
    private String base(HttpServletRequest request) {
        String url = origins.requestUrl(request);
        return url.substring(0, url.indexOf("/v2/") + 3);
    }

    private static void sendPhoto(HttpServletResponse response, AttachmentContent photo) throws IOException {
        byte[] original;
        try (InputStream in = photo.content()) {
            original = in.readAllBytes();
        }
        // Never the original: where it was taken and with what stay with the city hall.
        Optional<byte[]> cleaned = PublicPhotos.withoutMetadata(photo.attachment().mediaType(), original);
        if (cleaned.isEmpty()) {
            throw new NotFoundException("no such photo");
        }
        response.setStatus(200);
        response.setContentType(photo.attachment().mediaType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "public, max-age=86400, immutable");
        response.setHeader("Access-Control-Allow-Origin", "*");
        try (OutputStream out = response.getOutputStream()) {
            out.write(cleaned.get());
        }
    }

    static void send(HttpServletResponse response, int status, Open311Format format, String body) throws IOException {
        send(response, status, format, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code utf8}, encoded already: not through the container's writer, which encodes a character at a time (a
     * list of a thousand requests is half a megabyte, and writing it was most of what the cached default list cost).
     */
    static void send(HttpServletResponse response, int status, Open311Format format, byte[] utf8) throws IOException {
        response.setStatus(status);
        response.setContentType(format.mediaType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // No Content-Length: with it, a 413 refusing a 2 MB form unread once reached FuzzIT's client as a closed
        // connection; without it the answer is committed as before, when the servlet returns.
        response.getOutputStream().write(utf8);
    }
}
