package org.civicdesk.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.documents.api.DocumentArchive;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hand-off to an external document management system over CMIS 1.1 (feature civicdesk-documents-cmis), against a
 * real CMIS repository ({@link CmisServer}): requests and their files reach it through the outbox, a repository that
 * is down gets everything once it is back, and the request shows where each hand-off stands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DocumentArchiveIT extends CivicDeskTestSupport {
    private static final String BROWSER_URL = "civicdesk.test.cmisUrl";
    private static final String CONTROL_URL = "civicdesk.test.cmisControl";
    private static final String DOCUMENTS = "etc/org.civicdesk.datasource.documents.cfg";
    private static final String CMIS = "etc/org.civicdesk.datasource.documents.cmis.cfg";
    private static boolean featureInstalled;

    /** Requests and files go to the test's repository; a failed hand-off is tried again after a second. */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        CmisServer repository = CmisServer.started();
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(systemProperty(BROWSER_URL).value(repository.browserUrl()));
        options.add(systemProperty(CONTROL_URL).value(repository.controlUrl()));
        options.add(editConfigurationFilePut(DOCUMENTS, "archive", "cmis"));
        options.add(editConfigurationFilePut(DOCUMENTS, "retrySeconds", "1"));
        options.add(editConfigurationFilePut(DOCUMENTS, "civicdesk.job.period", "1000"));
        options.add(editConfigurationFilePut(CMIS, "url", repository.browserUrl()));
        options.add(editConfigurationFilePut(CMIS, "repositoryId", CmisServer.REPOSITORY));
        options.add(editConfigurationFilePut(CMIS, "user", CmisServer.USER));
        options.add(editConfigurationFilePut(CMIS, "password", CmisServer.PASSWORD));
        options.add(editConfigurationFilePut(CMIS, "folder", "/Registratura/CivicDesk"));
        options.add(editConfigurationFilePut(CMIS, "timeoutSeconds", "5"));
        return options.toArray(new Option[0]);
    }

    /** The plug-in is installed at run time, as an administrator would. */
    @Override
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
        if (!featureInstalled) {
            String out = shell("feature:install civicdesk-documents-cmis");
            assertFalse(out, out.contains("ERROR"));
            featureInstalled = true;
        }
    }

    @Test
    public void requestsAndTheirFilesReachTheRepositoryOnce() throws Exception {
        String number = post("operator", "/requests", CoreIT.pothole("1800101350018", "Groapă adâncă pe Str. Zamca"))
                .body().get("number").asText();
        byte[] photo = uniquePng();
        Reply uploaded = upload("operator", "/requests/" + number + "/attachments", "groapă mare.png", photo, null);
        assertEquals(uploaded.raw(), 201, uploaded.status());

        JsonNode handOffs = awaitHandOffs(number, all(h -> "DELIVERED".equals(h.get("state").asText())));
        assertEquals(handOffs.toString(), 2, handOffs.size());
        JsonNode record = handOffs.get(0);
        assertEquals("cmis", record.get("archive").asText());
        assertFalse(record.toString(), record.has("fileName"));
        assertEquals(1, record.get("attempts").asInt());
        assertFalse(record.has("lastError"));
        assertFalse(record.get("reference").asText().isBlank());
        assertEquals("groapă mare.png", handOffs.get(1).get("fileName").asText());

        // In the repository: the request's folder, its record and the file, byte for byte.
        String folder = folderOf(number);
        JsonNode children = cmis(folder + "?cmisselector=children");
        List<String> names = names(children);
        String recordName = "request-" + number.replace('/', '-') + ".json";
        assertEquals(names.toString(), 2, names.size());
        assertTrue(names.toString(), names.contains(recordName) && names.contains("groapă mare.png"));
        String recordText = new String(cmisContent(folder + "/" + recordName), StandardCharsets.UTF_8);
        assertTrue(recordText, recordText.contains("\"number\" : \"" + number + "\"")
                && recordText.contains("\"type\" : \"pothole\"") && !recordText.contains("1800101350018"));
        assertArrayEquals(photo, cmisContent(folder + "/" + URLEncoder.encode("groapă mare.png", StandardCharsets.UTF_8)
                .replace("+", "%20")));

        // Filing again what is there (an attempt whose answer was lost) finds it: nothing twice.
        DocumentArchive archive = bundleContext.getService(bundleContext.getServiceReferences(DocumentArchive.class,
                "(" + DocumentArchive.ID_PROPERTY + "=cmis)").iterator().next());
        RequestRegistry registry = bundleContext.getService(bundleContext.getServiceReference(RequestRegistry.class));
        ServiceRequest request = registry.get(Actor.system("test"), RequestNumber.parse(number));
        assertEquals(record.get("reference").asText(), archive.fileRequest(request));
        assertEquals(2, names(cmis(folder + "?cmisselector=children")).size());

        // The hand-offs are the request's: who may not see it sees none.
        assertEquals(401, get(null, "/requests/" + number + "/archive").status());
        assertEquals(404, get("operator", "/requests/2026/999999/archive").status());
    }

    @Test
    public void aRepositoryThatIsDownGetsEverythingWhenItIsBack() throws Exception {
        control("down");
        String number;
        try {
            Reply filed = post("operator", "/requests", CoreIT.pothole("1800101350018", "Capac de canal lipsă"));
            // The filing does not wait for the repository, nor fail with it.
            assertEquals(filed.raw(), 201, filed.status());
            number = filed.body().get("number").asText();
            assertEquals(201, upload("operator", "/requests/" + number + "/attachments", "capac.png", uniquePng(), null)
                    .status());
            JsonNode waiting = awaitHandOffs(number, all(h -> h.get("attempts").asInt() >= 2));
            for (JsonNode handOff : waiting) {
                assertEquals(handOff.toString(), "QUEUED", handOff.get("state").asText());
                assertTrue(handOff.toString(), handOff.get("lastError").asText().contains("cannot be reached"));
                assertTrue(handOff.has("nextAttempt"));
                assertFalse(handOff.has("reference"));
            }
        } finally {
            control("up");
        }
        JsonNode delivered = awaitHandOffs(number, all(h -> "DELIVERED".equals(h.get("state").asText())));
        for (JsonNode handOff : delivered) {
            assertTrue(handOff.toString(), handOff.get("attempts").asInt() >= 3);
            assertFalse(handOff.has("nextAttempt"));
        }
        assertTrue(delivered.get(1).has("deliveredAt"));
        assertEquals(2, names(cmis(folderOf(number) + "?cmisselector=children")).size());
    }

    @Test
    public void whatWasFiledBeforeTheSystemWasSetUpIsHandedOverToo() throws Exception {
        String number;
        byte[] photo = uniquePng();
        configureDocuments("", "");
        try {
            number = post("operator", "/requests", CoreIT.pothole("1800101350018", "Gunoi neridicat de o săptămână"))
                    .body().get("number").asText();
            assertEquals(201, upload("operator", "/requests/" + number + "/attachments", "gunoi.png", photo, null)
                    .status());
            // Filed with no system configured: nothing was queued for one.
            assertEquals(0, get("operator", "/requests/" + number + "/archive").body().size());
        } finally {
            // The system is set up, and told to have what was filed since today too.
            configureDocuments("cmis", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest")).toString());
        }
        JsonNode handOffs = awaitHandOffs(number, all(h -> "DELIVERED".equals(h.get("state").asText())));
        assertFalse(handOffs.toString(), handOffs.get(0).has("fileName"));
        assertEquals("gunoi.png", handOffs.get(1).get("fileName").asText());
        List<String> names = names(cmis(folderOf(number) + "?cmisselector=children"));
        assertEquals(names.toString(), 2, names.size());
        assertArrayEquals(photo, cmisContent(folderOf(number) + "/gunoi.png"));
        // Once: the next runs of the catch-up find it handed over.
        Thread.sleep(3000);
        assertEquals(2, get("operator", "/requests/" + number + "/archive").body().size());
    }

    /**
     * A file attached to a request already handed over, while no system was configured (or the feature was not
     * installed), reaches the system when it is back: the catch-up's later runs look at the requests changed since.
     */
    @Test
    public void aFileAttachedWhileNoSystemWasConfiguredFollowsItsRequest() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest")).toString();
        configureDocuments("cmis", today);
        String number = post("operator", "/requests", CoreIT.pothole("1800101350018", "Banca ruptă în parc"))
                .body().get("number").asText();
        long deadline = System.currentTimeMillis() + 60_000;
        // Its record handed over, and the catch-up has run for the day since: what it covered is kept.
        while (!(get("operator", "/requests/" + number + "/archive").body().toString().contains("DELIVERED")
                && count("SELECT COUNT(*) FROM CD_DOC_ARCHIVE_CATCH_UP WHERE ARCHIVE = 'cmis' AND FILED_SINCE = '" + today
                        + "'") == 1)) {
            assertTrue("the record was not handed over", System.currentTimeMillis() < deadline);
            Thread.sleep(250);
        }
        byte[] photo = uniquePng();
        configureDocuments("", today);
        try {
            assertEquals(201, upload("operator", "/requests/" + number + "/attachments", "banca.png", photo, null)
                    .status());
            Thread.sleep(1500);
            assertEquals("nothing queued for no system", 1, get("operator", "/requests/" + number + "/archive").body()
                    .size());
        } finally {
            configureDocuments("cmis", today);
        }
        JsonNode handOffs = awaitHandOffs(number, all(h -> "DELIVERED".equals(h.get("state").asText())));
        assertEquals("banca.png", handOffs.get(1).get("fileName").asText());
        assertArrayEquals(photo, cmisContent(folderOf(number) + "/banca.png"));
        Thread.sleep(3000);
        assertEquals("once", 2, get("operator", "/requests/" + number + "/archive").body().size());
    }

    /**
     * Sets the document management system and the day from which what it did not receive is handed over, as an
     * administrator edits etc/, and waits until the outbox and its catch-up work with them.
     */
    private void configureDocuments(String archive, String filedSince) throws Exception {
        org.osgi.service.cm.ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration config = admin.getConfiguration("org.civicdesk.datasource.documents", null);
        java.util.Dictionary<String, Object> properties = config.getProperties();
        properties.put("archive", archive);
        properties.put("archiveFiledSince", filedSince);
        config.update(properties);
        var runtime = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.component.runtime.ServiceComponentRuntime.class));
        long deadline = System.currentTimeMillis() + 30_000;
        for (String component : List.of("ArchiveOutbox", "ArchiveCatchUp")) {
            while (!runtime.getComponentDescriptionDTOs().stream().filter(d -> d.name.endsWith("." + component))
                    .flatMap(d -> runtime.getComponentConfigurationDTOs(d).stream())
                    .anyMatch(c -> archive.equals(c.properties.get("archive"))
                            && filedSince.equals(c.properties.get("archiveFiledSince")))) {
                assertTrue("the documents' configuration did not reach " + component, System.currentTimeMillis() < deadline);
                Thread.sleep(100);
            }
        }
        Thread.sleep(300); // SCR shows the configuration as it calls the component's modified method
    }

    private static Predicate<JsonNode> all(Predicate<JsonNode> each) {
        return handOffs -> {
            for (JsonNode handOff : handOffs) {
                if (!each.test(handOff)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The request's hand-offs once its record and a file are there and {@code done} holds; fails after a minute. */
    private JsonNode awaitHandOffs(String number, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode handOffs = null;
        while (System.currentTimeMillis() < deadline) {
            Reply reply = get("operator", "/requests/" + number + "/archive");
            assertEquals(reply.raw(), 200, reply.status());
            handOffs = reply.body();
            if (handOffs.size() == 2 && done.test(handOffs)) {
                return handOffs;
            }
            Thread.sleep(250);
        }
        fail("the hand-offs of " + number + " did not get there: " + handOffs);
        return null;
    }

    private static String folderOf(String number) {
        return "/Registratura/CivicDesk/" + number;
    }

    private static List<String> names(JsonNode children) {
        List<String> names = new ArrayList<>();
        children.get("objects").forEach(o -> names.add(o.get("object").get("properties").get("cmis:name").get("value")
                .asText()));
        return names;
    }

    private JsonNode cmis(String path) throws Exception {
        return JSON.readTree(cmisContent(path));
    }

    /** What the repository's browser binding answers for a path under its root folder. */
    private byte[] cmisContent(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(System.getProperty(BROWSER_URL) + "/"
                + CmisServer.REPOSITORY + "/root" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CmisServer.USER + ":"
                        + CmisServer.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(path + ": " + new String(response.body(), StandardCharsets.UTF_8), 200, response.statusCode());
        return response.body();
    }

    /** Takes the repository down or brings it back up: the same address refuses connections while it is down. */
    private void control(String what) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(System.getProperty(CONTROL_URL) + "/"
                + what)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(what, 204, response.statusCode());
    }
}
