package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.documents.api.Article;
import org.civicdesk.datasource.documents.api.ArticleText;
import org.civicdesk.datasource.documents.api.KnowledgeBase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the citizens' portal sends besides Open311's public reads, at {@code /portal/api/}: a
 * report (the same checks as {@code POST requests}, as the portal's own client, budgeted per
 * address instead of per key), support for a report already filed, and the knowledge base.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/portal/api/*",
    "osgi.http.whiteboard.servlet.name=civicdesk-portal-api",
    "osgi.http.whiteboard.servlet.multipart.enabled=true",
    "osgi.http.whiteboard.servlet.multipart.maxRequestSize=62914560"})
public class PortalApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern SUPPORT = Pattern.compile("/reports/([0-9]{4}[/-][0-9]{1,6})/support");
    /** The portal as a client of the endpoint: its reports are filed by {@code system:open311:portal}. */
    private static final ApiKeys.ApiKey PORTAL = new ApiKeys.ApiKey("portal", "citizens' portal", "system", Instant.EPOCH,
            null);

    private final transient Open311Endpoint endpoint;
    private final transient KnowledgeBase knowledge;

    @Activate
    public PortalApiServlet(@Reference Open311Endpoint endpoint, @Reference KnowledgeBase knowledge) {
        this.endpoint = endpoint;
        this.knowledge = knowledge;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            long retryAfter = endpoint.limiter().take("portal:" + request.getRemoteAddr(), System.currentTimeMillis());
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
                Open311Servlet.send(response, 429, Open311Format.JSON, Open311Format.JSON.error(429,
                        "too many reports from this address; retry in " + retryAfter + " s"));
                return;
            }
            Matcher support = SUPPORT.matcher(path);
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
            } else {
                throw new NotFoundException("no such resource: " + path);
            }
            Open311Servlet.send(response, 200, Open311Format.JSON, body);
        } catch (RuntimeException e) {
            Open311Servlet.fail(response, Open311Format.JSON, e, "portal POST " + path);
        }
    }

    /** {@code GET /portal/api/knowledge?q=…&lang=ro|en}: the articles matching every word, best first. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (!path.equals("/knowledge")) {
                throw new NotFoundException("no such resource: " + path);
            }
            Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("ro");
            String query = request.getParameter("q") == null ? "" : request.getParameter("q");
            if (query.length() > 200) {
                throw new org.civicdesk.core.api.InvalidInputException("q", "ask in at most 200 characters");
            }
            List<Map<String, Object>> articles = knowledge.search(query, locale, 20).stream()
                    .map(a -> article(a, locale)).toList();
            Open311Servlet.send(response, 200, Open311Format.JSON, Open311Format.JSON.render("articles", "article", articles));
        } catch (RuntimeException e) {
            Open311Servlet.fail(response, Open311Format.JSON, e, "portal GET " + path);
        }
    }

    private static Map<String, Object> article(Article article, Locale locale) {
        ArticleText text = article.in(locale);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", article.id());
        shown.put("category", article.category());
        shown.put("title", text.title());
        shown.put("summary", text.summary());
        shown.put("documents", text.documents());
        shown.put("fees", text.fees());
        shown.put("office", text.office());
        shown.put("hours", text.hours());
        shown.put("steps", text.steps());
        return shown;
    }
}
