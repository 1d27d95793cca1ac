package org.civicdesk.metrics.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /metrics} for Prometheus. Not for citizens or staff: a scraper with the configured bearer token, or, with
 * none configured, one on this machine.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/metrics",
    "osgi.http.whiteboard.servlet.name=civicdesk-metrics"})
public class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PrometheusMetrics metrics;

    @Activate
    public MetricsServlet(@Reference PrometheusMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(metrics.scrapeToken(), request.getHeader("Authorization"), request.getRemoteAddr())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"metrics are for the configured scraper (scrapeToken in etc/org.civicdesk.metrics.cfg)\"}");
            return;
        }
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    /** With a token, only a request bearing it; without, only one from a loopback address. */
    static boolean allowed(String token, String authorization, String remoteAddress) {
        if (token != null && !token.isBlank()) {
            byte[] expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
            byte[] given = (authorization == null ? "" : authorization.strip()).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, given);
        }
        try {
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
