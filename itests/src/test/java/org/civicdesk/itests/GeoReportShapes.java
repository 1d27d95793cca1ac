package org.civicdesk.itests;

import static org.junit.Assert.assertTrue;

import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON shapes GeoReport v2 prescribes (as the open311/schema-validation project states them):
 * required fields, each field's type or null, the enumerations, date-times and lengths.
 */
final class GeoReportShapes {
    private GeoReportShapes() {
    }

    static void assertService(JsonNode service) {
        required(service, "service_code", "service_name", "metadata", "type");
        string(service, "service_code", false);
        string(service, "service_name", false);
        string(service, "description", true);
        assertTrue(service + ": metadata is a boolean", service.get("metadata").isBoolean());
        oneOf(service, "type", Set.of("realtime", "batch", "blackbox"));
        string(service, "keywords", true);
        string(service, "group", true);
    }

    static void assertServiceDefinition(JsonNode definition) {
        required(definition, "service_code", "attributes");
        string(definition, "service_code", false);
        assertTrue(definition.get("attributes").isArray());
        for (JsonNode attribute : definition.get("attributes")) {
            required(attribute, "variable", "code", "datatype", "required");
            assertTrue(attribute.get("variable").isBoolean() && attribute.get("required").isBoolean());
            string(attribute, "code", false);
            oneOf(attribute, "datatype", Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"));
            string(attribute, "datatype_description", true);
            assertTrue(attribute + ": order", !attribute.has("order") || attribute.get("order").isNull()
                    || attribute.get("order").isInt());
            string(attribute, "description", true);
            if (attribute.has("values")) {
                for (JsonNode value : attribute.get("values")) {
                    required(value, "key", "name");
                    string(value, "key", false);
                    string(value, "name", false);
                }
            }
        }
    }

    static void assertRequest(JsonNode request) {
        required(request, "service_request_id", "status", "service_code", "requested_datetime");
        string(request, "service_request_id", false);
        oneOf(request, "status", Set.of("open", "closed"));
        string(request, "service_code", false);
        for (String field : new String[] {"status_notes", "service_name", "agency_responsible", "service_notice", "address",
            "address_id", "zipcode", "media_url"}) {
            string(request, field, true);
        }
        string(request, "description", true);
        assertTrue(request.toString(), !request.hasNonNull("description") || request.get("description").asText().length() <= 4000);
        dateTime(request, "requested_datetime", false);
        dateTime(request, "updated_datetime", true);
        dateTime(request, "expected_datetime", true);
        for (String field : new String[] {"lat", "long"}) {
            assertTrue(request + ": " + field + " is a number or null", !request.has(field) || request.get(field).isNull()
                    || request.get(field).isNumber());
        }
    }

    private static void required(JsonNode node, String... fields) {
        for (String field : fields) {
            assertTrue(node + " lacks " + field, node.has(field) && !node.get(field).isNull());
        }
    }

    private static void string(JsonNode node, String field, boolean nullable) {
        JsonNode value = node.get(field);
        assertTrue(node + ": " + field + " is a string" + (nullable ? " or null" : ""),
                value == null && nullable || value != null && (value.isTextual() || nullable && value.isNull()));
    }

    private static void oneOf(JsonNode node, String field, Set<String> allowed) {
        assertTrue(node + ": " + field + " is one of " + allowed, allowed.contains(node.get(field).asText()));
    }

    private static void dateTime(JsonNode node, String field, boolean nullable) {
        string(node, field, nullable);
        if (node.hasNonNull(field)) {
            OffsetDateTime.parse(node.get(field).asText()); // RFC 3339 date-time, or this throws
        }
    }
}
