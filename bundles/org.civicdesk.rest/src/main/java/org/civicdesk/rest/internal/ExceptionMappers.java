package org.civicdesk.rest.internal;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.AgreementRequiredException;
import org.civicdesk.core.api.CivicDeskException;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.Failures;
import org.civicdesk.core.api.IntegrityException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.rest.api.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure into a problem response; nothing leaks a stack trace or personal data. */
final class ExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    static final class DomainMapper implements ExceptionMapper<CivicDeskException> {
        @Context
        private HttpHeaders headers;
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(CivicDeskException e) {
            if (e instanceof InvalidInputException invalid) {
                // 422: well-formed but breaks a rule (invalid CNP, unknown type); 400 is for unreadable input.
                String language = errorLanguage();
                return Problems.problem(422, "Invalid input", invalid.message(language), invalid.asMap(language));
            }
            if (e instanceof NotFoundException) {
                return Problems.problem(404, "Not found", e.getMessage());
            }
            if (e instanceof AgreementRequiredException) {
                return Problems.problem(Problems.AGREEMENT_REQUIRED, 403, "Confidentiality agreement not accepted",
                        e.getMessage(), null);
            }
            if (e instanceof AccessDeniedException) {
                return Problems.problem(403, "Forbidden", e.getMessage());
            }
            if (e instanceof ConflictException) {
                return Problems.problem(409, "Conflict", e.getMessage());
            }
            if (e instanceof IntegrityException) {
                // Not the caller's fault: the stored data was altered behind the application.
                LOG.error("Integrity check failed: {}", e.getMessage());
                return Problems.problem(500, "Stored data failed its integrity check", e.getMessage());
            }
            return Problems.problem(400, "Bad request", e.getMessage());
        }

        /**
         * The language the caller reads: {@code lang} when it is ro or en, else the first of those its Accept-Language
         * names, else English — what an API client that asks for nothing has always been answered in.
         */
        private String errorLanguage() {
            try {
                String lang = uri == null ? null : uri.getQueryParameters().getFirst("lang");
                if ("ro".equalsIgnoreCase(lang) || "en".equalsIgnoreCase(lang)) {
                    return lang.toLowerCase(Locale.ROOT);
                }
                return Languages.firstSpoken(headers == null ? List.of() : headers.getAcceptableLanguages(), "en");
            } catch (RuntimeException outsideACall) {
                // Mapped outside a request (no context to read): English.
                return "en";
            }
        }
    }

    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String detail = e instanceof UnrecognizedPropertyException u
                    ? "unknown field '" + u.getPropertyName() + "'"
                    : "the body is not the JSON expected: " + e.getOriginalMessage();
            return Problems.problem(400, "Malformed JSON", detail);
        }
    }

    static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        private HttpHeaders headers;
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return new JsonMapper().toResponse(json);
            }
            if (cause instanceof CivicDeskException domain) {
                DomainMapper mapper = new DomainMapper();
                mapper.headers = headers;
                mapper.uri = uri;
                return mapper.toResponse(domain);
            }
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            Response.Status known = Response.Status.fromStatusCode(status);
            return Problems.problem(status, known == null ? "Error" : known.getReasonPhrase(),
                    status == 404 ? "no such resource" : e.getMessage());
        }
    }

    static final class AnyMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof IllegalArgumentException) {
                return Problems.problem(400, "Bad request", e.getMessage());
            }
            if (whileReadingTheBody(e)) {
                // A multipart body without its boundary, a body cut short: CXF's readers fail with their own faults.
                return Problems.problem(400, "Malformed body", "the request's body could not be read as its "
                        + "Content-Type says");
            }
            // Classes, SQLSTATE and frames only: messages, a database driver's above all, may quote personal data.
            LOG.error("Unexpected failure in the REST API: {}", Failures.describe(e));
            return Problems.problem(500, "Internal error", "the request failed; it has been logged");
        }

        /** Whether the failure was thrown while a message body reader read the request, before any resource ran. */
        static boolean whileReadingTheBody(Throwable e) {
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().equals("org.apache.cxf.jaxrs.utils.JAXRSUtils")
                        && frame.getMethodName().equals("readFromMessageBody")) {
                    return true;
                }
            }
            return false;
        }
    }
}
