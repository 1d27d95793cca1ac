package org.civicdesk.channel.web.internal;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two representations of GeoReport v2: JSON written by Jackson, and XML written by StAX with
 * the UTF-8 declaration and no namespaces, the root named after the collection and each element
 * after its member. Values are ordered maps, so the two formats come from the same data.
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
            return xml(writer -> {
                writer.writeStartElement(root);
                for (Map<String, ?> item : items) {
                    element(writer, member, item);
                }
                writer.writeEndElement();
            });
        }

        @Override
        String renderObject(String root, Map<String, ?> object) {
            return xml(writer -> element(writer, root, object));
        }
    };

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

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

    /** Writes one document's elements. */
    @FunctionalInterface
    private interface Elements {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    /**
     * A document with the UTF-8 declaration GeoReport clients expect, its elements written by a StAX
     * writer. The declaration is written as text: StAX implementations quote it differently (Woodstox,
     * which Karaf provides, with single quotes), and clients compare it as a string.
     */
    private static String xml(Elements elements) {
        StringWriter out = new StringWriter().append(DECLARATION);
        try {
            XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(out);
            elements.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Open311 XML document could not be written", e);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        if (value == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                element(writer, (String) field.getKey(), field.getValue());
            }
        } else if (value instanceof List<?> list) {
            // A list is wrapped in its own element; its members are named by the singular.
            String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (Object member : list) {
                element(writer, singular, member);
            }
        } else {
            writer.writeCharacters(legal(String.valueOf(value)));
        }
        writer.writeEndElement();
    }

    /**
     * The text without the characters XML 1.0 cannot carry (control characters other than tab and
     * line breaks, half surrogate pairs, U+FFFE and U+FFFF), which a description may hold: the
     * writer escapes markup, but a document with those characters is not XML at all.
     */
    static String legal(String text) {
        StringBuilder legal = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed && legal == null) {
                legal = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && legal != null) {
                legal.appendCodePoint(c);
            }
            i += width;
        }
        return legal == null ? text : legal.toString();
    }
}
