package org.civicdesk.channel.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;

import org.civicdesk.core.api.InvalidInputException;

/** Reading a report as browsers and Open311 clients send it: URL-encoded, or multipart with photos. */
final class FormRequests {
    private FormRequests() {
    }

    /**
     * The form's fields, from a URL-encoded body, the query, or the text parts of a multipart body
     * (which some containers leave out of the parameters).
     */
    static Open311Params params(HttpServletRequest request) throws IOException, ServletException {
        Map<String, String[]> values = new HashMap<>(request.getParameterMap());
        if (isMultipart(request)) {
            Map<String, List<String>> texts = new HashMap<>();
            for (Part part : parts(request)) {
                if (part.getSubmittedFileName() == null && !values.containsKey(part.getName())) {
                    texts.computeIfAbsent(part.getName(), k -> new ArrayList<>())
                            .add(new String(part.getInputStream().readNBytes(20_000), StandardCharsets.UTF_8));
                }
            }
            texts.forEach((name, text) -> values.put(name, text.toArray(String[]::new)));
        }
        return new Open311Params(values);
    }

    /** The photos of a multipart report: its file parts named {@code media} or {@code media[]}. */
    static List<Open311Resource.Upload> photos(HttpServletRequest request) throws IOException, ServletException {
        List<Open311Resource.Upload> photos = new ArrayList<>();
        if (isMultipart(request)) {
            for (Part part : parts(request)) {
                if (part.getSubmittedFileName() != null && part.getName().matches("media(\\[\\d*\\])?")
                        && part.getSize() > 0) {
                    try (InputStream in = part.getInputStream()) {
                        photos.add(new Open311Resource.Upload(part.getSubmittedFileName(), in.readAllBytes()));
                    }
                }
            }
        }
        return photos;
    }

    static Collection<Part> parts(HttpServletRequest request) throws IOException, ServletException {
        try {
            return request.getParts();
        } catch (IllegalStateException e) { // the container's size limits
            throw new InvalidInputException("media", "the report is larger than 60 MiB");
        }
    }

    static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/form-data");
    }

}
