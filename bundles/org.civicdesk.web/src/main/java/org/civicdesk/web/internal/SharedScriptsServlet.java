package org.civicdesk.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.civicdesk.web.api.PageServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * What every CivicDesk page shares, at {@code /web/}: the {@code dom.js} and {@code map.js}
 * modules the pages import, the demo city's base layer, and {@code settings.json} with the map's
 * place and layers from {@code etc/org.civicdesk.map.cfg}. Nothing is fetched from the internet
 * unless a city points the map at its own tile server.
 */
@Component(service = Servlet.class, configurationPid = "org.civicdesk.map", property = {
    "osgi.http.whiteboard.servlet.pattern=/web/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-web-common"})
@Designate(ocd = MapConfig.class)
public class SharedScriptsServlet extends PageServlet {
    private static final long serialVersionUID = 1L;

    private static final Pattern TILE = Pattern.compile("/tiles/(\\d{1,2})/(\\d{1,7})/(\\d{1,7})");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private volatile String settings;
    private volatile String tileUrl = "";

    public SharedScriptsServlet() {
        super("/web");
    }

    @Activate
    @Modified
    void configure(MapConfig config) {
        String tiles = config.tileUrl() == null ? "" : config.tileUrl().strip();
        if (!tiles.isEmpty() && !(tiles.startsWith("https://") || tiles.startsWith("http://"))) {
            throw new IllegalArgumentException("tileUrl must be an http or https URL with {z}, {x} and {y}");
        }
        tileUrl = tiles;
        settings = String.format(Locale.ROOT, "{\"center\":[%s,%s],\"spanKm\":%s,\"baseLayer\":\"%s\",\"tileUrl\":%s}",
                config.centerLat(), config.centerLon(), config.spanKm(), json(config.baseLayer()),
                tiles.isEmpty() ? "null" : "\"/web/tiles/{z}/{x}/{y}\"");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    protected String settings() {
        return settings;
    }

    /**
     * Map tiles, fetched from the city's tile server and passed on: the pages load images from
     * their own origin only, and a tile server inside the city hall's network need not be
     * reachable from the citizens' browsers.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher tile = TILE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!tile.matches()) {
            super.doGet(request, response);
            return;
        }
        String source = tileUrl;
        if (source.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URI uri = URI.create(source.replace("{z}", tile.group(1)).replace("{x}", tile.group(2)).replace("{y}", tile.group(3)));
        try {
            HttpResponse<InputStream> upstream = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = upstream.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = upstream.body()) {
                if (upstream.statusCode() != 200 || !type.startsWith("image/")) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                response.setContentType(type);
                response.setHeader("Cache-Control", "public, max-age=86400");
                response.setHeader("X-Content-Type-Options", "nosniff");
                in.transferTo(response.getOutputStream());
            }
        } catch (IOException e) {
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
