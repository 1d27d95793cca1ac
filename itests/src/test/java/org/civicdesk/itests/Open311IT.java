package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;

/**
 * Open311 GeoReport v2 conformance of {@code /open311/v2/} (feature {@code civicdesk-channel-web}):
 * every resource in both formats, checked field by field against the specification.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class Open311IT extends CivicDeskTestSupport {
    private static final String V2 = "/open311/v2";
    private static final String KEY = "demo-open311-key";
    /** The first bytes of a PNG file: what the document store looks at. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static final byte[] PROGRAM = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    /** The tests call from this machine as the city's reverse proxy would. */
    @Override
    protected Option[] extra() {
        return new Option[] {KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.rest.cfg", "trustedProxies",
                "127.0.0.1, ::1"),
            // Reports of waste are answered with a token, as a city may ask of a public type.
            KarafDistributionOption.editConfigurationFilePut("etc/org.civicdesk.channel.web.cfg", "tokenTypes", "waste")};
    }

    @Override
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
    }

    // ---------------------------------------------------------------- services

    @Test
    public void serviceDefinitionsCarryTheTypesAttributes() throws Exception {
        JsonNode services = json(V2 + "/services.json");
        for (JsonNode s : services) {
            boolean asks = Set.of("pothole", "waste").contains(s.get("service_code").asText());
            assertEquals(s.toString(), asks, s.get("metadata").asBoolean());
        }
        JsonNode attributes = json(V2 + "/services/pothole.json?locale=en").get("attributes");
        assertEquals(2, attributes.size());
        JsonNode depth = attributes.get(0);
        assertEquals("depth", depth.get("code").asText());
        assertEquals("number", depth.get("datatype").asText());
        assertTrue(depth.get("variable").asBoolean());
        assertFalse(depth.get("required").asBoolean());
        assertEquals(1, depth.get("order").asInt());
        assertEquals("Approximate depth (cm)", depth.get("description").asText());
        JsonNode place = attributes.get(1);
        assertEquals("singlevaluelist", place.get("datatype").asText());
        assertEquals(2, place.get("order").asInt());
        assertEquals("road", place.get("values").get(0).get("key").asText());
        assertEquals("On the road", place.get("values").get(0).get("name").asText());
        JsonNode kind = json(V2 + "/services/waste.json").get("attributes").get(0);
        assertTrue(kind.get("required").asBoolean());
        assertEquals("Ce fel de deșeuri?", kind.get("description").asText());

        Document xml = xml(V2 + "/services/pothole.xml");
        assertEquals(2, xml.getElementsByTagName("attribute").getLength());
        Element value = (Element) xml.getElementsByTagName("value").item(1);
        assertEquals("sidewalk", text(value, "key"));
        assertEquals("Pe trotuar", text(value, "name"));
    }

    // ---------------------------------------------------------------- filing

    @Test
    public void aReportIsFiledAndReadBackWithoutPersonalData() throws Exception {
        HttpResponse<String> posted = form(V2 + "/requests.json", KEY, "service_code", "pothole", "lat", "47.6512",
                "long", "26.2551", "address_string", "Str. Ștefan cel Mare 12", "description", "Groapă adâncă lângă trecere",
                "attribute[depth]", "12", "attribute[place]", "road", "email", "ana.report@example.org",
                "first_name", "Ana", "last_name", "Reporter", "phone", "0740 123 456", "device_id", "phone-1");
        assertEquals(posted.body(), 200, posted.statusCode());
        JsonNode answer = JSON.readTree(posted.body()).get(0);
        String id = answer.get("service_request_id").asText();
        assertTrue(id, id.matches("\\d{4}/\\d{6}"));
        assertFalse(answer.get("service_notice").asText().isBlank());

        JsonNode list = json(V2 + "/requests/" + id + ".json");
        assertEquals("a one-element array", 1, list.size());
        JsonNode r = list.get(0);
        GeoReportShapes.assertRequest(r);
        assertEquals(id, r.get("service_request_id").asText());
        assertTrue("ids are strings", r.get("service_request_id").isTextual());
        assertEquals("open", r.get("status").asText());
        assertEquals("pothole", r.get("service_code").asText());
        assertEquals("Groapă adâncă lângă trecere", r.get("description").asText());
        assertEquals("Str. Ștefan cel Mare 12", r.get("address").asText());
        assertEquals(47.6512, r.get("lat").asDouble(), 1e-9);
        assertEquals(26.2551, r.get("long").asDouble(), 1e-9);
        for (String field : new String[] {"status_notes", "service_name", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address_id", "zipcode", "media_url"}) {
            assertTrue(r + " has " + field, r.has(field));
        }
        for (String field : new String[] {"requested_datetime", "updated_datetime", "expected_datetime"}) {
            assertTrue(field + " in ISO 8601 with its offset: " + r.get(field), r.get(field).asText()
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)"));
        }
        String everything = fetch(V2 + "/requests/" + id + ".json?extensions=true").body()
                + fetch(V2 + "/requests.json").body() + fetch(V2 + "/requests/" + id + ".xml").body();
        for (String personal : new String[] {"ana.report@example.org", "Reporter", "0740 123 456"}) {
            assertFalse("the public API never shows " + personal, everything.contains(personal));
        }
        Document xml = xml(V2 + "/requests/" + id.replace('/', '-') + ".xml");
        assertEquals("service_requests", xml.getDocumentElement().getTagName());
        assertEquals(id, text(xml.getDocumentElement(), "service_request_id"));

        // The answers and the contact are kept with the request, for staff.
        assertEquals(6, count("SELECT COUNT(*) FROM CD_REQUEST_DETAIL WHERE REQUEST_NUMBER = '" + id + "'"));
        Reply staffView = get("operator", "/requests/" + id);
        assertEquals("web", staffView.body().get("channel").asText());
        assertEquals("ana.report@example.org", staffView.body().get("contact").get("email").asText());
        assertEquals("0740 123 456", staffView.body().get("contact").get("phone").asText());
        assertEquals("12", staffView.body().get("attributes").get("depth").get(0).asText());
    }

    @Test
    public void aKeyIsRequiredAndBadInputStoresNothing() throws Exception {
        long before = count("SELECT COUNT(*) FROM CD_REQUEST");
        String[] valid = {"service_code", "pothole", "lat", "47.65", "long", "26.25", "description", "x"};
        assertError(form(V2 + "/requests.json", null, valid), 403, "api_key");
        assertError(form(V2 + "/requests.json", "no-such-key", valid), 403, "api_key");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "lat", "47.65", "long", "26.25",
                "description", "x".repeat(4001)), 400, "description");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "lat", "forty", "long", "26.25"), 400, "lat");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "lat", "95", "long", "26.25"), 400, "lat");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "lat", "47.65"), 400, "long");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "description", "nowhere"), 400, "lat");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "no-such", "lat", "47.65", "long", "26.25"), 404,
                "no-such");
        // A type the public API never reads back is not a service: posting to it is as to an unknown one.
        assertError(form(V2 + "/requests.json", KEY, "service_code", "complaint", "address_string", "Str. Mare 1",
                "description", "x"), 404, "complaint");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "waste", "address_string", "Str. Mare 1"), 400,
                "attribute[kind]");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "address_string", "Str. Mare 1",
                "attribute[place]", "sky"), 400, "attribute[place]");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "address_string", "Str. Mare 1",
                "attribute[colour]", "red"), 400, "attribute[colour]");
        // A client that asks for Romanian reads its refusals in Romanian too.
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "address_string", "Str. Mare 1",
                "attribute[place]", "sky", "locale", "ro"), 400, "attribute[place]: Răspunsul nu este unul dintre");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "waste", "address_string", "Str. Mare 1",
                "locale", "ro"), 400, "Răspundeți la întrebarea „");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "lat", "95", "long", "26.25",
                "locale", "ro"), 400, "Latitudinea trebuie să fie între -90 și 90");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "address_string", "Str. Mare 1",
                "media_url", "javascript:alert(1)"), 400, "media_url");
        assertError(form(V2 + "/requests.json", KEY, "service_code", "pothole", "address_string", "Str. Mare 1",
                "email", "not-an-address"), 400, "email");
        assertError(multipart(V2 + "/requests.json", KEY, List.of("a.png"), List.of(PROGRAM), "service_code", "pothole",
                "address_string", "Str. Mare 1"), 400, "photo");
        List<byte[]> six = Collections.nCopies(6, PNG);
        assertError(multipart(V2 + "/requests.json", KEY, List.of("1.png", "2.png", "3.png", "4.png", "5.png", "6.png"), six,
                "service_code", "pothole", "address_string", "Str. Mare 1"), 400, "at most 5");
        assertEquals(405, fetch(V2 + "/discovery.json").statusCode() == 200
                ? http(HttpRequest.newBuilder(URI.create(server() + V2 + "/services.json"))
                        .POST(HttpRequest.BodyPublishers.noBody())).statusCode() : 0);
        assertEquals("nothing was stored", before, count("SELECT COUNT(*) FROM CD_REQUEST"));
    }

    @Test
    public void photosArePublishedWithTheReport() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(4, 3,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0x336699);
        java.io.ByteArrayOutputStream drawn = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", drawn);
        byte[] png = drawn.toByteArray();
        byte[] second = java.util.Arrays.copyOf(png, png.length + 1);
        HttpResponse<String> posted = multipart(V2 + "/requests.xml", KEY, List.of("groapa.png", "detaliu.png"),
                List.of(png, second), "service_code", "pothole", "lat", "47.64", "long", "26.26",
                "description", "Groapă cu poze", "attribute[place][]", "road");
        assertEquals(posted.body(), 200, posted.statusCode());
        String id = posted.body().replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
        String mediaUrl = json(V2 + "/requests/" + id + ".json").get(0).get("media_url").asText();
        assertTrue(mediaUrl, mediaUrl.startsWith(server() + V2 + "/media/"));
        HttpResponse<byte[]> photo = http(HttpRequest.newBuilder(URI.create(mediaUrl)).GET());
        assertEquals(200, photo.statusCode());
        assertEquals("image/png", photo.headers().firstValue("Content-Type").orElse(""));
        java.awt.image.BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo.body()));
        assertEquals(4, shown.getWidth());
        assertEquals(0x336699, shown.getRGB(0, 0) & 0xffffff);
        assertEquals("both photos are attached", 2, get("operator", "/requests/" + id + "/attachments").body().size());
    }

    /** A phone's photo says where it was taken (often at home) and with what: the public never sees that. */
    @Test
    public void aPublishedPhotoShowsNeitherWhereItWasTakenNorTheCamera() throws Exception {
        byte[] phone;
        try (java.io.InputStream in = getClass().getResourceAsStream("/photos/phone-with-gps.jpg")) {
            phone = in.readAllBytes();
        }
        String original = new String(phone, StandardCharsets.ISO_8859_1);
        assertTrue(original.contains("Exif") && original.contains("Ion Popescu") && original.contains("PhoneMaker"));
        HttpResponse<String> posted = multipart(V2 + "/requests.json", KEY, List.of("groapa.jpg"), List.of(phone),
                "service_code", "pothole", "lat", "47.65", "long", "26.25", "description", "Groapă fotografiată",
                "attribute[place][]", "road");
        assertEquals(posted.body(), 200, posted.statusCode());
        String id = JSON.readTree(posted.body()).get(0).get("service_request_id").asText();
        String mediaUrl = json(V2 + "/requests/" + id + ".json").get(0).get("media_url").asText();
        HttpResponse<byte[]> photo = http(HttpRequest.newBuilder(URI.create(mediaUrl)).GET());
        assertEquals(200, photo.statusCode());
        assertEquals("image/jpeg", photo.headers().firstValue("Content-Type").orElse(""));
        String shown = new String(photo.body(), StandardCharsets.ISO_8859_1);
        assertFalse("no EXIF segment", shown.contains("Exif\0\0"));
        assertFalse(shown.contains("Ion Popescu"));
        assertFalse(shown.contains("PhoneMaker"));
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo.body()));
        assertEquals(80, picture.getWidth());
        // Staff still have the original, position and all.
        String sha = mediaUrl.substring(mediaUrl.lastIndexOf('/') + 1);
        HttpResponse<byte[]> kept = download("operator", "/requests/" + id + "/attachments/" + sha);
        assertEquals(200, kept.statusCode());
        assertTrue(java.util.Arrays.equals(phone, kept.body()));
    }

    // ---------------------------------------------------------------- reading

    @Test
    public void listsShowOnlyPublicTypesFilteredAndPaged() throws Exception {
        JsonNode all = json(V2 + "/requests.json");
        assertTrue(all.size() > 0 && all.size() <= 1000);
        for (JsonNode r : all) {
            assertTrue(r.toString(), Set.of("pothole", "streetlight", "waste").contains(r.get("service_code").asText()));
            GeoReportShapes.assertRequest(r);
        }
        for (JsonNode r : json(V2 + "/requests.json?service_code=streetlight&status=open")) {
            assertEquals("streetlight", r.get("service_code").asText());
            assertEquals("open", r.get("status").asText());
        }
        JsonNode first = json(V2 + "/requests.json?page_size=2&page=1");
        JsonNode second = json(V2 + "/requests.json?page_size=2&page=2");
        assertEquals(2, first.size());
        assertFalse(first.get(0).get("service_request_id").equals(second.get(0).get("service_request_id")));
        assertEquals("an empty parameter is an absent one", all.size(),
                json(V2 + "/requests.json?service_code=&status=&start_date=").size());
        assertEquals(0, json(V2 + "/requests.json?updated_after=2099-01-01T00:00:00Z").size());
        assertEquals(0, json(V2 + "/requests.json?end_date=2001-01-01T00:00:00Z").size());
        assertError(fetch(V2 + "/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400, "90 days");
        assertError(fetch(V2 + "/requests.json?start_date=yesterday"), 400, "start_date");
        assertError(fetch(V2 + "/requests.json?status=pending"), 400, "status");

        String a = all.get(0).get("service_request_id").asText();
        String b = all.get(all.size() - 1).get("service_request_id").asText();
        String hidden = get("operator", "/requests?type=social-aid&limit=1").body().get("items").get(0).get("number").asText();
        JsonNode byIds = json(V2 + "/requests.json?service_request_id=" + a + "," + b + "," + hidden + "&status=closed");
        assertEquals("ids override the other filters; a private type's request is not shown", a.equals(b) ? 1 : 2,
                byIds.size());
        assertEquals(404, fetch(V2 + "/requests/" + hidden + ".json").statusCode());
        assertEquals(404, fetch(V2 + "/requests/2026-999999.json").statusCode());
    }

    @Test
    public void tokensAndExtensions() throws Exception {
        HttpResponse<String> posted = form(V2 + "/requests.json", KEY, "service_code", "waste", "address_string",
                "Str. Zamca 7", "attribute[kind]", "household", "description", "Pubele pline de o săptămână");
        assertEquals(posted.body(), 200, posted.statusCode());
        JsonNode answer = JSON.readTree(posted.body()).get(0);
        assertFalse("a type handled in batch answers with a token", answer.has("service_request_id"));
        String token = answer.get("token").asText();
        JsonNode byToken = json(V2 + "/tokens/" + token + ".json").get(0);
        assertTrue(byToken.get("service_request_id").asText().matches("\\d{4}/\\d{6}"));
        assertEquals(token, byToken.get("token").asText());
        assertEquals(404, fetch(V2 + "/tokens/NOSUCHTOKEN.json").statusCode());

        String id = JSON.readTree(form(V2 + "/requests.json", KEY, "service_code", "streetlight", "lat", "47.645",
                "long", "26.245").body()).get(0).get("service_request_id").asText();
        JsonNode plain = json(V2 + "/requests/" + id + ".json").get(0);
        assertFalse(plain.has("extended_attributes"));
        assertEquals("Iluminat public defect", plain.get("description").asText());
        JsonNode extended = json(V2 + "/requests/" + id + ".json?extensions=true").get(0).get("extended_attributes");
        assertEquals("web", extended.get("channel").asText());
        assertEquals("opened", extended.get("notes").get(0).get("type").asText());
        // Statuses and services read in the client's language, as the request type names them (issue 19 §1).
        assertEquals("Înregistrată", extended.get("detailed_status_name").asText());
        JsonNode english = json(V2 + "/requests/" + id + ".json?extensions=true&locale=en").get(0);
        assertEquals("Registered", english.get("extended_attributes").get("detailed_status_name").asText());
        assertEquals("Registered", english.get("extended_attributes").get("notes").get(0).get("status_name").asText());
        assertEquals("registered", english.get("extended_attributes").get("detailed_status").asText());
        assertFalse(english.get("service_name").asText(), english.get("service_name").asText().contains("Iluminat"));
    }

    @Test
    public void statusUpdatesFlowBothWays() throws Exception {
        String id = JSON.readTree(form(V2 + "/requests.json", KEY, "service_code", "streetlight", "lat", "47.641",
                "long", "26.241", "description", "Stâlpul 12 nu luminează").body()).get(0).get("service_request_id").asText();
        String since = java.time.Instant.now().minusSeconds(5).toString();
        Reply changed = post("supervisor", "/requests/" + id + "/events",
                "{\"kind\":\"status\",\"status\":\"in_progress\",\"comment\":\"Echipa a fost trimisă\"}");
        assertEquals(changed.raw(), 201, changed.status());
        JsonNode updates = json(V2 + "/servicerequestupdates.json?start_date=" + since);
        JsonNode ours = null;
        for (JsonNode u : updates) {
            if (u.get("service_request_id").asText().equals(id)) {
                ours = u;
            }
        }
        assertTrue(updates.toString(), ours != null);
        assertEquals("open", ours.get("status").asText());
        assertEquals("Echipa a fost trimisă", ours.get("description").asText());
        assertEquals("Echipa a fost trimisă", json(V2 + "/requests/" + id + ".json").get(0).get("status_notes").asText());

        assertError(form(V2 + "/servicerequestupdates.json", null, "service_request_id", id, "status", "closed",
                "description", "x"), 403, "api_key");
        HttpResponse<String> update = form(V2 + "/servicerequestupdates.json", KEY, "service_request_id", id,
                "update_id", "fms-77", "status", "CLOSED", "description", "A fost reparat azi");
        assertEquals(update.body(), 200, update.statusCode());
        assertTrue(JSON.readTree(update.body()).get(0).get("update_id").asText().startsWith(id.replace('/', '-')));
        assertTrue(get("operator", "/requests/" + id).raw().contains("A fost reparat azi"));
    }

    // ---------------------------------------------------------------- keys

    /** Issue 19 §3: administrators keep the keys in the console through the API, as in the shell. */
    @Test
    public void administratorsIssueAndRevokeKeysThroughTheApi() throws Exception {
        Reply issued = post("admin", "/open311/keys", "{\"name\":\"Aplicația Cartier\"}");
        assertEquals(issued.raw(), 201, issued.status());
        String id = issued.body().get("id").asText();
        String key = issued.body().get("key").asText();
        assertTrue(key, key.startsWith("cd311-"));
        Reply listed = get("admin", "/open311/keys");
        assertTrue(listed.raw(), listed.raw().contains(id) && !listed.raw().contains(key));
        assertEquals(403, get("supervisor", "/open311/keys").status());
        assertEquals(403, post("operator", "/open311/keys", "{\"name\":\"x\"}").status());
        assertEquals(422, post("admin", "/open311/keys", "{\"name\":\" \"}").status());
        assertEquals(200, form(V2 + "/requests.json", key, "service_code", "streetlight", "address_string", "Str. Nouă 3")
                .statusCode());
        HttpRequest.Builder revoke = HttpRequest.newBuilder(URI.create(base() + "/open311/keys/" + id)).DELETE();
        assertEquals(204, send("admin", revoke).status());
        assertEquals(409, send("admin", HttpRequest.newBuilder(URI.create(base() + "/open311/keys/" + id)).DELETE()).status());
        assertError(form(V2 + "/requests.json", key, "service_code", "streetlight", "address_string", "Str. Nouă 3"), 403,
                "revoked");
        assertEquals(1, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'open311.key.revoke' AND SUBJECT_ID = '"
                + id + "' AND ACTOR = 'admin'"));
    }

    @Test
    public void keysAreIssuedListedRevokedAndRateLimited() throws Exception {
        String issued = shell("civicdesk:open311-key-issue \"Aplicația Test\"");
        Matcher m = Pattern.compile("Key (\\w+) for .*: (cd311-\\w+)").matcher(issued);
        assertTrue(issued, m.find());
        String id = m.group(1);
        String key = m.group(2);
        assertTrue(shell("civicdesk:open311-key-list").contains(id));
        assertFalse("the key itself is never listed", shell("civicdesk:open311-key-list").contains(key));
        assertEquals(200, form(V2 + "/requests.json", key, "service_code", "streetlight", "address_string", "Str. Mică 2")
                .statusCode());
        assertTrue(count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTOR = 'system:open311:" + id + "'") >= 2);
        assertTrue(shell("civicdesk:open311-key-revoke " + id).contains("revoked"));
        assertError(form(V2 + "/requests.json", key, "service_code", "streetlight", "address_string", "Str. Mică 2"), 403,
                "revoked");

        setCallsPerMinute(3);
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            int status = 200;
            for (int i = 0; i < 50 && status != 429 && System.currentTimeMillis() < deadline; i++) {
                status = fetch(V2 + "/services.json?api_key=" + KEY).statusCode();
                if (status != 429) {
                    Thread.sleep(100);
                }
            }
            assertEquals("past its budget a key is refused for a while", 429, status);
            assertEquals("calls without a key are not the key's budget", 200, fetch(V2 + "/services.json").statusCode());
        } finally {
            setCallsPerMinute(120);
        }
    }

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
        assertTrue(services.isArray());
        Set<String> codes = new HashSet<>();
        for (JsonNode s : services) {
            for (String field : new String[] {"service_code", "service_name", "description", "metadata", "type", "keywords",
                "group"}) {
                assertTrue(s + " has " + field, s.has(field));
            }
            assertTrue("codes are strings", s.get("service_code").isTextual());
            assertTrue(s.get("metadata").isBoolean());
            assertEquals("a type answered with a token is a batch service", s.get("service_code").asText().equals("waste"),
                s.get("type").asText().equals("batch"));
            codes.add(s.get("service_code").asText());
            GeoReportShapes.assertService(s);
            GeoReportShapes.assertServiceDefinition(json(V2 + "/services/" + s.get("service_code").asText() + ".json"));
        }
        assertEquals("the types the public API reads back, and no other", Set.of("pothole", "streetlight", "waste"), codes);
        assertEquals("a private type is no service", 404, fetch(V2 + "/services/petition.json").statusCode());
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

    /**
     * What a client does with each service listed: reads its definition, posts a report answering what it asks (with
     * the address_id and media_url the specification has), reads it back by its id (through its token for a batch
     * service) and finds it in the list of its service — nothing listed may end in a 404.
     */
    @Test
    public void everyListedServiceRoundTrips() throws Exception {
        for (JsonNode service : json(V2 + "/services.json")) {
            String code = service.get("service_code").asText();
            List<String> fields = new ArrayList<>(List.of("service_code", code, "lat", "47.6433", "long", "26.2577",
                    "address_string", "Str. Mihai Viteazu 2", "address_id", "ADR-" + code + "-17",
                    "media_url", "https://photos.example.org/" + code + ".jpg", "description", "Raportat prin Open311"));
            for (JsonNode attribute : json(V2 + "/services/" + code + ".json").get("attributes")) {
                if (attribute.get("required").asBoolean()) {
                    String datatype = attribute.get("datatype").asText();
                    fields.add("attribute[" + attribute.get("code").asText() + "]");
                    fields.add(datatype.endsWith("valuelist") ? attribute.get("values").get(0).get("key").asText()
                            : datatype.equals("number") ? "3" : datatype.equals("datetime") ? "2026-12-01T10:00:00+02:00"
                            : "da");
                }
            }
            HttpResponse<String> posted = form(V2 + "/requests.json", KEY, fields.toArray(String[]::new));
            assertEquals(code + ": " + posted.body(), 200, posted.statusCode());
            JsonNode answer = JSON.readTree(posted.body()).get(0);
            String id = answer.has("token")
                    ? json(V2 + "/tokens/" + answer.get("token").asText() + ".json").get(0).get("service_request_id").asText()
                    : answer.get("service_request_id").asText();
            JsonNode read = json(V2 + "/requests/" + id + ".json").get(0);
            assertEquals(code, read.get("service_code").asText());
            assertEquals("as posted", "ADR-" + code + "-17", read.get("address_id").asText());
            assertEquals("the address, not the id", "Str. Mihai Viteazu 2", read.get("address").asText());
            assertEquals("https://photos.example.org/" + code + ".jpg", read.get("media_url").asText());
            JsonNode list = json(V2 + "/requests.json?service_code=" + code + "&page_size=50");
            boolean listed = false;
            for (JsonNode r : list) {
                if (r.get("service_request_id").asText().equals(id)) {
                    listed = true;
                    assertEquals("ADR-" + code + "-17", r.get("address_id").asText());
                    assertEquals("https://photos.example.org/" + code + ".jpg", r.get("media_url").asText());
                }
            }
            assertTrue(code + " " + id + " is in its list", listed);
        }
    }

    /**
     * Behind the city's reverse proxy (trusted in {@code trustedProxies}), the URLs are those the client used; an
     * offset's unencoded "+" is read as one.
     */
    @Test
    public void urlsFollowTheProxyAndOffsetsNeedNoEncoding() throws Exception {
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(server() + V2 + "/discovery.json"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "sesizari.primaria.example.ro")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(proxied.body(), 200, proxied.statusCode());
        assertEquals("https://sesizari.primaria.example.ro/open311/v2",
                JSON.readTree(proxied.body()).get("endpoints").get(0).get("url").asText());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(server() + V2 + "/discovery.json"))
                .header("X-Forwarded-Host", "evil.example/<script>").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertFalse("a host that is no host is not taken", forged.body().contains("evil"));

        String day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest")).minusDays(10).toString();
        HttpResponse<String> unencoded = fetch(V2 + "/requests.json?service_code=pothole&start_date=" + day
                + "T00:00:00+02:00");
        assertEquals(unencoded.body(), 200, unencoded.statusCode());
        HttpResponse<String> encoded = fetch(V2 + "/requests.json?service_code=pothole&start_date=" + day
                + "T00:00:00%2B02:00");
        assertEquals(JSON.readTree(encoded.body()).size(), JSON.readTree(unencoded.body()).size());
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

    // ---------------------------------------------------------------- helpers

    /** Changes the web channel's configuration as an administrator editing its .cfg would. */
    private void setCallsPerMinute(int calls) throws Exception {
        org.osgi.framework.ServiceReference<org.osgi.service.cm.ConfigurationAdmin> ref =
                bundleContext.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration config = bundleContext.getService(ref)
                .getConfiguration("org.civicdesk.channel.web", null);
        java.util.Dictionary<String, Object> properties = config.getProperties();
        properties.put("callsPerMinute", Integer.toString(calls));
        config.update(properties);
    }

    private static void assertError(HttpResponse<String> response, int status, String says) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        JsonNode errors = JSON.readTree(response.body());
        assertTrue(errors.isArray());
        assertEquals(status, errors.get(0).get("code").asInt());
        assertTrue(response.body(), errors.get(0).get("description").asText().contains(says));
    }

    /** A form POST as Open311 clients send it; {@code key} null sends none. */
    private HttpResponse<String> form(String path, String key, String... fields) throws Exception {
        StringBuilder body = new StringBuilder(key == null ? "" : "api_key=" + enc(key));
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return http.send(HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A multipart POST with photos as {@code media} parts. */
    private HttpResponse<String> multipart(String path, String key, List<String> names, List<byte[]> photos,
            String... fields) throws Exception {
        String boundary = "open311-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("api_key", key));
        all.addAll(List.of(fields));
        for (int i = 0; i < all.size(); i += 2) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
                    + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < photos.size(); i++) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + names.get(i)
                    + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(photos.get(i));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> http(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
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
