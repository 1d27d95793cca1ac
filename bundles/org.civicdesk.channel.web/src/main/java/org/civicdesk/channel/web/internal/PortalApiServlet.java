package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenPins;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.rest.api.CallOrigins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the citizens' portal sends, at {@code /portal/api/}: a report (the same checks as Open311's
 * {@code POST requests}, as the portal's own client, budgeted per address instead of per key) and
 * support for a report already filed, a vote in a poll by CNP and PIN, and the rating of a closed request by its
 * tracking code ({@link PortalRatings}); all within one budget of calls per address. It reads through Open311's
 * public GETs and the public {@code /api/v1/knowledge} and {@code /api/v1/track}.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/portal/api/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-portal-api",
    "osgi.http.whiteboard.servlet.multipart.enabled=true",
    "osgi.http.whiteboard.servlet.multipart.maxRequestSize=62914560"})
public class PortalApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern SUPPORT = Pattern.compile("/reports/([0-9]{4}[/-][0-9]{1,9})/support");
    private static final Pattern VOTE = Pattern.compile("/polls/([0-9a-f-]{36})/votes");
    /** The portal as a client of the endpoint: its reports are filed by {@code system:open311:portal}. */
    private static final Actor PORTAL = Actor.system("open311:portal");

    private final transient Open311Endpoint endpoint;
    private final transient CitizenPins pins;
    private final transient Polls polls;
    private final transient RequestRegistry requests;
    /** Who calls: behind the city's proxy, the address it forwards, so that each citizen has a budget of their own. */
    private final transient CallOrigins origins;

    @Activate
    public PortalApiServlet(@Reference Open311Endpoint endpoint, @Reference CitizenPins pins, @Reference Polls polls,
            @Reference RequestRegistry requests, @Reference CallOrigins origins) {
        this.endpoint = endpoint;
        this.origins = origins;
        this.pins = pins;
        this.polls = polls;
        this.requests = requests;
    }

    /** A citizen's vote, after they prove who they are with their CNP and PIN; wrong PINs are counted per address. */
    private String vote(String pollId, Open311Params form, String clientAddress) {
        String cnp = form.get("cnp", 20);
        String pin = form.get("pin", 12);
        String option = form.get("option", 30);
        if (cnp == null || pin == null || option == null) {
            throw InvalidInputException.of("cnp", "portal.vote");
        }
        Citizen citizen = pins.verify(cnp, pin, "web", "web:" + clientAddress)
                .orElseThrow(() -> new AccessDeniedException("the CNP or the PIN is not right"));
        polls.vote(citizen, pollId, option, "web");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("poll", pollId);
        answer.put("voted", true);
        return Open311Format.JSON.renderObject("vote", answer);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/ratings")) {
            rate(request, response);
            return;
        }
        try {
            long retryAfter = endpoint.limiter().take("portal:" + origins.clientAddress(request), System.currentTimeMillis());
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
                Open311Servlet.send(response, 429, Open311Format.JSON, Open311Format.JSON.error(429,
                        "too many reports from this address; retry in " + retryAfter + " s"));
                return;
            }
            Matcher support = SUPPORT.matcher(path);
            Matcher vote = VOTE.matcher(path);
            String body;
            if (path.equals("/reports")) {
                body = endpoint.resource().post(Open311Format.JSON, PORTAL, FormRequests.params(request),
                        FormRequests.photos(request));
            } else if (support.matches()) {
                Map<String, String[]> update = new HashMap<>();
                update.put("service_request_id", new String[] {support.group(1)});
                update.put("status", new String[] {"open"});
                update.put("description", new String[] {"Alt cetățean semnalează aceeași problemă, prin portal."});
                body = endpoint.resource().postUpdate(Open311Format.JSON, PORTAL, new Open311Params(update));
            } else if (vote.matches()) {
                body = vote(vote.group(1), FormRequests.params(request), origins.clientAddress(request));
            } else {
                throw new NotFoundException("no such resource: " + path);
            }
            Open311Servlet.send(response, 200, Open311Format.JSON, body);
        } catch (RuntimeException e) {
            Open311Servlet.fail(response, Open311Format.JSON, e, "portal POST " + path, ErrorLanguage.of(request));
        }
    }

    /** A rating, answered with problems: the same budget per address as the portal's other POSTs slows code guessing. */
    private void rate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            long retryAfter = endpoint.limiter().take("portal:" + origins.clientAddress(request), System.currentTimeMillis());
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
                PortalRatings.problem(response, 429, "Too Many Requests", "too many tries from this address; retry in "
                        + retryAfter + " s", Map.of());
                return;
            }
            Open311Servlet.send(response, 200, Open311Format.JSON, PortalRatings.rate(requests, FormRequests.params(request)));
        } catch (RuntimeException e) {
            PortalRatings.fail(response, e, ErrorLanguage.of(request));
        }
    }
}
