package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The optional features come and go in a running CivicDesk, from the shell and the API, and nothing recorded goes with
 * them. Karaf's provisioning does not touch the database, so these run on the default one only (CoreIT's tests of
 * the data run on PostgreSQL as well).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FeaturesIT extends CivicDeskTestSupport {

    @Test
    public void restFeatureCanBeRemovedAndReinstalledWithoutLosingData() throws Exception {
        String number = post("operator", "/requests", CoreIT.pothole("1800101350018", "Survives a REST reinstall")).body()
                .get("number").asText();
        DataSource database = dataSource();
        // As an administrator does it, from the shell (with the data sources that publish through it).
        for (String feature : List.of("civicdesk-privacy", "civicdesk-receipts", "civicdesk-reports", "civicdesk-console",
                "civicdesk-channel-web",
                "civicdesk-channel-phone",
                "civicdesk-documents", "civicdesk-taxes-demo", "civicdesk-taxes", "civicdesk-rest")) {
            if (shell("feature:list -i").contains(feature + " ")) {
                shell("feature:uninstall " + feature);
            }
        }
        assertEquals(shell("feature:list -i"), 404, get(null, "/health").status());
        assertEquals("the console went with its feature", 404, page("/console/"));
        assertTrue(shell("feature:list -i").contains("civicdesk-core"));
        // The rest of CivicDesk keeps working without its REST API.
        assertTrue(shell("civicdesk:request-show " + number).contains("Survives a REST reinstall"));
        shell("feature:install civicdesk-rest civicdesk-taxes civicdesk-documents civicdesk-console civicdesk-channel-web "
                + "civicdesk-channel-phone civicdesk-reports civicdesk-receipts civicdesk-privacy");
        long deadline = System.currentTimeMillis() + 60_000;
        while (get(null, "/health").status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        Reply read = get("operator", "/requests/" + number);
        assertEquals(read.raw(), 200, read.status());
        assertEquals("Survives a REST reinstall", read.body().get("description").asText());
        // The document registry kept its journal and its knowledge base across the reinstall.
        while (get(null, "/knowledge?limit=1").status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(get(null, "/knowledge?limit=200").body().size() >= 30);
        assertEquals(1, count(database, "SELECT COUNT(*) FROM CD_DOC_REGISTRY WHERE REQUEST_NUMBER = '" + number + "'"));
        while (page("/console/") != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals("the console is back", 200, page("/console/"));
    }

    private int page(String path) throws Exception {
        return fetch(path).statusCode();
    }

    /** Issue 19 §3: an administrator removes and adds back an optional feature through the API; its data stays. */
    @Test
    public void anAdministratorRemovesAndAddsBackAnOptionalFeatureThroughTheApi() throws Exception {
        assertEquals(403, post("supervisor", "/system/features/civicdesk-appointments/uninstall", "").status());
        assertEquals(422, post("admin", "/system/features/civicdesk-rest/uninstall", "").status());
        assertEquals(404, post("admin", "/system/features/civicdesk-nothing/install", "").status());
        assertEquals(404, post("admin", "/system/features/webconsole/install", "").status());
        assertEquals(200, get("operator", "/appointments/services").status());

        Reply removing = post("admin", "/system/features/civicdesk-appointments/uninstall", "");
        assertEquals(removing.raw(), 202, removing.status());
        awaitFeature("civicdesk-appointments", false);
        assertEquals(404, get("operator", "/appointments/services").status());
        assertTrue(shell("feature:list -i").contains("civicdesk-core"));

        assertEquals(202, post("admin", "/system/features/civicdesk-appointments/install", "").status());
        awaitFeature("civicdesk-appointments", true);
        long deadline = System.currentTimeMillis() + 60_000;
        while (get("operator", "/appointments/services").status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(200, get("operator", "/appointments/services").status());
        assertEquals(204, post("admin", "/system/features/civicdesk-appointments/install", "").status());
        assertEquals(2, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION IN ('feature.install', 'feature.uninstall') "
                + "AND SUBJECT_ID = 'civicdesk-appointments' AND ACTOR = 'admin'"));
    }

    /**
     * Issue 19 §3: the shell lists the features and changes an optional one once its administrator confirms, audited
     * under their name; a change made any way at all is audited when done.
     */
    @Test
    public void anAdministratorRemovesAndAddsBackAnOptionalFeatureInTheShell() throws Exception {
        String list = shell("civicdesk:feature-list");
        assertTrue(list, list.contains("civicdesk-privacy") && list.contains("civicdesk-core"));
        String refused = shell("civicdesk:feature-uninstall --yes civicdesk-rest");
        assertTrue(refused, refused.contains("ERROR") && refused.contains("civicdesk-rest"));

        String declined = shell("civicdesk:feature-uninstall civicdesk-privacy", "no\n");
        assertTrue(declined, declined.contains("Nothing changed"));
        awaitFeature("civicdesk-privacy", true);

        String removing = shell("civicdesk:feature-uninstall civicdesk-privacy", "yes\n");
        assertTrue(removing, removing.contains("Uninstalling civicdesk-privacy"));
        awaitFeature("civicdesk-privacy", false);
        assertTrue(shell("civicdesk:feature-install --yes civicdesk-privacy").contains("Installing"));
        awaitFeature("civicdesk-privacy", true);
        assertEquals(2, count("SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION IN ('feature.install', 'feature.uninstall') "
                + "AND SUBJECT_ID = 'civicdesk-privacy' AND ACTOR = 'admin'"));
        // Karaf's own command goes around CivicDesk's, and is audited all the same once done.
        String done = "SELECT COUNT(*) FROM CD_AUDIT_ENTRY WHERE ACTION = 'feature.%s' AND SUBJECT_ID = 'civicdesk-privacy' "
                + "AND ACTOR = 'system:features'";
        long installedBefore = count(String.format(done, "installed"));
        long uninstalledBefore = count(String.format(done, "uninstalled"));
        shell("feature:uninstall civicdesk-privacy");
        awaitFeature("civicdesk-privacy", false);
        shell("feature:install civicdesk-privacy");
        awaitFeature("civicdesk-privacy", true);
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(String.format(done, "installed")) == installedBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(uninstalledBefore + 1, count(String.format(done, "uninstalled")));
        assertEquals(installedBefore + 1, count(String.format(done, "installed")));
    }

    /** Waits until the feature list says the feature is, or is not, installed, with no change pending. */
    private void awaitFeature(String name, boolean installed) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode found = null;
        while (System.currentTimeMillis() < deadline) {
            Reply list = get("admin", "/system/features");
            if (list.status() == 200) {
                for (JsonNode f : list.body()) {
                    if (name.equals(f.get("name").asText())) {
                        found = f;
                    }
                }
                if (found != null && found.get("installed").asBoolean() == installed && found.get("pending") == null) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        fail(name + " is still " + found);
    }
}
