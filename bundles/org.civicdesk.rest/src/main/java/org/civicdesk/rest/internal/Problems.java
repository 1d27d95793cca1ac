package org.civicdesk.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** RFC 7807 problem responses: {@code application/problem+json} with type, title, status, detail. */
final class Problems {
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    /** A problem with nothing more to it than its status. */
    static final String BLANK = "about:blank";
    /** A staff member must accept the confidentiality agreement (GET, POST /api/v1/me/agreement) before citizen data. */
    static final String AGREEMENT_REQUIRED = "urn:civicdesk:problem:agreement-required";

    private Problems() {
    }

    static Response problem(int status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    static Response problem(int status, String title, String detail, Map<String, String> errors) {
        return problem(BLANK, status, title, detail, errors);
    }

    /**
     * A problem of a kind a client acts on, named by {@code type} (ending in the kind, e.g. {@link #AGREEMENT_REQUIRED}).
     */
    static Response problem(String type, int status, String title, String detail, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
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
