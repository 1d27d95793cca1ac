package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 conformance of {@code /open311/v2/} (feature {@code civicdesk-channel-web}):
 * every resource in both formats, checked field by field against the specification.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Open311IT extends CivicDeskTestSupport {
    private static final String V2 = "/open311/v2";



    @Test
    public void discoveryDescribesTheEndpointInBothFormats() throws Exception {
        JsonNode json = json(V2 + "/discovery.json");
        assertTrue(json.isObject());
        JsonNode endpoint = json.get("endpoints").get(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
        assertEquals(server() + V2, endpoint.get("url").asText());
        assertTrue(endpoint.get("formats").toString().contains("text/xml"));
        assertTrue(json.get("changeset").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        Document xml = xml(V2 + "/discovery.xml");
        assertEquals("discovery", xml.getDocumentElement().getTagName());
        assertEquals(server() + V2, text(xml.getDocumentElement(), "url"));
    }

    @Test
    public void servicesAreTheRequestTypes() throws Exception {
        JsonNode services = json(V2 + "/services.json");
        assertTrue(services.isArray() && services.size() >= 5);
        Set<String> codes = new HashSet<>();
        for (JsonNode s : services) {
            for (String field : new String[] {"service_code", "service_name", "description", "metadata", "type", "keywords",
                "group"}) {
                assertTrue(s + " has " + field, s.has(field));
            }
            assertTrue("codes are strings", s.get("service_code").isTextual());
            assertTrue(s.get("metadata").isBoolean());
            assertTrue(Set.of("realtime", "batch", "blackbox").contains(s.get("type").asText()));
            codes.add(s.get("service_code").asText());
        }
        assertTrue(codes.contains("pothole"));
        JsonNode english = json(V2 + "/services.json?locale=en");
        assertTrue(english.toString().contains("Pothole or damaged road"));

        Document xml = xml(V2 + "/services.xml");
        Element root = xml.getDocumentElement();
        assertEquals("services", root.getTagName());
        NodeList members = root.getElementsByTagName("service");
        assertEquals(services.size(), members.getLength());
        assertEquals("Romanian names, UTF-8 end to end", true,
                root.getTextContent().contains("Groapă sau denivelare în carosabil"));
    }

    @Test
    public void everyServiceHasADefinition() throws Exception {
        JsonNode definition = json(V2 + "/services/pothole.json");
        assertEquals("pothole", definition.get("service_code").asText());
        assertTrue(definition.get("attributes").isArray());
        Document xml = xml(V2 + "/services/pothole.xml");
        assertEquals("service_definition", xml.getDocumentElement().getTagName());
        assertEquals("pothole", text(xml.getDocumentElement(), "service_code"));
        assertEquals(1, xml.getElementsByTagName("attributes").getLength());

        HttpResponse<String> unknown = fetch(V2 + "/services/no-such-service.xml");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("<errors><error><code>404</code>"));
    }

    @Test
    public void errorsAreAnArrayOfCodeAndDescription() throws Exception {
        HttpResponse<String> unknown = fetch(V2 + "/services.csv");
        assertEquals(404, unknown.statusCode());
        JsonNode errors = JSON.readTree(unknown.body());
        assertTrue(errors.isArray());
        assertEquals(404, errors.get(0).get("code").asInt());
        assertFalse(errors.get(0).get("description").asText().isBlank());
    }

    @Test
    public void theChannelComesAndGoesWithItsFeature() throws Exception {
        shell("feature:uninstall civicdesk-channel-web");
        try {
            assertEquals(404, fetch(V2 + "/services.json").statusCode());
            assertEquals("the rest of CivicDesk keeps running", 200, get(null, "/health").status());
        } finally {
            shell("feature:install civicdesk-channel-web");
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (fetch(V2 + "/services.json").statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(200, fetch(V2 + "/services.json").statusCode());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = fetch(path);
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private Document xml(String path) throws Exception {
        HttpResponse<String> response = fetch(path);
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertTrue("the UTF-8 declaration", response.body().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        assertFalse("no namespaces", response.body().contains("xmlns"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // Well-formed, or this throws.
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
