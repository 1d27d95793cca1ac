package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.Failures;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.request.api.Rating;
import org.civicdesk.request.api.RequestRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /portal/api/ratings} ({@code code}, {@code score}, {@code comment}): the citizen's
 * answer to the satisfaction question of a closed request, authenticated by the request's tracking
 * code, the secret the tracking page uses. The code travels in the form body, never in the address
 * (which access logs and the browser's history keep). Answers and refusals are JSON; refusals are
 * RFC 7807 problems with the offending field, for the portal to show at that field.
 */
final class PortalRatings {
    private static final Logger LOG = LoggerFactory.getLogger(PortalRatings.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    private PortalRatings() {
    }

    /** Records the rating the form gives and answers with it (no comment echoed), or throws what refuses it. */
    static String rate(RequestRegistry requests, Open311Params form) {
        String code = form.get("code", 16);
        if (code == null) {
            throw InvalidInputException.of("code", "rating.trackingCode");
        }
        Rating rating = requests.rate(code.toUpperCase(Locale.ROOT), score(form.get("score", 10)), form.get("comment"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", rating.number().toString());
        answer.put("score", rating.score());
        answer.put("ratedAt", rating.ratedAt().toString());
        return Open311Format.JSON.renderObject("rating", answer);
    }

    private static int score(String given) {
        if (given == null || !given.matches("[0-9]{1,2}")) {
            throw InvalidInputException.of("score", "rating.choose", Rating.MIN_SCORE, Rating.MAX_SCORE);
        }
        return Integer.parseInt(given);
    }

    /** A problem response: 422 with the field for invalid input, 404, 409, 413/415 for a refused body, 429, 500. */
    static void fail(HttpServletResponse response, RuntimeException error, String language) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        int status;
        String title;
        String detail = error.getMessage();
        if (error instanceof RefusedBody refused) {
            status = refused.status();
            title = "Request refused";
        } else if (error instanceof InvalidInputException invalid) {
            status = 422;
            title = "Invalid input";
            problem.put("errors", invalid.asMap(language));
            detail = invalid.message(language);
        } else if (error instanceof NotFoundException) {
            status = 404;
            title = "Not found";
        } else if (error instanceof ConflictException) {
            status = 409;
            title = "Conflict";
        } else if (error instanceof AccessDeniedException) {
            status = 403;
            title = "Forbidden";
        } else if (error instanceof CivicDeskException) {
            status = 400;
            title = "Bad request";
        } else {
            // Classes and SQLSTATEs only: a driver's message may quote the citizen's words.
            LOG.error("portal rating failed: {}", Failures.describe(error));
            status = 500;
            title = "Internal error";
            detail = "internal error";
        }
        problem(response, status, title, detail, problem);
    }

    static void problem(HttpServletResponse response, int status, String title, String detail, Map<String, Object> more)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(more);
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(Open311Format.JSON.renderObject("problem", body));
    }
}
