package org.civicdesk.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** RFC 7807 problem responses: {@code application/problem+json} with type, title, status, detail. */
final class Problems {
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {
    }

    static Response problem(int status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    static Response problem(int status, String title, String detail, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
