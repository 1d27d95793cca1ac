package org.civicdesk.channel.web.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;

/**
 * GeoReport v2 resources. The services are CivicDesk's request types: the code is the service
 * code, the department the group; names in the city's language unless {@code locale=en} asks for
 * English.
 */
final class Open311Resource {
    static final String SPEC = "http://wiki.open311.org/GeoReport_v2";

    private final RequestTypeCatalog types;
    /** When this endpoint's description last changed: when it started with the services it offers. */
    private final String changeset = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    Open311Resource(RequestTypeCatalog types) {
        this.types = types;
    }

    /** The endpoint's description; {@code base} is its URL as the client reached it. */
    String discovery(Open311Format f, String base) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPEC);
        endpoint.put("url", base);
        endpoint.put("changeset", changeset);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", changeset);
        discovery.put("contact", "Primăria — relații cu publicul");
        discovery.put("key_service", "API keys are issued by the city hall's administrators");
        discovery.put("endpoints", List.of(endpoint));
        return f.renderObject("discovery", discovery);
    }

    /** Every service: the request types, names in Romanian or, with {@code locale=en}, English. */
    String services(Open311Format f, String locale) {
        String language = "en".equalsIgnoreCase(locale) ? "en" : "ro";
        List<Map<String, Object>> services = types.list().stream().map(t -> service(t, language)).toList();
        return f.render("services", "service", services);
    }

    /**
     * A service's definition. CivicDesk's request types ask for no attributes beyond the
     * standard fields yet, so every definition has an empty attribute list (and {@code metadata}
     * is false in the service list).
     */
    String serviceDefinition(Open311Format f, String code) {
        RequestType type = types.find(code).orElseThrow(() -> new NotFoundException("no service " + code));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", type.code());
        definition.put("attributes", List.of());
        return f.renderObject("service_definition", definition);
    }

    private static Map<String, Object> service(RequestType type, String language) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", type.code());
        service.put("service_name", type.name(language));
        service.put("description", type.name(language));
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", type.code().replace('-', ','));
        service.put("group", type.department());
        return service;
    }
}
