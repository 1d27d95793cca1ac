package org.civicdesk.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** The document management data source (feature civicdesk-documents) in the assembled distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DocumentsIT extends CivicDeskTestSupport {
    /** The first bytes of a PNG file: what the store looks at, whatever the name says. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROGRAM = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};


    @Override
    @Before
    public void ready() throws Exception {
        awaitDemoReady();
        // The feature's bundles start after the core's: wait until its API answers.
        long deadline = System.currentTimeMillis() + 120_000;
        while (get(null, "/knowledge?limit=1").status() != 200) {
            if (System.currentTimeMillis() > deadline) {
                fail("the document management feature did not start");
            }
            Thread.sleep(250);
        }
    }

    @Test
    public void knowledgeSearchFindsArticlesWithoutDiacritics() throws Exception {
        JsonNode all = get(null, "/knowledge?limit=200").body();
        assertTrue("a useful starting set: " + all.size(), all.size() >= 30);

        JsonNode found = get(null, "/knowledge?q=autorizatie%20construire").body();
        assertEquals(found.toString(), "building-permit", found.get(0).get("id").asText());
        assertEquals("Autorizația de construire", found.get(0).get("title").asText());
        assertTrue(found.get(0).get("documents").size() > 0);

        JsonNode english = get(null, "/knowledge?q=certificat%20nastere&lang=en").body();
        assertTrue(english.toString(), english.toString().contains("\"id\":\"birth-certificate\""));
        assertTrue(english.toString().contains("Registering a birth"));
        assertEquals(0, get(null, "/knowledge?q=zzzqqq").body().size());
        assertEquals(404, get(null, "/knowledge/no-such-article").status());
        assertEquals(422, get(null, "/knowledge?lang=romanian").status());
    }

    @Test
    public void articlesAreVersionedAppendOnly() throws Exception {
        String article = "{\"category\":\"registry\",\"texts\":{\"ro\":{\"title\":\"Program de sărbători\","
                + "\"summary\":\"Ghișeele sunt închise pe 1 decembrie.\"},\"en\":{\"title\":\"Holiday hours\","
                + "\"summary\":\"Counters are closed on 1 December.\"}}}";
        String id = "holiday-hours-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(403, put("operator", "/knowledge/" + id, article).status());
        assertEquals(422, put("admin", "/knowledge/" + id, "{\"category\":\"registry\",\"texts\":{}}").status());
        Reply first = put("admin", "/knowledge/" + id, article);
        assertEquals(first.raw(), 200, first.status());
        assertEquals(1, first.body().get("version").asInt());
        Reply second = put("admin", "/knowledge/" + id, article.replace("1 decembrie", "1 și 2 decembrie"));
        assertEquals(2, second.body().get("version").asInt());
        assertEquals(2, get(null, "/knowledge/" + id + "/versions").body().size());
        assertEquals("Ghișeele sunt închise pe 1 și 2 decembrie.", get(null, "/knowledge/" + id).body().get("summary").asText());
        assertEquals(id, get(null, "/knowledge?q=sarbatori%20inchise").body().get(0).get("id").asText());

        assertRefused("UPDATE CD_KB_ARTICLE SET CATEGORY = 'x'");
    }

    @Test
    public void theShellExportsAndImportsTheKnowledgeBase() throws Exception {
        Path file = Files.createTempFile("knowledge", ".json");
        String exported = shell("civicdesk:knowledge-export " + file);
        assertTrue(exported, exported.contains("Exported"));
        assertTrue(Files.readString(file).contains("Autorizația de construire"));
        String imported = shell("civicdesk:knowledge-import " + file);
        assertTrue(imported, imported.contains("0 new versions"));
        String search = shell("civicdesk:knowledge-search autorizatie");
        assertTrue(search, search.contains("building-permit"));
    }

    @Test
    public void everyFiledRequestIsRegisteredInTheDocumentRegistry() throws Exception {
        Reply filed = post("operator", "/requests", CoreIT.pothole("2550720350038", "Registratură"));
        String number = filed.body().get("number").asText();
        assertEquals(1, count("SELECT COUNT(*) FROM CD_DOC_REGISTRY WHERE REQUEST_NUMBER = '" + number + "'"));
        // The demo requests filed before the feature started are registered too, in the background.
        long deadline = System.currentTimeMillis() + 60_000;
        while (count("SELECT COUNT(*) FROM CD_DOC_REGISTRY") < count("SELECT COUNT(*) FROM CD_REQUEST")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(count("SELECT COUNT(*) FROM CD_REQUEST"), count("SELECT COUNT(*) FROM CD_DOC_REGISTRY"));

        String citizenId = get("operator", "/citizens?cnp=2550720350038&reason=test").body().get("items").get(0).get("id").asText();
        JsonNode profile = get("operator", "/citizens/" + citizenId + "/profile?lang=en&reason=test").body();
        JsonNode registry = CoreIT.section(profile, "documents");
        assertNotNull(profile.toString(), registry);
        assertTrue(registry.toString(), registry.toString().contains(number) && registry.toString().contains("DM-"));
    }

    @Test
    public void attachmentsAreCheckedByContentAndOnEveryRead() throws Exception {
        String number = post("operator", "/requests", CoreIT.pothole("1800101350018", "Cu fotografie")).body()
                .get("number").asText();
        String path = "/requests/" + number + "/attachments";

        Reply stored = upload("operator", path, "groapa.png", PNG, "Fotografie de la cetățean");
        assertEquals(stored.raw(), 201, stored.status());
        JsonNode attachment = stored.body().get(0);
        assertEquals("image/png", attachment.get("mediaType").asText());
        assertEquals(PNG.length, attachment.get("size").asInt());
        String sha = attachment.get("sha256").asText();
        assertEquals(base() + path + "/" + sha, stored.header("Location"));

        // A forged extension and a program are refused, and nothing is added to the history.
        Reply forged = upload("operator", path, "photo.jpg", PDF, null);
        assertEquals(forged.raw(), 422, forged.status());
        assertEquals("application/problem+json", forged.contentType());
        assertEquals(422, upload("operator", path, "invoice.pdf", PROGRAM, null).status());
        assertEquals(422, upload("operator", path, "empty.png", new byte[0], null).status());
        assertEquals(201, upload("operator", path, "decizie.pdf", PDF, null).status());

        JsonNode history = get("operator", "/requests/" + number).body().get("history");
        assertEquals(3, history.size());
        assertEquals("attachment_added", history.get(1).get("kind").asText());
        assertEquals("groapa.png", history.get(1).get("attachmentName").asText());
        assertEquals(2, get("operator", path).body().size());
        // Only those who may see the request see its attachments.
        assertEquals(404, get("employee", path).status());

        HttpResponse<byte[]> download = download("operator", path + "/" + sha);
        assertEquals(200, download.statusCode());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PNG, download.body());

        // Someone alters the stored file behind the application: the read is refused.
        Path file = Path.of(System.getProperty("karaf.data"), "civicdesk", "attachments", sha.substring(0, 2), sha);
        assertTrue(file.toString(), Files.exists(file));
        file.toFile().setWritable(true);
        byte[] altered = PNG.clone();
        altered[PNG.length - 1] = 1;
        Files.write(file, altered);
        try {
            HttpResponse<byte[]> corrupted = download("operator", path + "/" + sha);
            assertEquals(500, corrupted.statusCode());
            assertTrue(new String(corrupted.body(), StandardCharsets.UTF_8).contains("integrity"));
        } finally {
            Files.write(file, PNG);
        }
        assertEquals(200, download("operator", path + "/" + sha).statusCode());
    }

    // ---------------------------------------------------------------- HTTP helpers for files
}
