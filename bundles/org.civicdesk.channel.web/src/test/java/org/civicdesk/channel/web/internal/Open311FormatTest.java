package org.civicdesk.channel.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class Open311FormatTest {
    /** What a reporter may have typed before control characters were refused, with markup and JSON metacharacters. */
    private static final String HOSTILE = "Groapă <b>&amp;</b> \"x\" ]]> \u0000nul\u0001\u0007\u001B \uD800lone \uFFFE end\n"
            + "\uD83D\uDE00";

    private static Map<String, Object> request(String description) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", "2026/000123");
        request.put("description", description);
        request.put("status_notes", null);
        request.put("notes", List.of(Map.of("summary", "ok")));
        return request;
    }

    @Test
    public void xmlStaysWellFormedWhateverTheDescriptionHolds() throws Exception {
        String xml = Open311Format.XML.render("service_requests", "request", List.of(request(HOSTILE)));
        assertTrue(xml, xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element request = (Element) document.getDocumentElement().getElementsByTagName("request").item(0);
        assertEquals("Groapă <b>&amp;</b> \"x\" ]]> nul lone  end\n\uD83D\uDE00",
                request.getElementsByTagName("description").item(0).getTextContent());
        assertEquals(0, request.getElementsByTagName("status_notes").item(0).getChildNodes().getLength());
        assertEquals("ok", ((Element) request.getElementsByTagName("notes").item(0)).getElementsByTagName("note").item(0)
                .getTextContent());
    }

    @Test
    public void jsonCarriesTheDescriptionAsGiven() throws Exception {
        String text = "Groapă \"x\" \\ \u0000\u0007 </script>";
        JsonNode json = new ObjectMapper().readTree(Open311Format.JSON.render("service_requests", "request",
                List.of(request(text))));
        assertEquals(text, json.get(0).get("description").asText());
    }

    @Test
    public void legalLeavesCleanTextAsItIs() {
        String clean = "Str. Ștefan cel Mare\t3\r\n";
        assertTrue(clean == Open311Format.legal(clean));
    }
}
