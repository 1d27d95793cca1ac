package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Walks every endpoint of the REST API (found by reflection over the JAX-RS resources the
 * distribution registers), Open311, the portal's API and the pages with boundary and hostile
 * values — empty, zero, negative, huge and far-off values, 100 000-character strings, control
 * characters, NUL, invalid UTF-8, SQL, HTML and JSON metacharacters, wrong JSON types, deep
 * nesting, 2 MB bodies, wrong Content-Types, malformed multipart — anonymously and as every demo
 * role. Nothing may answer 5xx; refusals carry their problem or GeoReport errors body and
 * {@code nosniff}; and no record table changes: every write the fuzz sends is invalid in at least
 * one field the endpoint uses, so whatever is stored was let through. Deterministic: the cases
 * are fixed, and the sample the other roles run is drawn with a fixed seed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT extends CivicDeskTestSupport {
    private static final long SEED = 20_261_203L;
    /** The share of cases the roles other than admin run (admin runs them all). */
    private static final double SAMPLE = 0.2;
    private static final String[] OTHER_ROLES = {null, "operator", "supervisor", "employee"};
    private static final String KEY = "demo-open311-key";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Where a value that JSON nodes cannot hold is spliced into the serialized body. */
    private static final String RAW = "\u0000raw:";

    /** The tables whose rows are records of what people did: none may change. */
    private static final List<String> RECORD_TABLES = List.of("CD_REQUEST", "CD_REQUEST_EVENT", "CD_REQUEST_DETAIL",
            "CD_CITIZEN", "CD_INTERACTION", "CD_INTERACTION_EVENT", "CD_ANNOUNCEMENT", "CD_ANNOUNCEMENT_WITHDRAWAL",
            "CD_POLL", "CD_POLL_OPTION", "CD_POLL_BALLOT", "CD_POLL_PARTICIPATION", "CD_CITIZEN_PIN", "CD_KB_ARTICLE",
            "CD_OPEN311_KEY", "CD_OPEN311_MEDIA", "CD_DOC_REGISTRY", "CD_STAFF", "CD_PHONE_CALLBACK_DONE", "CD_REQUEST_RATING",
            "CD_CITIZEN_CORRECTION", "CD_CITIZEN_ERASURE");

    /** Values for query and path parameters: none names anything that exists. */
    private static final List<String> HOSTILE = List.of("", "0", "-1", "99999999999999999999", "1e999999999", "NaN",
            "-Infinity", "A".repeat(4000), "\u0000", "nul\u0000\u0001\u001B\u007F", "\uD800", "' OR '1'='1' --",
            "\"; DROP TABLE CD_REQUEST; --", "<script>alert(1)</script>", "{\"$gt\":\"\"}", "[]", "../../../etc/passwd",
            "%_%", "+999999999-12-31", "-999999999-01-01T00:00:00Z", "2026/000001\r\nX-Injected: 1", "ăîșțâ€😀");
    /** Bytes that are not UTF-8, sent as they are. */
    private static final String INVALID_UTF8 = "%FF%FE%C0%80";

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> casesPerEndpoint = new TreeMap<>();
    private int sent;

    @Override
    protected Option[] extra() {
        // The fuzz sends thousands of Open311 calls in a minute; the per-key budget is not what it tests.
        return new Option[] {editConfigurationFilePut("etc/org.civicdesk.channel.web.cfg", "callsPerMinute", "10000000")};
    }

    /** How an answer must look: the REST API's problems, GeoReport's errors, or a page's. */
    private enum Face {
        API, OPEN311_JSON, OPEN311_XML, PORTAL_API, PAGE
    }

    /** One request of the fuzz. */
    private record Probe(String endpoint, String label, String method, String url, String contentType, byte[] body,
            Face face) {
    }

    /** What exists in the demo, for paths that must be valid so that the body is what is judged. */
    private record Known(String year, String seq, String citizenId, String interactionId, String pollId) {
    }

    @Test
    public void noInputGetsA5xxAnErrorWithoutItsBodyOrAStoredChange() throws Exception {
        Known known = known();
        List<Probe> probes = new ArrayList<>();
        restProbes(known, probes);
        open311Probes(known, probes);
        portalProbes(probes);
        pageProbes(probes);
        probes.forEach(p -> casesPerEndpoint.merge(p.endpoint(), 1, Integer::sum));

        Map<String, Long> before = stableCounts();
        long started = System.nanoTime();
        for (Probe probe : probes) {
            check(probe, "admin");
        }
        for (String role : OTHER_ROLES) {
            for (Probe probe : probes) {
                if (random.nextDouble() < SAMPLE) {
                    check(probe, role);
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, Long> after = counts();
        System.out.println("FuzzIT: " + casesPerEndpoint.size() + " endpoints, " + probes.size() + " cases, " + sent
                + " requests over 5 identities in " + seconds + " s");
        casesPerEndpoint.forEach((endpoint, cases) -> System.out.println("  " + cases + "\t" + endpoint));
        assertTrue(failures.size() + " failures, the first:\n" + String.join("\n", failures.subList(0,
                Math.min(40, failures.size()))), failures.isEmpty());
        assertEquals("no record table changed", before, after);
    }

    // ---------------------------------------------------------------- running and judging

    private void check(Probe probe, String role) {
        String who = role == null ? "anonymous" : role;
        String what = who + " " + probe.method() + " " + probe.endpoint() + " [" + probe.label() + "]";
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(probe.url())).timeout(Duration.ofSeconds(60))
                    .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            if (probe.contentType() != null) {
                request.header("Content-Type", probe.contentType());
            }
            if (role != null) {
                request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((role + ":" + role)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            sent++;
        } catch (Exception e) {
            failures.add(what + ": no answer: " + e);
            return;
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            failures.add(what + ": " + status + " " + abbreviate(body));
            return;
        }
        if (probe.method().equals("GET") || status >= 400) {
            // A write the fuzz sends is always invalid somewhere; one taken is reported, and the counts will differ.
        } else {
            failures.add(what + ": accepted with " + status + " " + abbreviate(body));
        }
        if (byTheContainer(status, body) || probe.url().contains("..%2F")) {
            // Jetty refused the request line or headers before any servlet saw it, or resolved the path out of the endpoint.
            return;
        }
        if (!"nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse(""))) {
            failures.add(what + ": " + status + " without X-Content-Type-Options: nosniff");
        }
        if (probe.face() == Face.OPEN311_XML && status < 400 && !wellFormed(body)) {
            failures.add(what + ": " + status + " XML that is not well-formed: " + abbreviate(body));
        }
        if (status >= 400) {
            String wrong = errorBodyProblem(probe.face(), status, type, body);
            if (wrong != null) {
                failures.add(what + ": " + status + " " + wrong + ": " + type + " " + abbreviate(body));
            }
        }
    }

    private static boolean wellFormed(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Jetty's own refusal of a request line it cannot parse (a control character, a URI over 8 KiB). */
    private static boolean byTheContainer(int status, String body) {
        return (status == 400 || status == 414 || status == 431) && body.startsWith("<h1>Bad Message");
    }

    /** What is wrong with a refusal's body for its face, or {@code null}. */
    private static String errorBodyProblem(Face face, int status, String type, String body) {
        try {
            switch (face) {
                case API -> {
                    if (!type.startsWith("application/problem+json")) {
                        return "not application/problem+json";
                    }
                    JsonNode problem = JSON.readTree(body);
                    return problem.path("status").asInt() == status && problem.hasNonNull("title") ? null
                            : "a problem without its status and title";
                }
                case OPEN311_JSON, PORTAL_API -> {
                    JsonNode errors = JSON.readTree(body);
                    return type.startsWith("application/json") && errors.isArray() && errors.get(0).path("code").asInt()
                            == status ? null : "not GeoReport's JSON errors";
                }
                case OPEN311_XML -> {
                    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    String root = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body.getBytes(
                            StandardCharsets.UTF_8))).getDocumentElement().getTagName();
                    return type.startsWith("text/xml") && root.equals("errors") ? null : "not GeoReport's XML errors";
                }
                default -> {
                    return null;
                }
            }
        } catch (Exception e) {
            return "an unreadable error body (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    /** The row counts of the record tables, once the demo seeder has stopped adding rows. */
    private Map<String, Long> stableCounts() throws Exception {
        Map<String, Long> previous = counts();
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1000);
            Map<String, Long> now = counts();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("the demo data kept changing: " + previous);
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : RECORD_TABLES) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    // ---------------------------------------------------------------- what exists

    private Known known() throws Exception {
        JsonNode pothole = JSON.readTree(fetch("/open311/v2/requests.json?service_code=pothole").body()).get(0);
        String[] number = pothole.get("service_request_id").asText().split("/");
        Reply interaction = post("operator", "/interactions", "{\"channel\":\"phone\"}");
        assertEquals(interaction.raw(), 201, interaction.status());
        JsonNode polls = get(null, "/polls").body();
        String pollId = polls.size() > 0 ? polls.get(0).get("id").asText()
                : openParkPoll(Instant.now().plusSeconds(86_400)).get("id").asText();
        return new Known(number[0], number[1], citizenId("1800101350018"), interaction.body().get("id").asText(), pollId);
    }

    // ---------------------------------------------------------------- the REST API

    /** A JAX-RS resource method as reflection finds it. */
    private record RestMethod(String method, String template, List<String> pathParams, List<String> queryParams,
            Class<?> body, boolean multipart, boolean consumesJson) {
    }

    /** Every resource method of every {@code RestResource} service, and the session resource the API adds itself. */
    private List<RestMethod> restMethods() throws Exception {
        List<RestMethod> methods = new ArrayList<>();
        ServiceReference<?>[] refs = bundleContext.getAllServiceReferences("org.civicdesk.rest.api.RestResource", null);
        assertTrue("RestResource services are registered", refs != null && refs.length > 10);
        for (ServiceReference<?> ref : refs) {
            Class<?> resource = bundleContext.getService(ref).getClass();
            String root = value(annotation(resource.getAnnotations(), "Path"));
            for (Method m : resource.getMethods()) {
                String verb = null;
                for (Annotation a : m.getAnnotations()) {
                    String name = a.annotationType().getName();
                    if (name.matches("javax\\.ws\\.rs\\.(GET|POST|PUT|DELETE)")) {
                        verb = a.annotationType().getSimpleName();
                    }
                }
                if (verb == null) {
                    continue;
                }
                String sub = value(annotation(m.getAnnotations(), "Path"));
                String template = ("/" + root + "/" + (sub == null ? "" : sub)).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                List<String> path = new ArrayList<>();
                List<String> query = new ArrayList<>();
                Class<?> body = null;
                for (Parameter p : m.getParameters()) {
                    Annotation[] marks = p.getAnnotations();
                    if (annotation(marks, "PathParam") != null) {
                        path.add(value(annotation(marks, "PathParam")));
                    } else if (annotation(marks, "QueryParam") != null) {
                        query.add(value(annotation(marks, "QueryParam")));
                    } else if (marks.length == 0) {
                        body = p.getType();
                    }
                }
                Annotation consumes = annotation(m.getAnnotations(), "Consumes");
                if (consumes == null) {
                    consumes = annotation(resource.getAnnotations(), "Consumes");
                }
                String consumed = consumes == null ? "" : String.join(",", (String[]) consumes.annotationType()
                        .getMethod("value").invoke(consumes));
                methods.add(new RestMethod(verb, template, path, query, body, consumed.contains("multipart"),
                        consumed.contains("json")));
            }
        }
        methods.add(new RestMethod("POST", "/session", List.of(), List.of(), null, false, true));
        methods.add(new RestMethod("DELETE", "/session", List.of(), List.of(), null, false, false));
        return methods;
    }

    private static Annotation annotation(Annotation[] annotations, String simpleName) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals("javax.ws.rs." + simpleName)) {
                return a;
            }
        }
        return null;
    }

    private static String value(Annotation a) throws Exception {
        return a == null ? null : (String) a.annotationType().getMethod("value").invoke(a);
    }

    /**
     * The valid bodies mutated one field at a time, for the writes whose bodies reach deep: each
     * with the fields the endpoint uses for it (a field it ignores would let the write through).
     */
    private static Map<String, List<Map.Entry<String, List<String>>>> baseBodies(Known known) {
        Instant now = Instant.now();
        Map<String, List<Map.Entry<String, List<String>>>> bodies = new LinkedHashMap<>();
        bodies.put("POST /requests", List.of(Map.entry(CoreIT.pothole("1800101350018", "Fuzz").replace("}}",
                "},\"attributes\":{\"depth\":[\"12\"]}}"), List.of("type", "channel", "description", "citizen", "citizen.cnp",
                "citizen.firstName", "citizen.lastName", "citizen.address", "location", "location.lat", "location.lon",
                "location.address", "attributes", "attributes.depth", "attributes.depth.0"))));
        bodies.put("POST /requests/{year}/{seq}/events", List.of(
                Map.entry("{\"kind\":\"comment\",\"text\":\"Fuzz\"}", List.of("kind", "text")),
                Map.entry("{\"kind\":\"assign\",\"assignee\":\"employee\"}", List.of("assignee")),
                Map.entry("{\"kind\":\"status\",\"status\":\"in_progress\",\"comment\":\"Fuzz\"}", List.of("status", "comment")),
                Map.entry("{\"kind\":\"attachment\",\"attachmentName\":\"a.jpg\",\"attachmentRef\":\"ref\"}",
                        List.of("attachmentName", "attachmentRef"))));
        bodies.put("POST /interactions", List.of(Map.entry("{\"channel\":\"phone\"}", List.of("channel"))));
        bodies.put("POST /interactions/{id}/citizen", List.of(Map.entry("{\"citizenId\":\"" + known.citizenId()
                + "\",\"verified\":true}", List.of("citizenId"))));
        bodies.put("POST /interactions/{id}/requests", List.of(Map.entry("{\"request\":\"" + known.year() + "/"
                + known.seq() + "\"}", List.of("request"))));
        bodies.put("POST /interactions/{id}/close", List.of(Map.entry("{\"outcome\":\"information_given\",\"remarks\":"
                + "\"Fuzz\"}", List.of("outcome", "remarks"))));
        String window = "\"validFrom\":\"" + now.minusSeconds(60) + "\",\"validUntil\":\"" + now.plusSeconds(3600) + "\"";
        bodies.put("POST /announcements", List.of(Map.entry("{\"texts\":{\"ro\":\"Fuzz\",\"en\":\"Fuzz\"}," + window + "}",
                List.of("texts", "texts.ro", "texts.en", "validFrom", "validUntil"))));
        bodies.put("POST /polls", List.of(Map.entry("{\"questions\":{\"ro\":\"Fuzz?\"},\"options\":[{\"key\":\"a\",\"names\":"
                + "{\"ro\":\"A\"}},{\"key\":\"b\",\"names\":{\"ro\":\"B\"}}],\"opensAt\":\"" + now + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"minimumAge\":18}", List.of("questions", "questions.ro", "options", "options.0",
                "options.0.key", "options.0.names", "options.0.names.ro", "opensAt", "closesAt", "minimumAge"))));
        bodies.put("PUT /knowledge/{id}", List.of(Map.entry("{\"category\":\"fuzz\",\"texts\":{\"ro\":{\"title\":\"Fuzz\","
                + "\"summary\":\"Fuzz\",\"documents\":[\"CI\"],\"fees\":\"0\",\"office\":\"Ghișeul 1\",\"hours\":\"8-16\","
                + "\"steps\":[\"Veniți\"]}}}", List.of("category", "texts", "texts.ro", "texts.ro.title", "texts.ro.summary",
                "texts.ro.documents", "texts.ro.documents.0", "texts.ro.fees", "texts.ro.office", "texts.ro.hours",
                "texts.ro.steps.0"))));
        bodies.put("POST /session", List.of(Map.entry("{\"username\":\"operator\",\"password\":\"operator\"}",
                List.of("username", "password"))));
        return bodies;
    }

    /** Writes that take an absent body as their default: an empty body is a valid call there. */
    private static final Set<String> BODY_OPTIONAL = Set.of("POST /interactions");

    private void restProbes(Known known, List<Probe> probes) throws Exception {
        Map<String, List<Map.Entry<String, List<String>>>> bases = baseBodies(known);
        Map<String, String> valid = Map.of("year", known.year(), "seq", known.seq(), "id", known.citizenId(),
                "code", "pothole", "sha256", "0".repeat(64), "username", "employee");
        for (RestMethod m : restMethods()) {
            String endpoint = m.method() + " " + m.template();
            boolean write = !m.method().equals("GET");
            // Paths that must exist for the body or the query to be what is judged; ids of other kinds per template.
            Map<String, String> existing = new LinkedHashMap<>(valid);
            if (m.template().startsWith("/interactions")) {
                existing.put("id", known.interactionId());
            } else if (m.template().startsWith("/polls")) {
                existing.put("id", known.pollId());
            } else if (m.template().startsWith("/knowledge")) {
                existing.put("id", m.method().equals("PUT") ? "fuzz-article" : "resident-parking");
            }
            boolean hasBody = m.body() != null || bases.containsKey(endpoint) || m.multipart();
            // Hostile values in each path parameter; a write without a body is sent only these. A write's body is
            // then empty, as a hostile value may name something that could be created ("0" is a valid article id).
            for (String param : m.pathParams()) {
                for (String hostile : HOSTILE) {
                    Map<String, String> path = new LinkedHashMap<>(existing);
                    path.put(param, hostile);
                    byte[] body = hasBody && !m.multipart() ? utf8("{}") : null;
                    probes.add(new Probe(endpoint, param + "=" + label(hostile), m.method(), base() + expand(m.template(),
                            path), body == null ? null : "application/json", body, Face.API));
                }
            }
            if (write && !hasBody) {
                continue;
            }
            String url = base() + expand(m.template(), existing);
            for (String param : m.queryParams()) {
                for (String hostile : HOSTILE) {
                    probes.add(new Probe(endpoint, "?" + param + "=" + label(hostile), m.method(), url + "?" + param + "="
                            + query(hostile), null, null, Face.API));
                }
                probes.add(new Probe(endpoint, "?" + param + "=invalid UTF-8", m.method(), url + "?" + param + "="
                        + INVALID_UTF8, null, null, Face.API));
            }
            if (m.multipart()) {
                multipartProbes(endpoint, url, probes);
            } else if (hasBody) {
                jsonBodyProbes(endpoint, url, m, bases.get(endpoint), probes);
            }
        }
    }

    private void jsonBodyProbes(String endpoint, String url, RestMethod m, List<Map.Entry<String, List<String>>> bases,
            List<Probe> probes) throws Exception {
        String json = "application/json";
        Map<String, byte[]> whole = new LinkedHashMap<>();
        if (!BODY_OPTIONAL.contains(endpoint)) {
            whole.put("empty", new byte[0]);
            whole.put("null", utf8("null"));
            whole.put("{}", utf8("{}"));
        }
        whole.put("[]", utf8("[]"));
        whole.put("0", utf8("0"));
        whole.put("string", utf8("\"x\""));
        whole.put("truncated", utf8("{\"a\":"));
        whole.put("unknown field", utf8("{\"zzz\":1}"));
        whole.put("nested arrays", utf8("[".repeat(100_000) + "]".repeat(100_000)));
        whole.put("nested objects", utf8("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        whole.put("2 MB", utf8("{\"description\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}"));
        whole.put("invalid UTF-8", new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xC0,
            (byte) 0x80, '"', '}'});
        whole.forEach((label, body) -> probes.add(new Probe(endpoint, "body " + label, m.method(), url, json, body,
                Face.API)));
        String sample = firstBaseOf(bases);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            probes.add(new Probe(endpoint, "Content-Type " + type, m.method(), url, type, utf8(sample), Face.API));
        }
        List<Map.Entry<String, List<String>>> mutated = bases != null ? bases
                : List.of(Map.entry("{}", recordFields(m.body())));
        for (Map.Entry<String, List<String>> base : mutated) {
            for (String field : base.getValue()) {
                JsonNode original = JSON.readTree(base.getKey());
                JsonNode current = at(original, field);
                for (JsonNode invalid : invalidFor(current)) {
                    ObjectNode copy = (ObjectNode) original.deepCopy();
                    put(copy, field, invalid);
                    probes.add(new Probe(endpoint, field + "=" + label(invalid), m.method(), url, json, serialize(copy),
                            Face.API));
                }
            }
        }
    }

    private static String firstBaseOf(List<Map.Entry<String, List<String>>> bases) {
        return bases == null ? "{}" : bases.get(0).getKey();
    }

    /** The JSON fields of a record body, as a Jackson mapper names them. */
    private static List<String> recordFields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        if (type != null && type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName());
            }
        }
        return fields;
    }

    /**
     * Values no endpoint may take in place of {@code current} (a field of a valid body, or missing):
     * by its JSON type, so that Jackson's coercions (a number for a string) do not make them valid.
     */
    private static List<JsonNode> invalidFor(JsonNode current) {
        List<JsonNode> invalid = new ArrayList<>();
        ArrayNode array = NODES.arrayNode().add(1).add(NODES.objectNode());
        ObjectNode object = NODES.objectNode().put("$gt", "");
        JsonNode deep = NODES.textNode(RAW + "[".repeat(5000) + "]".repeat(5000));
        if (current == null || current.isMissingNode() || current.isTextual()) {
            invalid.add(NODES.textNode("A".repeat(100_000)));
            invalid.add(NODES.textNode("nul\u0000byte"));
            invalid.add(NODES.textNode("\u0001\u0007\u001B\u007F"));
            invalid.add(NODES.textNode(RAW + "\"half \\ud800 pair\""));
            invalid.add(array);
            invalid.add(object);
            if (current != null && current.asText().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                invalid.add(NODES.textNode("+1000000000-12-31T23:59:59Z"));
                invalid.add(NODES.textNode("-1000000000-01-01T00:00:00Z"));
                invalid.add(NODES.textNode("+999999999-12-31T23:59:59Z"));
                invalid.add(NODES.numberNode(Long.MAX_VALUE));
            }
        } else if (current.isNumber()) {
            invalid.add(NODES.textNode("abc"));
            invalid.add(NODES.textNode(RAW + "1e400"));
            invalid.add(NODES.textNode(RAW + "-1e400"));
            invalid.add(NODES.numberNode(new java.math.BigInteger("9".repeat(400))));
            invalid.add(array);
        } else if (current.isBoolean()) {
            invalid.add(NODES.textNode("maybe"));
            invalid.add(array);
        } else if (current.isArray()) {
            invalid.add(NODES.textNode("x"));
            invalid.add(object);
            invalid.add(NODES.numberNode(5));
            invalid.add(deep);
        } else {
            invalid.add(NODES.textNode("x"));
            invalid.add(array);
            invalid.add(NODES.numberNode(5));
            invalid.add(deep);
        }
        return invalid;
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String step : path.split("\\.")) {
            current = current.isArray() ? current.path(Integer.parseInt(step)) : current.path(step);
        }
        return current;
    }

    private static void put(JsonNode root, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    /** The body's bytes, with the values JSON nodes cannot hold spliced in raw. */
    private static byte[] serialize(ContainerNode<?> body) throws Exception {
        String json = JSON.writeValueAsString(body);
        StringBuilder out = new StringBuilder();
        int at = 0;
        String marker = JSON.writeValueAsString(RAW).replace("\"", "");
        int found;
        while ((found = json.indexOf("\"" + marker, at)) >= 0) {
            int end = json.indexOf('"', found + 1 + marker.length());
            while (json.charAt(end - 1) == '\\') {
                end = json.indexOf('"', end + 1);
            }
            out.append(json, at, found).append(JSON.readValue(json.substring(found, end + 1), String.class)
                    .substring(RAW.length()));
            at = end + 1;
        }
        return utf8(out.append(json.substring(at)).toString());
    }

    private static void multipartProbes(String endpoint, String url, List<Probe> probes) {
        String boundary = "fuzz-boundary";
        String multipart = "multipart/form-data; boundary=" + boundary;
        probes.add(new Probe(endpoint, "multipart without boundary", "POST", url, "multipart/form-data",
                utf8("--x\r\n\r\n--x--"), Face.API));
        probes.add(new Probe(endpoint, "multipart with another boundary", "POST", url, multipart, utf8("garbage"), Face.API));
        probes.add(new Probe(endpoint, "multipart cut short", "POST", url, multipart, utf8("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"), Face.API));
        probes.add(new Probe(endpoint, "JSON instead of multipart", "POST", url, "application/json", utf8("{}"), Face.API));
        probes.add(new Probe(endpoint, "empty multipart", "POST", url, multipart, utf8("--" + boundary + "--\r\n"),
                Face.API));
        for (String name : List.of("n".repeat(100_000) + ".jpg", "nul\u0000.jpg", "../../../etc/passwd", "", "<x>.jpg",
                "\u0001.png")) {
            probes.add(new Probe(endpoint, "file named " + label(name), "POST", url, multipart, part(boundary, "file", name,
                    utf8("not a document at all")), Face.API));
        }
        probes.add(new Probe(endpoint, "comment with NUL, not a document", "POST", url, multipart, concat(part(boundary,
                "comment", null, utf8("nul\u0000" + "A".repeat(100_000))), part(boundary, "file", "a.jpg", utf8("junk")))
                , Face.API));
    }

    /** One multipart part and the closing boundary; {@code fileName} null for a text field. */
    private static byte[] part(String boundary, String name, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    /** Two single-part bodies as one: the first's closing boundary becomes a separator. */
    private static byte[] concat(byte[] first, byte[] second) {
        String joined = new String(first, StandardCharsets.ISO_8859_1).replaceFirst("--\r\n$", "\r\n")
                .replaceFirst("\r\n--fuzz-boundary\r\n$", "\r\n");
        String rest = new String(second, StandardCharsets.ISO_8859_1).replaceFirst("^--fuzz-boundary\r\n", "");
        return (joined + "--fuzz-boundary\r\n" + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- Open311 and the portal

    private void open311Probes(Known known, List<Probe> probes) {
        String publicId = known.year() + "-" + known.seq();
        // Each read with the parameters it takes (every call takes an api_key), and a path that exists.
        Map<String, List<String>> reads = new LinkedHashMap<>();
        reads.put("discovery", List.of("api_key"));
        reads.put("services", List.of("locale", "api_key"));
        reads.put("services/{code}", List.of("locale", "api_key"));
        reads.put("requests", List.of("service_request_id", "service_code", "status", "start_date", "end_date", "page",
                "page_size", "updated_after", "updated_before", "extensions", "api_key"));
        reads.put("requests/{id}", List.of("extensions", "api_key"));
        reads.put("tokens/{token}", List.of("api_key"));
        reads.put("servicerequestupdates", List.of("start_date", "end_date", "api_key"));
        Map<String, String> existing = Map.of("{code}", "pothole", "{id}", publicId, "{token}", "ABCDEFGHJK");
        for (String format : List.of("json", "xml")) {
            Face face = format.equals("json") ? Face.OPEN311_JSON : Face.OPEN311_XML;
            for (Map.Entry<String, List<String>> read : reads.entrySet()) {
                String endpoint = "GET /open311/v2/" + read.getKey() + "." + format;
                String path = read.getKey();
                for (Map.Entry<String, String> id : existing.entrySet()) {
                    path = path.replace(id.getKey(), id.getValue());
                }
                String url = server() + "/open311/v2/" + path + "." + format;
                for (String param : read.getValue()) {
                    for (String hostile : HOSTILE) {
                        probes.add(new Probe(endpoint, "?" + param + "=" + label(hostile), "GET", url + "?" + param + "="
                                + query(hostile), null, null, face));
                    }
                }
                probes.add(new Probe(endpoint, "invalid UTF-8 query", "GET", url + "?service_code=" + INVALID_UTF8, null,
                        null, face));
                if (read.getKey().contains("{")) {
                    for (String hostile : HOSTILE) {
                        probes.add(new Probe(endpoint, "path " + label(hostile), "GET", server() + "/open311/v2/"
                                + path.replaceFirst("/[^/]+$", "/") + segment(hostile) + "." + format, null, null, face));
                    }
                }
            }
            String endpoint = "GET /open311/v2/media/{id}/{sha256}";
            for (String hostile : HOSTILE) {
                probes.add(new Probe(endpoint, "id " + label(hostile), "GET", server() + "/open311/v2/media/"
                        + segment(hostile) + "/" + "0".repeat(64), null, null, Face.PAGE));
            }
            Map<String, String> report = new LinkedHashMap<>();
            report.put("api_key", KEY);
            report.put("service_code", "pothole");
            report.put("lat", "47.6512");
            report.put("long", "26.2551");
            report.put("description", "Fuzz");
            formProbes("POST /open311/v2/requests." + format, server() + "/open311/v2/requests." + format, report,
                    List.of("api_key", "service_code", "lat", "long", "description", "address_string", "address_id",
                            "first_name", "last_name", "email", "phone", "media_url", "attribute[depth]",
                            "attribute[place]", "attribute[zzz]"), face, probes);
            Map<String, String> update = new LinkedHashMap<>();
            update.put("api_key", KEY);
            update.put("service_request_id", publicId);
            update.put("status", "open");
            update.put("description", "Fuzz");
            formProbes("POST /open311/v2/servicerequestupdates." + format, server() + "/open311/v2/servicerequestupdates."
                    + format, update, List.of("api_key", "service_request_id", "status", "description"), face, probes);
        }
    }

    private void portalProbes(List<Probe> probes) {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("service_code", "pothole");
        report.put("lat", "47.6512");
        report.put("long", "26.2551");
        report.put("description", "Fuzz");
        formProbes("POST /portal/api/reports", server() + "/portal/api/reports", report, List.of("service_code", "lat",
                "long", "description", "email", "first_name", "attribute[depth]"), Face.PORTAL_API, probes);
        for (String hostile : HOSTILE) {
            probes.add(new Probe("POST /portal/api/reports/{id}/support", label(hostile), "POST", server()
                    + "/portal/api/reports/" + segment(hostile) + "/support", null, null, Face.PORTAL_API));
            // Well-formed poll ids that name no poll, and malformed ones: nobody's PIN is tried.
            probes.add(new Probe("POST /portal/api/polls/{id}/votes", label(hostile), "POST", server() + "/portal/api/polls/"
                    + segment(hostile) + "/votes", "application/x-www-form-urlencoded", utf8("cnp=" + query(hostile)
                    + "&pin=" + query(hostile) + "&option=" + query(hostile)), Face.PORTAL_API));
        }
        probes.add(new Probe("POST /portal/api/polls/{id}/votes", "no such poll", "POST", server() + "/portal/api/polls/"
                + "00000000-0000-0000-0000-000000000000/votes", "application/x-www-form-urlencoded",
                utf8("cnp=1800101350018&pin=" + "9".repeat(13) + "&option=a"), Face.PORTAL_API));
        // A rating's refusals are problems, as the API's: no code names a request here, so none may be stored.
        formProbes("POST /portal/api/ratings", server() + "/portal/api/ratings", Map.of("code", "ABCDEFGH23", "score", "3",
                "comment", "Bine"), List.of("code", "score", "comment"), Face.API, probes);
    }

    /** A form's valid fields, each replaced in turn by values it cannot take, and bodies no form is. */
    private void formProbes(String endpoint, String url, Map<String, String> valid, List<String> fields, Face face,
            List<Probe> probes) {
        String form = "application/x-www-form-urlencoded";
        for (String field : fields) {
            List<String> invalid = new ArrayList<>(List.of("A".repeat(5000), "nul\u0000", "bell\u0007"));
            if (!FREE_TEXT.contains(field)) {
                // Not free text: a hostile value is refused (an unknown code, a malformed number or e-mail), but for
                // those that are valid there and the empty one, which is an absent field.
                Set<String> validHere = VALID_IN_FORMS.getOrDefault(field, Set.of());
                invalid.addAll(HOSTILE.stream().filter(h -> !h.isEmpty() && !validHere.contains(h)).toList());
            }
            for (String value : new LinkedHashSet<>(invalid)) {
                Map<String, String> fieldsOfForm = new LinkedHashMap<>(valid);
                fieldsOfForm.put(field, value);
                probes.add(new Probe(endpoint, field + "=" + label(value), "POST", url, form, utf8(encode(fieldsOfForm)),
                        face));
            }
            Map<String, String> fieldsOfForm = new LinkedHashMap<>(valid);
            fieldsOfForm.remove(field);
            probes.add(new Probe(endpoint, field + " not UTF-8", "POST", url, form, utf8(encode(fieldsOfForm) + "&" + field
                    + "=" + INVALID_UTF8), face));
        }
        String encoded = encode(valid);
        probes.add(new Probe(endpoint, "300 KB form", "POST", url, form, utf8(encoded + "&description="
                + "A".repeat(300_000)), face));
        probes.add(new Probe(endpoint, "2 MB form", "POST", url, form, utf8(encoded + "&x=" + "A".repeat(2 * 1024 * 1024)),
                face));
        probes.add(new Probe(endpoint, "empty body", "POST", url, form, new byte[0], face));
        probes.add(new Probe(endpoint, "JSON body", "POST", url, "application/json", utf8(JSON.valueToTree(valid)
                .toString()), face));
        probes.add(new Probe(endpoint, "XML body", "POST", url, "text/xml", utf8("<service_request/>"), face));
        probes.add(new Probe(endpoint, "multipart without boundary", "POST", url, "multipart/form-data",
                utf8("--x\r\n\r\n--x--"), face));
        probes.add(new Probe(endpoint, "multipart with another boundary", "POST", url, "multipart/form-data; boundary=fuzz",
                utf8("garbage"), face));
        StringBuilder parts = new StringBuilder();
        valid.forEach((name, value) -> parts.append("--fuzz\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(name.equals("description") ? "nul\u0000" : value).append("\r\n"));
        probes.add(new Probe(endpoint, "multipart, NUL in the description", "POST", url,
                "multipart/form-data; boundary=fuzz", utf8(parts + "--fuzz--\r\n"), face));
        probes.add(new Probe(endpoint, "multipart, a photo that is not one", "POST", url,
                "multipart/form-data; boundary=fuzz", utf8(parts.toString().replace("nul\u0000", "Fuzz")
                        + "--fuzz\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + "n".repeat(5000)
                        + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot a photo\r\n--fuzz--\r\n"), face));
        probes.add(new Probe(endpoint, "multipart cut short", "POST", url, "multipart/form-data; boundary=fuzz",
                utf8(parts.toString().replace("nul\u0000", "Fuzz") + "--fuzz\r\nContent-Disposition: form-data; "
                        + "name=\"media\"; filename=\"a.jpg\"\r\n\r\n\u00FF\u00D8"), face));
    }

    /** Form fields whose any text is valid: they are sent only values too long or with control characters. */
    private static final Set<String> FREE_TEXT = Set.of("description", "address_string", "address_id", "first_name",
            "last_name", "media_url");
    /** Hostile values that are valid in a form field: a place at 0° or -1°, a depth, a phone number. */
    private static final Map<String, Set<String>> VALID_IN_FORMS = Map.of("lat", Set.of("0", "-1"), "long", Set.of("0",
            "-1"), "attribute[depth]", Set.of("0", "-1", "99999999999999999999"), "phone", Set.of("99999999999999999999",
            "+999999999-12-31"));

    private void pageProbes(List<Probe> probes) {
        for (String root : List.of("/portal/", "/console/", "/web/")) {
            for (String hostile : HOSTILE) {
                probes.add(new Probe("GET " + root + "*", label(hostile), "GET", server() + root + segment(hostile), null,
                        null, Face.PAGE));
            }
            probes.add(new Probe("GET " + root + "*", "settings", "GET", server() + root + "settings.json", null, null,
                    Face.PAGE));
        }
    }

    // ---------------------------------------------------------------- encoding

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", segment(v.getValue()));
        }
        return path;
    }

    /** A path segment: percent-encoded, even a slash; empty as the single space it would otherwise collapse to. */
    private static String segment(String value) {
        return value.isEmpty() ? "%20" : query(value);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, String>> it = form.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, String> field = it.next();
            out.append(query(field.getKey())).append('=').append(query(field.getValue()));
            if (it.hasNext()) {
                out.append('&');
            }
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String label(Object value) {
        String text = value instanceof JsonNode node ? (node.isTextual() ? node.asText() : node.toString()) : String.valueOf(
                value);
        text = text.startsWith(RAW) ? text.substring(RAW.length()) : text;
        String shown = text.length() > 40 ? text.substring(0, 12) + "…(" + text.length() + ")" : text;
        StringBuilder visible = new StringBuilder();
        shown.codePoints().forEach(c -> visible.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return visible.toString();
    }
}
