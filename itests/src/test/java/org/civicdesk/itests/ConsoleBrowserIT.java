package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * The operator web console in a real headless Chromium (Debian's chromium and chromedriver)
 * against the assembled distribution started as an administrator starts it, with a real mail
 * server: among the rest, a citizen's e-mail is filed by the e-mail channel, answered from the
 * console, and the reply reaches the citizen's mailbox; supervisors read reports with charts and watch the call
 * centre live on the wallboard. Each main screen is kept as a screenshot in {@code target/screenshots}.
 */
public class ConsoleBrowserIT extends BrowserTestSupport {
    /** A demo citizen with taxes in the demo tax database. */
    private static final String CNP = "2550720350038";
    private static final String CNP_ION = "1800101350018";

    private static RunningDistribution civicdesk;

    private static final String CITIZEN = "maria.popescu@example.com";

    /**
     * The distribution as an administrator runs it, sending its messages to the test's mail server
     * ({@link MailServer}, in this JVM); the e-mail channel installed at run time, from the
     * distribution's own repository, reads the city's mailbox there every second.
     */
    @BeforeClass
    public static void startCivicDesk() throws Exception {
        int smtp = MailServer.ports()[0];
        civicdesk = RunningDistribution.start("console-it", Map.of(MailServer.CHANNEL_CONFIG, MailServer.channelSettings(1),
                "org.civicdesk.notification.cfg", Map.of("enabled", "true", "smtp.host", "127.0.0.1",
                        "smtp.port", Integer.toString(smtp), "from", "Primăria <noreply@primarie.example.ro>",
                        "replyTo", MailServer.CITY_ADDRESS, "civicdesk.job.period", "1000")));
        String out = civicdesk.shell("feature:install civicdesk-channel-email");
        assertFalse(out, out.contains("Error"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterClass
    public static void stopCivicDesk() throws Exception {
        if (civicdesk != null) {
            civicdesk.close();
        }
    }

    @Test
    public void anOperatorTakesAWholeCallWithTheKeyboard() throws Exception {
        logIn("operator");
        // Alt+N starts the call and puts the cursor in the caller search.
        long callStarted = System.nanoTime();
        alt("n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-state"), "Telefon"));
        WebElement search = browser.switchTo().activeElement();
        assertEquals("find-input", search.getAttribute("id"));
        // Why the caller's data is read, said once just before the search: kept with every read of the call (R18).
        search.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("find-purpose", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys("întreabă de o groapă", Keys.TAB);
        assertEquals("find-input", browser.switchTo().activeElement().getAttribute("id"));
        search.sendKeys(CNP);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#find-results button"), 1));
        search.sendKeys(Keys.ENTER);
        // Verification facts come first; nothing else of the citizen is shown yet.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-facts")));
        String profileReads = civicdesk.call("admin", "GET", "/api/v1/audit?action=citizen.profile&actor=operator&limit=500",
                null).body();
        assertTrue("the profile's read names the contact on the line and the operator's words: " + profileReads,
                profileReads.matches("(?s).*\"remarks\":\"purpose: [^\"]* · contactul nr\\. [^ ]+ · Telefon · întreabă de o"
                        + " groapă\".*"));
        assertTrue(browser.findElements(By.cssSelector(".profile-section")).isEmpty());
        alt("v");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verified-badge")));
        WebElement tax = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".profile-section[data-source='taxes']")));
        assertTrue(tax.getText(), tax.getText().contains("Taxe"));
        browser.findElement(By.id("tax-detail-show")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#tax-detail table")));
        // A reload does not lose the call: the same contact, the same caller, still verified.
        String contact = browser.findElement(By.id("call-state")).getText();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verified-badge")));
        assertEquals(contact, browser.findElement(By.id("call-state")).getText());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".profile-section[data-source='taxes']")));

        // The knowledge base answers a question.
        alt("k");
        browser.switchTo().activeElement().sendKeys("certificat fiscal", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#kb-results article")));

        // File a request with the keyboard: Alt+R, the type, a description, submit.
        alt("r");
        WebElement type = browser.switchTo().activeElement();
        assertEquals("req-type", type.getAttribute("id"));
        type.sendKeys("G"); // "Groapă sau denivelare în carosabil"
        assertEquals("pothole", new Select(type).getFirstSelectedOption().getAttribute("value"));
        type.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys("Groapă mare în fața blocului, pe banda întâi.", Keys.TAB);
        // The type's own questions: how deep, and where exactly.
        assertEquals("req-attr-depth", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys("15", Keys.TAB);
        assertEquals("req-attr-place", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys("P", Keys.TAB); // "Pe carosabil"
        // The address is the caller's; the map after it takes the pin from the arrow keys.
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement map = browser.switchTo().activeElement();
        assertEquals("map", map.getAttribute("id"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map .map-street")));
        map.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP, Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        String lat = browser.findElement(By.id("req-lat")).getAttribute("value");
        String lon = browser.findElement(By.id("req-lon")).getAttribute("value");
        assertFalse("the pin fills the coordinates", lat.isEmpty() || lon.isEmpty());
        // Enter in a field of the form files the request.
        map.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed-number"))).getText();
        assertTrue(number, number.matches("\\d{4}/\\d{6}"));
        assertFalse(browser.findElement(By.id("filed-deadline")).getText().isBlank());
        // The receipt for the citizen at the counter, one click away: its PDF with the console's session (R23).
        String receipt = browser.findElement(By.id("receipt-a4")).getAttribute("href");
        assertTrue(receipt, receipt.contains("/api/v1/requests/" + number + "/receipt.pdf?layout=a4&lang="));
        assertEquals("200 application/pdf", ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[1];"
                + " fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('Content-Type').split(';')[0]));",
                receipt));
        assertTrue(browser.findElement(By.id("receipt-thermal")).getAttribute("href").contains("layout=thermal"));
        screenshot("call-desk");

        // Alt+C goes to the outcome, already "request filed"; closing the call ends it.
        alt("c");
        assertEquals("call-outcome", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals("request_filed", new Select(browser.findElement(By.id("call-outcome"))).getFirstSelectedOption()
                .getAttribute("value"));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys("Cetățeanul a mulțumit.", Keys.TAB);
        assertEquals("call-close", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-start")));
        // A figure for the record, not a test: the machine's speed is not the console's behaviour.
        System.out.printf("The whole call, keyboard only, took %.1f s of browser time%n",
                (System.nanoTime() - callStarted) / 1e9);

        // The interaction is on record, closed, with the request linked.
        JsonNode call = null;
        for (JsonNode i : CivicDeskTestSupport.JSON.readTree(
                civicdesk.call("operator", "GET", "/api/v1/interactions", null).body())) {
            if (i.get("requests").size() > 0 && i.get("requests").get(0).asText().equals(number)) {
                call = i;
            }
        }
        assertNotNull("the call is on record with its request", call);
        JsonNode filed = CivicDeskTestSupport.JSON.readTree(
                civicdesk.call("operator", "GET", "/api/v1/requests/" + number, null).body());
        assertEquals(Double.parseDouble(lat), filed.get("location").get("lat").asDouble(), 1e-6);
        assertEquals(Double.parseDouble(lon), filed.get("location").get("lon").asDouble(), 1e-6);
        assertEquals("15", filed.get("attributes").get("depth").get(0).asText());
        assertEquals("road", filed.get("attributes").get("place").get(0).asText());
        assertEquals("request_filed", call.get("outcome").asText());
        assertTrue(call.get("verified").asBoolean());

        // The supervisor's call log has this contact too, though no phone queue put it through.
        browser.findElement(By.id("logout")).click();
        logIn("supervisor");
        browser.get(civicdesk.url("/console/calls"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calls-table")));
        String contactRow = browser.findElements(By.cssSelector("#calls-table tr.contact")).stream().map(WebElement::getText)
                .filter(row -> row.contains(number)).findFirst().orElse("");
        assertTrue("the console's contact is in the call log: " + contactRow,
                contactRow.contains("operator") && contactRow.contains("Cerere înregistrată"));
    }

    /**
     * A caller who gives no CNP: a pothole is filed for anyone, a complaint for anyone who leaves a contact, a tax
     * certificate only for an identified citizen; the request says it has no citizen on record.
     */
    @Test
    public void anOperatorFilesForACallerWhoGivesNoCnpWhereTheTypeAllowsIt() throws Exception {
        logIn("operator");
        alt("n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-state"), "Telefon"));
        browser.findElement(By.id("find-unidentified")).click();
        WebElement type = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("req-type")));
        List<String> offered = new Select(type).getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(offered.toString(), offered.contains("pothole") && offered.contains("complaint"));
        assertFalse("a certificate needs an identified citizen: " + offered, offered.contains("tax-certificate"));
        new Select(type).selectByValue("complaint");
        browser.findElement(By.id("req-description")).sendKeys("Zgomot în fiecare noapte de la un bar.");
        browser.findElement(By.id("req-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "telefonul sau adresa de e-mail"));
        browser.findElement(By.id("req-contact-phone")).sendKeys("0722 000 111");
        browser.findElement(By.id("req-submit")).click();
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed-number"))).getText();
        assertTrue(browser.findElement(By.id("filed-unidentified")).isDisplayed());
        browser.get(civicdesk.url("/console/requests/" + number));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-facts"), "0722 000 111 (doar contact)"));
        browser.get(civicdesk.url("/console/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("call-close"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-start")));
    }

    @Test
    public void aCallerThePhoneQueuePutsThroughPopsUpOnTheOperatorsConsole() throws Exception {
        logIn("operator");
        // The operator joins the queue from the call desk (the extension comes from the phone configuration).
        WebElement presence = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-presence")));
        new Select(presence).selectByValue("available");
        browser.findElement(By.id("phone-set")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-state"), "Disponibil"));
        assertEquals("201", browser.findElement(By.id("phone-extension")).getAttribute("value"));
        // Meanwhile the operator looks at the requests.
        browser.findElement(By.linkText("Cereri")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Cereri"));

        // Ion calls from his mobile and asks the robot for an operator; the queue puts him through to this desk.
        try (FakeExchange.Call call = new FakeExchange.Call(civicdesk.agiPort, "ivr?language=ro", "0745 123 456")) {
            call.answer();
            call.hear();
            call.press("0");
            call.followToEnd();
            assertEquals("PJSIP/201", call.variables.get("CIVICDESK_DIAL"));
        }
        // The console brings the operator back to the call desk and pops him up: the call is started, Ion found by
        // his number, to be verified.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-caller")));
        assertTrue(browser.findElement(By.id("phone-caller")).getText().contains("0745 123 456"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify-panel"), "Ion Popescu"));
        assertTrue(browser.findElement(By.id("call-state")).getText().contains("Telefon"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-state"), "În convorbire"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("phone-pop-up");

        // Ion has no PIN yet: once verified, the operator issues one, shown once, and Ion uses it on the robot.
        browser.findElement(By.id("verify-yes")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pin-issue"))).click();
        String pin = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-value"))).getText();
        assertTrue(pin, pin.matches("\\d{4,8}"));
        try (FakeExchange.Call call = new FakeExchange.Call(civicdesk.agiPort, "ivr?language=ro", "0745 123 456")) {
            call.answer();
            call.hear();
            call.press("1");
            call.press(CNP_ION);
            call.press(pin);
            assertEquals("V-am identificat. Bună ziua, Ion Popescu.", call.hear());
        }

        // The supervisor's call log has the call, answered by the operator.
        JsonNode calls = CivicDeskTestSupport.JSON.readTree(civicdesk.call("supervisor", "GET", "/api/v1/phone/calls", null).body());
        boolean answered = false;
        for (JsonNode c : calls) {
            answered |= "operator".equals(c.path("answeredBy").asText());
        }
        assertTrue(calls.toString(), answered);

        // Done with the call: wrap-up, then out of the queue, and the contact closed.
        new Select(browser.findElement(By.id("phone-presence"))).selectByValue("logged_out");
        browser.findElement(By.id("phone-set")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-state"), "Deconectat"));
        browser.findElement(By.id("call-close")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-start")));
    }

    @Test
    public void staffListenToAVoiceMessageLeftWithThePhoneRobot() throws Exception {
        JsonNode maria = CivicDeskTestSupport.JSON.readTree(civicdesk.call("operator", "GET",
                "/api/v1/citizens?cnp=2820315350028&reason=test", null).body()).get("items").get(0);
        String pin = CivicDeskTestSupport.JSON.readTree(civicdesk.call("operator", "POST",
                "/api/v1/citizens/" + maria.get("id").asText() + "/pin", null).body()).get("pin").asText();
        String callId;
        try (FakeExchange.Call call = new FakeExchange.Call(civicdesk.agiPort, "ivr?language=ro", "0745 123 457")) {
            callId = call.uniqueId;
            call.answer();
            call.hear();
            call.press("3");
            call.press("2820315350028");
            call.press(pin);
            call.hear();
            call.hear();
            call.record(FakeExchange.voiceMessage());
            call.reply("200 result=0 endpos=8000");
            assertTrue(call.hear().startsWith("Cererea a fost înregistrată"));
        }
        String number = null;
        for (JsonNode c : CivicDeskTestSupport.JSON.readTree(civicdesk.call("supervisor", "GET", "/api/v1/phone/calls", null)
                .body())) {
            if (callId.equals(c.get("callId").asText())) {
                number = c.get("requests").get(0).asText();
            }
        }
        assertNotNull(number);
        logIn("operator");
        browser.get(civicdesk.url("/console/requests/" + number));
        WebElement player = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history audio.voice-message")));
        assertTrue(player.getAttribute("src"), player.getAttribute("src").contains("/api/v1/requests/" + number + "/attachments/"));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then((r) => done(r.status + ' '"
                + " + r.headers.get('Content-Type')));", player.getAttribute("src"));
        assertEquals("the recording plays from the console's session", "200 audio/wav", status);
    }

    @Test
    public void anEmployeeSeesOnlyTheirRequestsAndMovesOneOn() throws Exception {
        logIn("employee");
        browser.get(civicdesk.url("/console/requests"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests-table")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#requests-table tr"));
        assertTrue("the demo assigns requests to the employee", rows.size() > 1);
        for (WebElement row : rows.subList(1, rows.size())) {
            assertTrue(row.getText(), row.getText().contains("employee"));
        }
        screenshot("requests");
        // Open the first assigned request and move it along its workflow.
        rows.get(1).findElement(By.tagName("a")).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d-status")));
        String next = new Select(status).getFirstSelectedOption().getAttribute("value");
        String nextName = new Select(status).getFirstSelectedOption().getText();
        assertFalse("a status reads as its name: " + nextName, nextName.equals(next));
        browser.findElement(By.id("d-status-comment")).sendKeys("Verificat pe teren.");
        browser.findElement(By.id("d-status-save")).click();
        // Nothing is saved until the employee says who reads the comment: the citizen, or staff only.
        wait.until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"));
        assertEquals(browser.switchTo().activeElement(), browser.findElement(By.id("d-status-internal")));
        assertFalse(browser.findElement(By.id("history")).getText().contains("Verificat pe teren."));
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        browser.findElement(By.id("d-status-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Verificat pe teren."));
        String facts = browser.findElement(By.id("request-facts")).getText();
        assertTrue(facts, facts.contains(nextName) && !facts.contains(next));
        WebElement note = browser.findElements(By.cssSelector("#history li")).stream()
                .filter(li -> li.getText().contains("Verificat pe teren.")).findFirst().orElseThrow();
        assertFalse("an internal note is shown as one", note.findElements(By.cssSelector(".seen-by.internal")).isEmpty());
        // The citizen never reads it: the status change carries no comment, the note is a comment of its own.
        String number = browser.getCurrentUrl().replaceAll(".*/requests/(\\d{4})/(\\d{6}).*", "$1/$2");
        JsonNode history = CivicDeskTestSupport.JSON.readTree(civicdesk.call("employee", "GET", "/api/v1/requests/" + number,
                null).body())
                .get("history");
        for (JsonNode event : history) {
            if (event.path("comment").asText().contains("Verificat pe teren.")) {
                assertEquals(event.toString(), "commented", event.get("kind").asText());
            }
        }
        screenshot("request-detail");
    }

    @Test
    public void aSupervisorReassignsARequest() throws Exception {
        logIn("supervisor");
        browser.get(civicdesk.url("/console/requests"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests-table")));
        // The department's workload per employee comes first.
        assertTrue(browser.findElement(By.id("workload-table")).getText().contains("employee"));
        browser.findElements(By.cssSelector("#requests-table tr")).get(1).findElement(By.tagName("a")).click();
        WebElement assignee = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d-assignee")));
        new Select(assignee).selectByValue("elena");
        browser.findElement(By.id("d-assign-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-facts"), "elena"));
        assertTrue(browser.findElement(By.id("history")).getText().contains("→ elena"));
    }

    /**
     * R7: the demo's oldest letter, a complaint received 50 days ago and never assigned, is overdue; the supervisor of
     * REG finds it in the overdue view (by keyboard from the menu) and assigns it, and the view shows it carried.
     */
    @Test
    public void aSupervisorFindsTheOverdueComplaintAndAssignsIt() throws Exception {
        logIn("raluca");
        WebElement menu = browser.findElement(By.linkText("Termene depășite"));
        menu.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".overdue-table")));
        assertEquals(List.of(), wcagViolations("overdue"));
        screenshot("overdue");
        WebElement row = browser.findElements(By.cssSelector("#overdue-REG + table tr")).stream()
                .filter(r -> r.getText().contains("Reclamație") && r.getText().contains("Nerepartizată")).findFirst()
                .orElseThrow(() -> new AssertionError("no unassigned overdue complaint: "
                        + browser.findElement(By.id("main")).getText()));
        WebElement link = row.findElement(By.tagName("a"));
        String number = link.getText();
        link.sendKeys(Keys.ENTER);
        WebElement assignee = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d-assignee")));
        assertTrue(browser.findElement(By.id("request-facts")).getText().contains("⚠"));
        new Select(assignee).selectByValue("ion");
        browser.findElement(By.id("d-assign-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "→ ion"));
        browser.findElement(By.linkText("Termene depășite")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".overdue-table")));
        WebElement carried = browser.findElements(By.cssSelector(".overdue-table tr")).stream()
                .filter(r -> r.getText().startsWith(number)).findFirst().orElseThrow();
        assertTrue(carried.getText(), carried.getText().contains("ion"));
    }

    @Test
    public void anEmployeeIsToldOfAnAssignmentAsItHappensAndOpensItFromTheBar() throws Exception {
        logIn("elena");
        WebElement inbox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
        String before = inbox.getText();
        java.net.http.HttpResponse<String> filed = civicdesk.call("operator", "POST", "/api/v1/requests",
                CoreIT.pothole(CNP_ION, "Semafor defect la intersecție"));
        assertEquals(filed.body(), 201, filed.statusCode());
        String number = new com.fasterxml.jackson.databind.ObjectMapper().readTree(filed.body()).get("number").asText();
        assertEquals(201, civicdesk.call("supervisor", "POST", "/api/v1/requests/" + number + "/events",
                "{\"kind\":\"assign\",\"assignee\":\"elena\"}").statusCode());
        // Pushed to the open page: nothing reloads it, and a screen reader hears it.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-live"), number));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "(1)"));
        assertTrue(before + " → " + inbox.getText(), inbox.getText().startsWith("Notificări"));
        inbox.sendKeys(Keys.ENTER);
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#inbox-panel a")));
        assertEquals("true", inbox.getAttribute("aria-expanded"));
        assertEquals("Cererea " + number + " v-a fost repartizată", link.getText());
        assertEquals(List.of(), wcagViolations("inbox"));
        screenshot("inbox");
        link.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), number));
        assertFalse(browser.findElement(By.id("inbox-panel")).isDisplayed());
    }

    @Test
    public void aCitizensEmailIsAnsweredFromTheConsoleAndTheReplyReachesTheirMailbox() throws Exception {
        String token = "zamca" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // To the roads' alias of the one mailbox: a pothole, the supervisor's department.
        MailClient.send("<" + token + "@example.com>", "Maria Popescu <" + CITIZEN + ">", "cereri+pothole@primarie.example.ro",
                "Groapă pe Str. Zamca " + token, "Bună ziua,\nPe Str. Zamca nr. 12 este o groapă adâncă.\nMaria Popescu", Map.of());

        // The channel reads the mailbox every second: wait until the message is a request.
        String number = null;
        long deadline = System.currentTimeMillis() + 90_000;
        while (number == null && System.currentTimeMillis() < deadline) {
            com.fasterxml.jackson.databind.JsonNode found = CivicDeskTestSupport.JSON.readTree(
                    civicdesk.call("supervisor", "GET", "/api/v1/requests?q=" + token, null).body());
            if (found.path("items").size() == 1) {
                number = found.get("items").get(0).get("number").asText();
            } else {
                Thread.sleep(500);
            }
        }
        assertTrue("the e-mail became a request: " + number, number != null && number.matches("\\d{4}/\\d{6}"));

        // The supervisor finds it in the console by a word of the message.
        logIn("supervisor");
        browser.get(civicdesk.url("/console/requests"));
        WebElement words = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-text")));
        // The field says how words are looked for: whole or by their beginnings, one or two letters whole only.
        assertEquals("f-text-hint", words.getAttribute("aria-describedby"));
        assertTrue(browser.findElement(By.id("f-text-hint")).getText().contains("de la 3 litere"));
        screenshot("requests-filters");
        words.sendKeys(token, Keys.TAB);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#requests-table a"), 1));
        assertEquals(number, wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#requests-table a")))
                .getText());
        WebElement link = browser.findElement(By.cssSelector("#requests-table a"));
        link.sendKeys(Keys.ENTER);
        WebElement facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-facts")));
        assertTrue(facts.getText(), facts.getText().contains("E-mail") || facts.getText().contains("email"));

        // The reply form: labelled, reached and sent with the keyboard.
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d-reply")));
        WebElement label = browser.findElement(By.cssSelector("label[for='d-reply']"));
        assertEquals("Mesajul către cetățean", label.getText());
        assertEquals("d-reply-hint", text.getAttribute("aria-describedby"));
        List<String> violations = wcagViolations("request screen with the reply form");
        assertTrue(String.join("\n", violations), violations.isEmpty());
        screenshot("email-request-reply");
        // An empty reply is refused in the page, said in the live region.
        browser.findElement(By.id("d-reply-send")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Scrieți mesajul"));

        String reply = "Bună ziua, doamna Popescu,\nechipa de drumuri astupă groapa joi. Vă mulțumim — Primăria.";
        text = browser.findElement(By.id("d-reply"));
        text.click();
        text.sendKeys("Bună ziua, doamna Popescu,", Keys.chord(Keys.SHIFT, Keys.ENTER),
                "echipa de drumuri astupă groapa joi. Vă mulțumim — Primăria.");
        text.sendKeys(Keys.TAB);
        WebElement send = browser.switchTo().activeElement();
        assertEquals("d-reply-send", send.getAttribute("id"));
        send.sendKeys(Keys.ENTER);
        WebElement replied = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history li.replied")));
        assertTrue(replied.getText(), replied.getText().contains("Răspuns trimis prin e-mail"));
        assertTrue(replied.getText(), replied.getText().contains("echipa de drumuri astupă groapa joi"));
        assertTrue(browser.findElement(By.id("status")).getText().contains("Răspunsul a fost înregistrat"));

        // The citizen's mailbox holds the reply, with the number in the subject and the text as written.
        String answered = number;
        MailClient.Mail received = MailClient.awaitMessage(CITIZEN, m -> m.subject().startsWith("[" + answered + "]"));
        assertTrue(received.body(), received.body().contains(reply));
        assertEquals(MailServer.CITY_ADDRESS, received.replyTo());

        // The request's messages show the reply sent (the screen is drawn again).
        deadline = System.currentTimeMillis() + 30_000;
        String shown = "";
        while (!shown.contains("Răspuns prin e-mail · către contactul lăsat · trimis") && System.currentTimeMillis() < deadline) {
            browser.navigate().refresh();
            shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notifications"))).getText();
        }
        assertTrue(shown, shown.contains("Răspuns prin e-mail · către contactul lăsat · trimis · Încercări: 1"));
        screenshot("email-request-replied");
    }

    @Test
    public void theAdminScreenAndTheProfileFollowTheTaxFeature() throws Exception {
        logIn("admin");
        browser.get(civicdesk.url("/console/admin"));
        By taxes = By.cssSelector("#features-table tr[data-feature='civicdesk-taxes']");
        assertEquals("true", wait.until(ExpectedConditions.visibilityOfElementLocated(taxes)).getAttribute("data-installed"));
        screenshot("admin");
        try {
            civicdesk.shell("feature:uninstall civicdesk-taxes-demo civicdesk-taxes");
            // The open page follows without a reload.
            wait.until(ExpectedConditions.attributeToBe(taxes, "data-installed", "false"));
            openProfile();
            assertTrue("no tax section without the tax feature",
                    browser.findElements(By.cssSelector(".profile-section[data-source='taxes']")).isEmpty());
        } finally {
            civicdesk.shell("feature:install civicdesk-taxes civicdesk-taxes-demo");
        }
        openProfile();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".profile-section[data-source='taxes']")));
    }

    @Test
    public void theLanguageSwitchTranslatesEveryLabel() throws Exception {
        logIn("operator");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Apeluri"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Call desk"));
        assertEquals("Start call Alt+N", browser.findElement(By.id("call-start")).getText());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        // CivicDesk's refusals follow the console's language, whatever the browser's.
        assertEquals("the CNP check digit is wrong", refusalOfAWrongCnp());
        // Kept for the next visit.
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Call desk"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("ro");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Apeluri"));
        assertEquals("Cifra de control a CNP-ului este greșită", refusalOfAWrongCnp());
    }

    /** What the console's own API calls are told of a CNP whose check digit is wrong. */
    private String refusalOfAWrongCnp() {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                + " import('/console/js/api.js').then((api) => api.get('/citizens?cnp=1800101350019&reason=test'))"
                + ".then(() => done('accepted'), (e) => done(e.message));");
    }

    private void openProfile() throws Exception {
        browser.get(civicdesk.url("/console/"));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("find-input")));
        search.sendKeys(CNP);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#find-results button"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("verify-yes"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile")));
    }

    @Test
    public void aSupervisorPublishesAnAnnouncementAndSetsUpAPoll() throws Exception {
        logIn("supervisor");
        browser.get(civicdesk.url("/console/notices"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ann-ro"))).sendKeys("Ședință publică joi la ora 17");
        browser.findElement(By.id("ann-en")).sendKeys("Public meeting on Thursday at 5 pm");
        java.time.LocalDateTime now = java.time.LocalDateTime.now().withSecond(0).withNano(0);
        setValue("ann-from", now.minusMinutes(5).toString());
        setValue("ann-until", now.plusDays(2).toString());
        browser.findElement(By.id("ann-publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcements-table"), "Ședință publică joi"));
        assertTrue("citizens see it now", civicdesk.call("operator", "GET", "/api/v1/announcements", null).body()
                .contains("Public meeting on Thursday"));

        browser.findElement(By.id("poll-ro")).sendKeys("Unde să fie noul parc?");
        browser.findElement(By.id("poll-options")).sendKeys("Zamca / Zamca\nBurdujeni / Burdujeni\nIțcani / Itcani");
        setValue("poll-opens", now.toString());
        setValue("poll-closes", now.plusDays(7).toString());
        browser.findElement(By.id("poll-create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("polls-table"), "Unde să fie noul parc?"));
        JsonNode polls = CivicDeskTestSupport.JSON.readTree(civicdesk.call("operator", "GET", "/api/v1/polls", null).body());
        JsonNode created = null;
        for (JsonNode p : polls) {
            if (p.get("question").asText().equals("Unde să fie noul parc?")) {
                created = p;
            }
        }
        assertNotNull(created);
        assertEquals("the answers keep their order; on the phone a key is a position", "3",
                created.get("options").get(2).get("key").asText());
        screenshot("notices");
    }

    /** The screens an operator and a supervisor work in all day pass axe-core's WCAG 2.1 A and AA rules. */
    @Test
    public void theConsoleScreensPassTheWcagChecks() throws Exception {
        List<String> problems = new ArrayList<>(wcagViolationsOfLogin());
        logIn("supervisor");
        for (String screen : List.of("", "requests", "notices", "admin", "calls", "directory", "messages",
                "shifts")) {
            browser.get(civicdesk.url("/console/" + screen));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
            if (screen.equals("requests")) {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main table tr td")));
            }
            problems.addAll(wcagViolations("/console/" + screen));
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /**
     * R20: a new operator's first screen is the confidentiality agreement, in the console's language, and nothing of a
     * citizen; accepted with the keyboard, it gives way to the call desk, and is not asked again.
     */
    @Test
    public void aNewOperatorAcceptsTheConfidentialityAgreementBeforeAnyCitizenData() throws Exception {
        String added = civicdesk.shell("civicdesk:staff-add --role operator --password 'Acord-2026!' nou.acord \"Nou Acord\"");
        assertTrue(added, added.contains("Created nou.acord"));
        browser.get(civicdesk.url("/console/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("nou.acord");
        browser.findElement(By.id("login-password")).sendKeys("Acord-2026!", Keys.ENTER);
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agreement-text")));
        assertTrue(text.getText(), text.getText().startsWith("Angajament de confidențialitate"));
        assertTrue("no call desk before the agreement", browser.findElements(By.id("find-input")).isEmpty());
        assertEquals("agreement-title", browser.switchTo().activeElement().getAttribute("id"));
        List<String> problems = wcagViolations("/console/ (confidentiality agreement)");
        assertTrue(String.join("\n", problems), problems.isEmpty());
        screenshot("agreement");

        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals("agreement-accept", browser.switchTo().activeElement().getAttribute("id"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("find-input")));
        String audited = civicdesk.call("admin", "GET", "/api/v1/audit?action=agreement.accept&subjectId=nou.acord", null)
                .body();
        assertTrue(audited, audited.contains("\"actor\":\"nou.acord\""));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("find-input")));
        assertTrue(browser.findElements(By.id("agreement-text")).isEmpty());
    }

    private List<String> wcagViolationsOfLogin() {
        browser.get(civicdesk.url("/console/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        return wcagViolations("/console/ (login)");
    }

    /** A date and time input gets its value as the page would: typed formats differ with the browser's language. */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(id)), value);
    }

    @Test
    public void staffSeeTheCitizensRatingOnTheRequestInBothLanguages() throws Exception {
        JsonNode filed = CivicDeskTestSupport.JSON.readTree(civicdesk.call("operator", "POST", "/api/v1/requests",
                "{\"type\":\"pothole\",\"channel\":\"desk\",\"citizen\":{\"cnp\":\"1800101350018\",\"firstName\":"
                + "\"Ion\",\"lastName\":\"Popescu\",\"address\":\"Str. Zamca 3\"},\"description\":\"Groapă mică\"}").body());
        String number = filed.get("number").asText();
        for (String status : List.of("in_progress", "resolved")) {
            assertEquals(201, civicdesk.call("supervisor", "POST", "/api/v1/requests/" + number + "/events",
                    "{\"kind\":\"status\",\"status\":\"" + status + "\"}").statusCode());
        }
        java.net.http.HttpResponse<String> rated = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(civicdesk.url("/portal/api/ratings")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString("code=" + filed.get("trackingCode").asText() + "&score=2&comment=Prea%20t%C3%A2rziu")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(rated.body(), 200, rated.statusCode());
        logIn("operator");
        browser.get(civicdesk.url("/console/requests/" + number));
        WebElement facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-facts")));
        assertTrue(facts.getText(), facts.getText().contains("Satisfacția cetățeanului\n2/5"));
        assertTrue("the status reads as its name: " + facts.getText(), facts.getText().contains("Stare\nRezolvată"));
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history, history.contains("Evaluată de cetățean") && history.contains("cetățeanul · 2/5")
                && history.contains("Prea târziu"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-facts"), "Citizen's satisfaction"));
        assertTrue(browser.findElement(By.id("history")).getText().contains("Rated by the citizen"));
        assertTrue(browser.findElement(By.id("request-facts")).getText().contains("Resolved"));
        screenshot("request-rated");
        new Select(browser.findElement(By.id("lang"))).selectByValue("ro");
    }

    // ---------------------------------------------------------------- reports dashboard and wallboard (issue 16)

    private static final String CHART_JS = "/console/vendor/chartjs/chart.umd.min.js";

    @Test
    public void aSupervisorRunsAReportSeesItsChartAndFollowsAFigureToTheRequests() throws Exception {
        HttpResponse<String> reports = civicdesk.call("supervisor", "GET", "/api/v1/reports", null);
        assertEquals("feature civicdesk-reports boots with the distribution: " + reports.body(), 200, reports.statusCode());
        assertTrue(reports.body(), reports.body().contains("\"requests-by-type\""));
        logIn("supervisor");
        // The call desk does not load Chart.js: only the reports screen does.
        assertEquals(Boolean.FALSE, js("return typeof window.Chart !== 'undefined'"));
        browser.findElement(By.linkText("Rapoarte")).sendKeys(Keys.ENTER);
        WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("r-report")));
        new Select(report).selectByValue("requests-by-type");
        // Choosing a report draws the screen again with its parameters.
        wait.until(d -> "requests-by-type".equals(d.findElement(By.id("r-report")).getAttribute("value")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("r-thisYear"))).sendKeys(Keys.ENTER);
        int year = LocalDate.now(ZoneId.systemDefault()).getYear();
        assertEquals(year + "-01-01", browser.findElement(By.id("r-from")).getAttribute("value"));
        assertEquals(year + "-12-31", browser.findElement(By.id("r-to")).getAttribute("value"));
        browser.findElement(By.id("r-run")).sendKeys(Keys.ENTER);

        // The table: the supervisor's department's requests by type, channel and status, and the total last.
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#report-table tr"), 2));
        List<WebElement> rows = browser.findElements(By.cssSelector("#report-table tr"));
        assertTrue(rows.get(rows.size() - 1).getText(), rows.get(rows.size() - 1).getText().startsWith("TOTAL"));
        for (WebElement row : rows.subList(1, rows.size() - 1)) {
            assertTrue(row.getText(), row.getText().startsWith("ROADS"));
        }

        // The chart: drawn by Chart.js on the canvas, which says what it shows to screen readers.
        WebElement canvas = browser.findElement(By.id("report-chart"));
        assertEquals("img", canvas.getAttribute("role"));
        assertTrue(canvas.getAttribute("aria-label"), canvas.getAttribute("aria-label").startsWith("Grafic: Cereri pe tip: "));
        wait.until(d -> Boolean.TRUE.equals(js("const c = document.getElementById('report-chart');"
                + " if (!window.Chart || !Chart.getChart(c) || !c.width) return false;"
                + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < px.length; i += 4) if (px[i] > 0) return true; return false;")));
        // Chart.js came from the console's bundle, and from nowhere else.
        assertEquals(List.of(civicdesk.url(CHART_JS)), js("return performance.getEntriesByType('resource')"
                + ".map((e) => e.name).filter((n) => /chart\\.umd/i.test(n))"));
        assertEquals("every file the page fetched is the server's own", List.of(), js("return performance"
                + ".getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin + '/'))"));
        assertEquals(List.of(civicdesk.url(CHART_JS)), js("return [...document.scripts].map((s) => s.src).filter((s) => s)"
                + ".filter((s) => !s.endsWith('/console/js/app.js'))"));
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(civicdesk.url(CHART_JS)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("Content-Type").orElse(""), served.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/javascript"));
        assertTrue(served.body().startsWith("/*!\n * Chart.js v4."));

        // The files of the same run, from the links, with the console's session.
        String csv = browser.findElement(By.id("r-file-csv")).getAttribute("href");
        assertTrue(csv, csv.contains("/api/v1/reports/requests-by-type?from=" + year + "-01-01&to=" + year + "-12-31")
                && csv.contains("format=csv"));
        assertEquals("200 text/csv", ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[1];"
                + " fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('Content-Type').split(';')[0]));", csv));

        List<String> violations = wcagViolations("/console/reports");
        assertTrue(String.join("\n", violations), violations.isEmpty());
        screenshot("reports");

        // A count leads, by the keyboard, to the requests behind it: that type, status, channel and department, that period.
        WebElement link = browser.findElement(By.cssSelector("#report-table a.drill"));
        List<WebElement> cells = link.findElement(By.xpath("ancestor::tr")).findElements(By.tagName("td"));
        String department = cells.get(0).getText();
        String typeName = cells.get(1).getText();
        String status = cells.get(3).getText();
        long count = Long.parseLong(link.getText().replaceAll("\\D", ""));
        Map<String, String> filters = queryOf(link.getAttribute("href"));
        assertEquals(department, filters.get("department"));
        assertEquals(status, filters.get("status"));
        assertEquals(year + "-01-01", filters.get("from"));
        link.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Cereri"));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("/console/requests?"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#requests-table td")));
        assertEquals(filters.get("type"), browser.findElement(By.id("f-type")).getAttribute("value"));
        assertEquals(status, browser.findElement(By.id("f-status")).getAttribute("value"));
        assertEquals(filters.get("channel"), browser.findElement(By.id("f-channel")).getAttribute("value"));
        assertEquals(year + "-12-31", browser.findElement(By.id("f-to")).getAttribute("value"));
        // As many requests as the figure said, each of the row's type, status and department.
        String shown = browser.findElement(By.id("requests-count")).getText();
        assertTrue(shown + " for " + count, shown.endsWith(" din " + count));
        List<WebElement> listed = browser.findElements(By.cssSelector("#requests-table tr"));
        assertEquals(Math.min(count, 25), listed.size() - 1);
        for (WebElement row : listed.subList(1, listed.size())) {
            List<WebElement> td = row.findElements(By.tagName("td"));
            assertEquals(row.getText(), typeName, td.get(1).getText());
            assertEquals(row.getText(), status, td.get(2).getAttribute("data-status"));
            assertEquals(row.getText(), department, td.get(4).getText());
        }
        screenshot("reports-drill-down");

        // Back: the report is there again, as it was.
        browser.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-table a.drill")));
    }

    @Test
    public void anOperatorHasNoReports() throws Exception {
        logIn("operator");
        String menu = browser.findElement(By.id("nav")).getText();
        assertTrue("the menu is drawn: " + menu, menu.contains("Cereri"));
        assertFalse(menu, menu.contains("Rapoarte"));
        assertTrue(browser.findElements(By.cssSelector("#nav a[href$='/reports']")).isEmpty());
        // Typed in the address bar, the screen lists what the API lets an operator run: nothing.
        browser.get(civicdesk.url("/console/reports"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reports-none")));
        assertTrue(browser.findElements(By.id("r-run")).isEmpty());
        // Colleagues are one click away, with where they are now: this operator is in the console.
        browser.findElement(By.cssSelector("#nav a[href$='/directory']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#directory-table tr[data-user='operator']"),
                "În consolă"));
        assertTrue(browser.findElement(By.cssSelector("#directory-table tr[data-user='employee']")).getText().contains("Funcționar"));
    }

    /**
     * R22: a colleague's message is pushed into the open console and read out, without the console asking; it leads to
     * the messages, the sender chosen, and the answer goes back from there.
     */
    @Test
    public void aColleaguesMessageArrivesInTheOpenConsoleAndIsAnsweredFromIt() throws Exception {
        logIn("employee");
        browser.findElement(By.cssSelector("#nav a[href$='/directory']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#directory-table tr[data-user='supervisor'] button.write")));
        String text = "Puteți verifica groapa de pe strada Lungă? " + System.nanoTime();
        HttpResponse<String> sent = civicdesk.call("supervisor", "POST", "/api/v1/messages",
                "{\"toUsername\":\"employee\",\"body\":\"" + text + "\"}");
        assertEquals(sent.body(), 201, sent.statusCode());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-live"), "Mesaj de la Sorin Supervisor"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "(1)"));
        browser.findElement(By.id("inbox")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#inbox-panel a"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-form")));
        assertEquals("user:supervisor", new Select(browser.findElement(By.id("message-to"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertTrue(browser.findElement(By.id("messages-list")).getText().contains(text));
        assertEquals(List.of(), wcagViolations("messages"));
        browser.findElement(By.id("message-body")).sendKeys("Da, merg acum.");
        browser.findElement(By.id("message-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Mesajul a fost trimis"));
        String theirs = civicdesk.call("supervisor", "GET", "/api/v1/messages?limit=5", null).body();
        assertTrue(theirs, theirs.contains("Da, merg acum."));
        screenshot("messages");
    }

    /** R22: a supervisor plans next week's shift of an operator in the console; the operator finds it in their week. */
    @Test
    public void aSupervisorPlansNextWeeksShiftAndTheOperatorFindsIt() throws Exception {
        logIn("supervisor");
        browser.findElement(By.cssSelector("#nav a[href$='/shifts']")).click();
        String thisWeek = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("week-title"))).getText();
        browser.findElement(By.id("week-after")).click();
        wait.until(d -> !d.findElement(By.id("week-title")).getText().equals(thisWeek));
        String week = queryOf(browser.getCurrentUrl()).get("week");
        assertTrue(week, week.matches("\\d{4}-W\\d{2}"));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("shift-person")))).selectByValue("operator");
        new Select(browser.findElement(By.id("shift-day"))).selectByIndex(2);
        setValue("shift-start", "07:30");
        setValue("shift-end", "15:30");
        browser.findElement(By.id("shift-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Tura a fost planificată"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shifts-table"), "07:30–15:30"));
        assertEquals(List.of(), wcagViolations("shifts"));
        screenshot("shifts");

        browser.findElement(By.id("logout")).click();
        logIn("operator");
        browser.get(civicdesk.url("/console/shifts?week=" + week));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Turele mele"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shifts-table"), "07:30–15:30"));
        assertTrue(browser.findElements(By.id("shift-form")).isEmpty());
    }

    /** Issue 19 §3: an administrator changes a request type's deadline and escalation in the console; it is in force. */
    @Test
    public void anAdministratorChangesARequestTypeInTheConsole() throws Exception {
        logIn("admin");
        browser.findElement(By.cssSelector("#nav a[href$='/admin']")).click();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("type-which")))).selectByValue("streetlight");
        wait.until(d -> "streetlight".equals(d.findElement(By.id("type-code")).getAttribute("value")));
        WebElement sla = browser.findElement(By.id("type-sla"));
        sla.clear();
        sla.sendKeys("4");
        new Select(browser.findElement(By.id("type-level2-role"))).selectByValue("supervisor");
        // A status of the city's own, added from the keyboard: its code, then its name, then where requests move.
        WebElement newStatus = wait.until(ExpectedConditions.elementToBeClickable(By.id("workflow-new-code")));
        newStatus.sendKeys("Pe teren", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("workflow-new-error"), "litere mici"));
        newStatus.clear();
        newStatus.sendKeys("on_site", Keys.ENTER);
        wait.until(d -> "workflow-on_site-ro".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys("Echipă pe teren");
        browser.findElement(By.cssSelector("tr[data-status='in_progress'] input[value='on_site']")).click();
        browser.findElement(By.cssSelector("tr[data-status='on_site'] input[value='resolved']")).click();
        browser.findElement(By.id("type-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "streetlight a fost salvat"));
        JsonNode type = CivicDeskTestSupport.JSON.readTree(civicdesk.call("admin", "GET",
                "/api/v1/request-types/streetlight/settings", null).body());
        assertEquals(4, type.get("slaDays").asInt());
        assertEquals("supervisor", type.get("level2Role").asText());
        JsonNode workflow = type.get("workflow");
        assertTrue(workflow.toString(), workflow.get("statuses").toString().contains("\"on_site\""));
        assertTrue(workflow.toString(), workflow.get("transitions").get("in_progress").toString().contains("\"on_site\""));
        assertEquals("[\"resolved\"]", workflow.get("transitions").get("on_site").toString());
        assertEquals("Echipă pe teren", workflow.get("statusNames").get("on_site").get("ro").asText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#types-table tr[data-type='streetlight']"),
                "4"));
        assertEquals(List.of(), wcagViolations("admin (request types)"));
        screenshot("type-admin");
    }

    /** Issue 19 §3: an administrator adds a colleague and gives them a department and roles in the console. */
    @Test
    public void anAdministratorAddsAColleagueAndChangesTheirRolesInTheConsole() throws Exception {
        logIn("admin");
        browser.findElement(By.cssSelector("#nav a[href$='/admin']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-new")));
        browser.findElement(By.id("new-username")).sendKeys("nou.ghiseu");
        browser.findElement(By.id("new-name")).sendKeys("Nou Ghișeu");
        browser.findElement(By.id("new-password")).sendKeys("Ghiseu-2026!");
        browser.findElement(By.id("new-create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Contul a fost creat"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-table"), "nou.ghiseu"));

        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-who")))).selectByValue("nou.ghiseu");
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-department")))).selectByValue("REG");
        browser.findElement(By.id("edit-role-operator")).click();
        browser.findElement(By.id("edit-role-employee")).click();
        browser.findElement(By.id("edit-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Salvat"));
        String account = civicdesk.call("admin", "GET", "/api/v1/staff", null).body();
        assertTrue(account, account.matches("(?s).*\"username\":\"nou.ghiseu\"[^}]*\"department\":\"REG\".*")
                || account.matches("(?s).*\"department\":\"REG\"[^}]*\"username\":\"nou.ghiseu\".*"));
        // An Open311 key for a partner application: shown once, then revoked with a confirmation.
        // The screen reloads its lists after the save: the field may be drawn again under the typing.
        type(By.id("key-client"), "Aplicația Vecinilor");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("key-issue"))).click();
        String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-issued"))).getText();
        assertTrue(shown, shown.contains("cd311-"));
        assertEquals(List.of(), wcagViolations("admin (staff)"));
        screenshot("staff-admin");
        browser.navigate().refresh();
        By revoke = By.cssSelector("#keys-table button[aria-label*='Aplicația Vecinilor']");
        wait.until(ExpectedConditions.elementToBeClickable(revoke)).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Cheia a fost revocată"));
    }

    /** Issue 19 §3: an administrator installs an optional feature from the console, then removes it, each confirmed. */
    @Test
    public void anAdministratorInstallsAndRemovesAnOptionalFeatureWithAConfirmation() throws Exception {
        logIn("admin");
        browser.findElement(By.cssSelector("#nav a[href$='/admin']")).click();
        By row = By.cssSelector("#features-table tr[data-feature='civicdesk-channel-email']");
        By change = By.cssSelector("#features-table tr[data-feature='civicdesk-channel-email'] button.feature-change");
        // The table is drawn again every few seconds: elements are looked up afresh, a stale one looked up again.
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(120));
        slow.ignoring(StaleElementReferenceException.class);
        String before = slow.until(d -> d.findElement(row).getAttribute("data-installed"));
        String after = "true".equals(before) ? "false" : "true";
        slow.until(d -> {
            d.findElement(change).click();
            return true;
        });
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals("not confirmed, nothing changes", before, slow.until(d -> d.findElement(row).getAttribute("data-installed")));
        slow.until(d -> {
            d.findElement(change).click();
            return true;
        });
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        slow.until(d -> after.equals(d.findElement(row).getAttribute("data-installed")) && !d.findElements(change).isEmpty());
        slow.until(d -> {
            d.findElement(change).click();
            return true;
        });
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        slow.until(d -> before.equals(d.findElement(row).getAttribute("data-installed")) && !d.findElements(change).isEmpty());
        String audited = civicdesk.call("admin", "GET", "/api/v1/audit?subjectId=civicdesk-channel-email", null).body();
        assertTrue(audited, audited.contains("feature.install") && audited.contains("feature.uninstall"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The query parameters of a link's address, decoded. */
    private static Map<String, String> queryOf(String href) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("[?&]([^=&]+)=([^&]*)").matcher(href);
        while (m.find()) {
            out.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The wallboard is pushed: a supervisor watches it, an operator logs in to the queue elsewhere (the API, as their
     * phone or console would) and the tile of available operators changes without the page asking again.
     */
    @Test
    public void aSupervisorWatchesTheWallboardChangeAsAnOperatorBecomesAvailable() throws Exception {
        logIn("supervisor");
        browser.findElement(By.cssSelector("#nav a[href$='/wallboard']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#wb-available .tile-value")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wb-status"), "timp real"));
        // The board is drawn again with every push: elements are looked up afresh, never kept across a push.
        int before = Integer.parseInt(wait.until(d -> d.findElement(By.cssSelector("#wb-available .tile-value"))
                .getText().strip()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wb-service-level"), "țintă 80 %"));
        assertEquals(List.of(), wcagViolations("wallboard"));
        screenshot("wallboard");
        long requestsBefore = (Long) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/wallboard')).length;");
        HttpResponse<String> set = civicdesk.call("operator", "PUT", "/api/v1/phone/agents/me",
                "{\"presence\":\"available\"}");
        assertEquals(set.body(), 200, set.statusCode());
        try {
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#wb-available .tile-value"),
                    Integer.toString(before + 1)));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wb-operators"), "operator"));
            long requestsAfter = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.name.includes('/wallboard')).length;");
            assertEquals("pushed over the one open stream, not asked for again", requestsBefore, requestsAfter);
        } finally {
            civicdesk.call("operator", "PUT", "/api/v1/phone/agents/me", "{\"presence\":\"logged_out\"}");
        }
        // An operator has no wallboard.
        browser.findElement(By.id("logout")).click();
        logIn("operator");
        assertTrue(browser.findElements(By.cssSelector("#nav a[href$='/wallboard']")).isEmpty());
    }

    private void logIn(String user) throws Exception {
        browser.get(civicdesk.url("/console/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        screenshot("login");
        browser.findElement(By.id("login-password")).sendKeys(user, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        // The first screen is drawn once its data is in: wait for it (the login form gone) before typing.
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("login-user")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
    }

    /** Alt + a letter, held together as an operator presses it. */
    private void alt(String letter) {
        new Actions(browser).keyDown(Keys.ALT).sendKeys(letter).keyUp(Keys.ALT).perform();
    }
}
