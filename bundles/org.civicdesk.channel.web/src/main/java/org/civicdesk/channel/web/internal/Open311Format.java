package org.civicdesk.channel.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two representations of GeoReport v2: JSON, and XML with the UTF-8 declaration and no
 * namespaces, the root named after the collection and each element after its member. Values are
 * ordered maps, so the two formats come from the same data.
 */
enum Open311Format {
    JSON("application/json") {
        @Override
        String render(String root, String member, List<? extends Map<String, ?>> items) {
            return json(items);
        }

        @Override
        String renderObject(String root, Map<String, ?> object) {
            return json(object);
        }
    },
    XML("text/xml") {
        @Override
        String render(String root, String member, List<? extends Map<String, ?>> items) {
            StringBuilder xml = new StringBuilder(DECLARATION).append('<').append(root).append('>');
            for (Map<String, ?> item : items) {
                element(xml, member, item);
            }
            return xml.append("</").append(root).append(">\n").toString();
        }

        @Override
        String renderObject(String root, Map<String, ?> object) {
            StringBuilder xml = new StringBuilder(DECLARATION);
            element(xml, root, object);
            return xml.append('\n').toString();
        }
    };

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format named by a path's extension ({@code json} or {@code xml}). */
    static Open311Format of(String extension) {
        return switch (extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw new org.civicdesk.core.api.NotFoundException("no format " + extension);
        };
    }

    /** A collection: a JSON array, or an XML root element holding one element per member. */
    abstract String render(String root, String member, List<? extends Map<String, ?>> items);

    /** A single object: a JSON object, or an XML root element with its fields. */
    abstract String renderObject(String root, Map<String, ?> object);

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The errors document of GeoReport v2: an array of {@code {code, description}}. */
    String error(int status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return render("errors", "error", List.of(error));
    }

    @SuppressWarnings("unchecked")
    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) {
            xml.append('<').append(name).append("/>");
        } else if (value instanceof Map<?, ?> map) {
            xml.append('<').append(name).append('>');
            map.forEach((k, v) -> element(xml, (String) k, v));
            xml.append("</").append(name).append('>');
        } else if (value instanceof List<?> list) {
            // A list is wrapped in its own element; its members are named by the singular.
            xml.append('<').append(name).append('>');
            String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            list.forEach(v -> element(xml, singular, v));
            xml.append("</").append(name).append('>');
        } else {
            xml.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
