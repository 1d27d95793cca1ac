package org.civicdesk.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

/**
 * Refuses a JSON (or any other non-multipart) body larger than the API ever needs, with 413,
 * before anything reads it: the largest the API takes is a request's description and a
 * knowledge article, a few kilobytes. Uploads are multipart and bounded by the documents store.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class BodyLimit implements ContainerRequestFilter {
    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean multipart = type != null && "multipart".equalsIgnoreCase(type.getType());
        if (!multipart && request.getLength() > MAX_BYTES) {
            request.abortWith(Problems.problem(413, "Payload too large", "the body is larger than " + MAX_BYTES
                    + " bytes; files are sent as multipart/form-data"));
        }
    }
}
