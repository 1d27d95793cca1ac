package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;

/**
 * Reading a report as browsers and Open311 clients send it: URL-encoded, or multipart with photos.
 * A body that is too large, of another type or malformed is refused as a {@link RefusedBody}
 * before any field is used.
 */
final class FormRequests {
    /** The largest URL-encoded form: the servlet container's own limit, answered with 413 before it is reached. */
    static final long MAX_FORM_BYTES = 200_000;
    /** The largest multipart report: five photos of 10 MiB and the text, as the servlet's registration says. */
    static final long MAX_MULTIPART_BYTES = 62_914_560;
    private static final String FORM = "application/x-www-form-urlencoded";

    private FormRequests() {
    }

    /**
     * The form's fields, from a URL-encoded body, the query, or the text parts of a multipart body
     * (which some containers leave out of the parameters).
     *
     * @throws RefusedBody for a body too large (413), of another type (415) or that cannot be read (400)
     */
    static Open311Params params(HttpServletRequest request) throws IOException {
        checkBody(request);
        Map<String, String[]> values;
        try {
            values = new HashMap<>(request.getParameterMap());
        } catch (RuntimeException e) {
            // The container parses lazily: invalid UTF-8, a bad %-escape, a form over its limit, a broken multipart.
            throw unreadable(e);
        }
        if (isMultipart(request)) {
            Map<String, List<String>> texts = new HashMap<>();
            for (Part part : parts(request)) {
                if (part.getName() != null && part.getSubmittedFileName() == null && !values.containsKey(part.getName())) {
                    texts.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(text(part));
                }
            }
            texts.forEach((name, text) -> values.put(name, text.toArray(String[]::new)));
        }
        return new Open311Params(values);
    }

    /** The photos of a multipart report: its file parts named {@code media} or {@code media[]}. */
    static List<Open311Resource.Upload> photos(HttpServletRequest request) throws IOException {
        List<Open311Resource.Upload> photos = new ArrayList<>();
        if (isMultipart(request)) {
            for (Part part : parts(request)) {
                if (part.getSubmittedFileName() != null && part.getName() != null && part.getName().matches("media(\\[\\d*\\])?")
                        && part.getSize() > 0) {
                    try (InputStream in = part.getInputStream()) {
                        photos.add(new Open311Resource.Upload(part.getSubmittedFileName(), in.readAllBytes()));
                    }
                }
            }
        }
        return photos;
    }

    static Collection<Part> parts(HttpServletRequest request) {
        try {
            return request.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** Refuses by its headers a body that is too large or of a type no form comes in. */
    private static void checkBody(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        long length = request.getContentLengthLong();
        boolean multipart = isMultipart(request);
        if (!multipart && !type.isEmpty() && !type.startsWith(FORM)) {
            throw new RefusedBody(415, "send the form as " + FORM + " or multipart/form-data");
        }
        if (multipart && !type.contains("boundary=")) {
            throw new RefusedBody(400, "a multipart/form-data body needs its boundary in the Content-Type");
        }
        long max = multipart ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES;
        if (length > max) {
            throw new RefusedBody(413, "the body is larger than " + max + " bytes");
        }
    }

    /** A failure of the container to parse the body or the query: the caller's, and a 413 when a limit was passed. */
    private static RefusedBody unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Jetty reports a form or multipart over its limits as an IllegalStateException.
            if (t instanceof IllegalStateException) {
                return new RefusedBody(413, "the form is larger than this endpoint takes");
            }
        }
        return new RefusedBody(400, "the form could not be read: it is not valid UTF-8 URL-encoded or multipart data");
    }

    /** A text part as UTF-8; at most its first 20 000 bytes, more than any field takes, which then refuses it. */
    private static String text(Part part) throws IOException {
        byte[] bytes = part.getInputStream().readNBytes(20_000);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RefusedBody(400, "a text field of the form is not UTF-8");
        }
    }

    static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT)
                .startsWith("multipart/form-data");
    }

}
