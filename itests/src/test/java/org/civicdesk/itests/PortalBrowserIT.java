package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * The citizens' portal in a phone-sized headless Chromium against the assembled distribution:
 * report with a photo and a pin, the duplicate hint, following by number, the map of reports,
 * the knowledge base, polls, ratings, an appointment at a counter, both languages.
 */
public class PortalBrowserIT extends BrowserTestSupport {
    /** The first bytes of a PNG file: what the document store looks at. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private static RunningDistribution civicdesk;
    /** The city's own tile server, as a deployment would point the map at it. */
    private static com.sun.net.httpserver.HttpServer tiles;
    private static final Set<String> TILES_ASKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeClass
    public static void startCivicDesk() throws Exception {
        tiles = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            TILES_ASKED.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        tiles.start();
        civicdesk = RunningDistribution.start("portal-it", Map.of("org.civicdesk.map.cfg", Map.of(
                "tileUrl", "http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png")));
    }

    @AfterClass
    public static void stopCivicDesk() throws Exception {
        if (civicdesk != null) {
            civicdesk.close();
        }
        if (tiles != null) {
            tiles.stop(0);
        }
    }

    /** A phone held upright. */
    @Override
    protected String windowSize() {
        return "412,915";
    }

    @Test
    public void aCitizenSeesTheDuplicateHintThenReportsWithAPhotoAndAPinAndFollowsIt() throws Exception {
        // Someone reported a pothole right here already.
        String existing = JSON(post("/open311/v2/requests.json", "api_key", "demo-open311-key", "service_code", "pothole",
                "lat", "47.649", "long", "26.256", "description", "Groapă mare la intersecție")).get(0)
                .get("service_request_id").asText();

        browser.get(civicdesk.url("/portal/report"));
        Select category = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("category"))));
        category.selectByValue("pothole");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attr-depth"))).sendKeys("10");
        browser.findElement(By.id("description")).sendKeys("Groapă adâncă, se umple cu apă");
        WebElement lat = browser.findElement(By.id("lat"));
        lat.sendKeys("47.64902");
        WebElement lon = browser.findElement(By.id("lon"));
        lon.sendKeys("26.25603", Keys.TAB);
        // The same category within 50 m: the existing report is offered first.
        WebElement hint = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#nearby .card")));
        assertTrue(hint.getText(), hint.getText().contains(existing));
        screenshot("portal-duplicate-hint");

        // Not the same problem after all: 200 m further north, with the arrow keys on the map.
        WebElement map = browser.findElement(By.id("map"));
        map.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_UP), Keys.chord(Keys.SHIFT, Keys.ARROW_UP));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#nearby .card")));
        assertFalse("the pin moved", browser.findElement(By.id("lat")).getAttribute("value").startsWith("47.6490"));
        // Or with a tap on the map, as on a phone: the pin goes where the finger was.
        String beforeTap = browser.findElement(By.id("lat")).getAttribute("value");
        new Actions(browser).moveToElement(map, 60, -60).click().perform();
        wait.until(d -> !d.findElement(By.id("lat")).getAttribute("value").equals(beforeTap));
        Path photo = Files.createTempFile("groapa", ".png");
        Files.write(photo, PNG);
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("email")).sendKeys("cetatean@example.org");
        browser.findElement(By.id("send")).click();
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed-number"))).getText();
        assertTrue(number, number.matches("\\d{4}/\\d{6}"));
        assertFalse(browser.findElement(By.id("filed-deadline")).getText().isBlank());
        screenshot("portal-filed");
        // Printed, the confirmation keeps the city hall and the request's figures and drops what is there to click (R23).
        assertTrue(browser.findElement(By.id("print")).isDisplayed());
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", "print"));
        try {
            assertTrue(browser.findElement(By.id("filed-number")).isDisplayed());
            assertTrue(browser.findElement(By.id("brand")).isDisplayed());
            for (String gone : List.of("nav", "lang", "print")) {
                assertFalse(gone + " is not printed", browser.findElement(By.id(gone)).isDisplayed());
            }
        } finally {
            ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("media", ""));
        }

        JsonNode filed = JSON(civicdesk.call("operator", "GET", "/api/v1/requests/" + number, null).body());
        assertEquals("web", filed.get("channel").asText());
        assertEquals("10", filed.get("attributes").get("depth").get(0).asText());
        assertEquals("cetatean@example.org", filed.get("contact").get("email").asText());
        assertEquals("the photo is attached", 1,
                JSON(civicdesk.call("operator", "GET", "/api/v1/requests/" + number + "/attachments", null).body()).size());

        // Follow it by the link, then by typing its number.
        browser.findElement(By.id("follow-link")).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-status")));
        assertEquals("Înregistrată", status.getText());
        assertTrue(browser.findElement(By.id("follow-result")).getText().contains("ROADS")
                || browser.findElement(By.id("follow-result")).getText().contains("Drumuri"));
        screenshot("portal-follow");
    }

    @Test
    public void aDuplicateIsSupportedInsteadOfFiledAgain() throws Exception {
        String existing = JSON(post("/open311/v2/requests.json", "api_key", "demo-open311-key", "service_code", "streetlight",
                "lat", "47.651", "long", "26.251", "description", "Stâlpul nu luminează")).get(0)
                .get("service_request_id").asText();
        long before = JSON(civicdesk.call("operator", "GET", "/api/v1/requests?limit=1", null).body()).get("total").asLong();
        browser.get(civicdesk.url("/portal/report"));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("category")))).selectByValue("streetlight");
        browser.findElement(By.id("lat")).sendKeys("47.65101");
        browser.findElement(By.id("lon")).sendKeys("26.25102", Keys.TAB);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#nearby button.support"))).click();
        WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supported")));
        assertTrue(thanks.getText(), thanks.getText().contains(existing));
        assertTrue("the support is in the report's history", civicdesk.call("operator", "GET", "/api/v1/requests/" + existing,
                null).body().contains("aceeași problemă"));
        assertEquals("nothing new was filed", before,
                JSON(civicdesk.call("operator", "GET", "/api/v1/requests?limit=1", null).body()).get("total").asLong());
    }

    @Test
    public void aRequestOfAPrivateTypeIsFollowedByItsTrackingCodeOnly() throws Exception {
        // A petition handed in at the front desk: a private type, which Open311 does not offer.
        HttpResponse<String> posted = civicdesk.call("operator", "POST", "/api/v1/requests", "{\"type\":\"petition\","
                + "\"channel\":\"desk\",\"citizen\":{\"cnp\":\"2550720350038\",\"firstName\":\"Elena\",\"lastName\":"
                + "\"Ionescu\",\"address\":\"Str. Mihai Viteazu 5\"},\"description\":\"Cerem o stație de autobuz\"}");
        assertEquals(posted.body(), 201, posted.statusCode());
        String code = JSON(posted.body()).get("trackingCode").asText();
        String number = JSON(posted.body()).get("number").asText();
        browser.get(civicdesk.url("/portal/follow"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("follow-number"))).sendKeys(number, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-result"), "Nu am găsit"));
        WebElement input = browser.findElement(By.id("follow-number"));
        input.clear();
        input.sendKeys(code.toLowerCase(), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-status"), "Înregistrată"));
        assertTrue(browser.findElement(By.id("follow-result")).getText().contains(number));
        assertFalse("no description for a private request", browser.findElement(By.id("follow-result")).getText()
                .contains("stație de autobuz"));
    }

    @Test
    public void theMapOfReportsListsThemByCategoryAndStatus() throws Exception {
        // Three reports of one place, the map's centre: on the map, in a cluster until it is opened.
        List<String> samePlace = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            samePlace.add(JSON(post("/open311/v2/requests.json", "api_key", "demo-open311-key", "service_code", "streetlight",
                    "lat", "47.649", "long", "26.256", "description", "Stâlp stins " + i)).get(0)
                    .get("service_request_id").asText());
        }
        browser.get(civicdesk.url("/portal/reports"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reports-table tbody tr")));
        FluentWait<WebDriver> drawing = new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
        // The city's tiles are drawn under the streets, passed on by CivicDesk: the browser asks CivicDesk only.
        String tile = drawing.until(d -> d.findElements(By.cssSelector("#map img.leaflet-tile")).stream()
                .map(i -> i.getDomAttribute("src")).filter(src -> src != null).findFirst().orElse(null));
        assertTrue(tile, tile.startsWith("/web/tiles/"));
        wait.until(d -> !TILES_ASKED.isEmpty());
        // The markers are drawn anew as the clusters change: one that went while it was read is not shown.
        Function<WebDriver, Long> shown = d -> d.findElements(By.cssSelector("#map .map-marker")).stream().filter(m -> {
            try {
                String title = String.valueOf(m.getDomAttribute("title"));
                return samePlace.stream().anyMatch(id -> title.startsWith(id + ":"));
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        }).count();
        drawing.until(d -> !d.findElements(By.cssSelector("#map .map-cluster")).isEmpty());
        assertEquals("the three reports of one place are in a cluster", 0L, shown.apply(browser).longValue());
        // Zoom with a tap on the map's own button: the tiles of a closer zoom level come. The level shown is read from the
        // map once it stands still: the map fits the city after the first tiles came, maybe at another level.
        drawing.until(d -> d.findElements(By.cssSelector("#map.leaflet-zoom-anim")).isEmpty() && shownZoom(d) != null);
        long zoom = shownZoom(browser);
        browser.findElement(By.cssSelector("#map .leaflet-control-zoom-in")).click();
        drawing.until(d -> {
            Long now = shownZoom(d);
            return now != null && now > zoom;
        });
        // A tap on a cluster opens it (closer, or spread out where its reports share a place): tapping the one at the
        // centre shows the three reports, each a marker to follow.
        drawing.until(d -> {
            if (shown.apply(d) == 3) {
                return true;
            }
            Rectangle box = d.findElement(By.id("map")).getRect();
            d.findElements(By.cssSelector("#map .map-cluster")).stream().min(Comparator.comparingDouble(c -> {
                Rectangle r = c.getRect();
                return Math.hypot(r.x + r.width / 2.0 - box.x - box.width / 2.0, r.y + r.height / 2.0 - box.y - box.height / 2.0);
            })).ifPresent(WebElement::click);
            return shown.apply(d) == 3;
        });
        new Select(browser.findElement(By.id("filter-category"))).selectByValue("streetlight");
        browser.findElement(By.id("filter")).click();
        // The table is drawn anew when the answer comes: read it whole once it shows street lights only.
        wait.until(d -> {
            try {
                List<WebElement> kinds = d.findElements(By.cssSelector("#reports-table tbody td:nth-child(2)"));
                return !kinds.isEmpty() && kinds.stream().allMatch(k -> k.getText().equals("Iluminat public defect"));
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        screenshot("portal-map");
    }

    @Test
    public void theKnowledgeBaseAnswersInBothLanguages() throws Exception {
        browser.get(civicdesk.url("/portal/help"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("question"))).sendKeys("certificat nastere", Keys.ENTER);
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answers article h2")));
        assertFalse(answer.getText().isBlank());
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "What do I need?"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.id("question")).sendKeys("birth certificate", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answers article h2")));
        screenshot("portal-help-en");
    }

    @Test
    public void aCitizenVotesOnceAndReadsTheAnnouncements() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        HttpResponse<String> announced = civicdesk.call("supervisor", "POST", "/api/v1/announcements", "{\"texts\":{\"ro\":"
                + "\"Strada Zamca este închisă sâmbătă\",\"en\":\"Zamca Street is closed on Saturday\"},\"validFrom\":\""
                + now.minusSeconds(60) + "\",\"validUntil\":\"" + now.plusSeconds(3600) + "\"}");
        assertEquals(announced.body(), 200, announced.statusCode());
        String poll = JSON(civicdesk.call("supervisor", "POST", "/api/v1/polls", "{\"questions\":{\"ro\":\"Pistă de "
                + "biciclete pe bulevard?\"},\"options\":[{\"key\":\"da\",\"names\":{\"ro\":\"Da\"}},{\"key\":\"nu\","
                + "\"names\":{\"ro\":\"Nu\"}}],\"opensAt\":\"" + now.minusSeconds(60) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\"}").body()).get("id").asText();
        String citizen = JSON(civicdesk.call("operator", "GET", "/api/v1/citizens?cnp=2820315350028&reason=test", null).body())
                .get("items").get(0).get("id").asText();
        String pin = JSON(civicdesk.call("operator", "POST", "/api/v1/citizens/" + citizen + "/pin", null).body())
                .get("pin").asText();

        browser.get(civicdesk.url("/portal/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcements"), "Strada Zamca este închisă"));
        browser.get(civicdesk.url("/portal/polls"));
        for (int attempt = 0; attempt < 2; attempt++) {
            wait.until(ExpectedConditions.elementToBeClickable(By.id("choice-" + poll + "-da"))).click();
            browser.findElement(By.id("cnp-" + poll)).sendKeys("2820315350028");
            browser.findElement(By.id("pin-" + poll)).sendKeys(pin);
            browser.findElement(By.id("vote-" + poll)).click();
            if (attempt == 0) {
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voted-" + poll)));
                screenshot("portal-voted");
                browser.navigate().refresh();
            }
        }
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vote-error-" + poll)));
        assertTrue(refused.getText(), refused.getText().contains("Ați votat deja"));
    }

    /**
     * The e-mails' links: {@code ?track=CODE} opens the request's tracking with nothing to type, and once it is closed
     * {@code ?rate=CODE} opens its rating form, answered by keyboard alone; an error is shown at its field and announced.
     */
    @Test
    public void theMailedLinksOpenTheRequestAndItsRatingFormWhichACitizenAnswersByKeyboard() throws Exception {
        HttpResponse<String> filed = civicdesk.call("operator", "POST", "/api/v1/requests", "{\"type\":\"pothole\","
                + "\"channel\":\"phone\",\"citizen\":{\"cnp\":\"2550720350038\",\"firstName\":\"Elena\",\"lastName\":"
                + "\"Ionescu\",\"address\":\"Str. Mihai Viteazu 5\"},\"description\":\"Groapă în fața porții\"}");
        assertEquals(filed.body(), 201, filed.statusCode());
        String number = JSON(filed.body()).get("number").asText();
        String code = JSON(filed.body()).get("trackingCode").asText();

        browser.get(civicdesk.url("/portal/?track=" + code));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-status"), "Înregistrată"));
        assertTrue(browser.findElement(By.id("follow-result")).getText().contains(number));
        assertEquals("the address names the screen", civicdesk.url("/portal/follow/" + code), browser.getCurrentUrl());
        assertTrue("no rating form while it is open", browser.findElements(By.id("rate-form")).isEmpty());

        for (String status : List.of("in_progress", "resolved")) {
            HttpResponse<String> changed = civicdesk.call("supervisor", "POST", "/api/v1/requests/" + number + "/events",
                    "{\"kind\":\"status\",\"status\":\"" + status + "\"}");
            assertEquals(changed.body(), 201, changed.statusCode());
        }
        browser.get(civicdesk.url("/portal/?rate=" + code));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-form")));
        wait.until(d -> "rate-score-1".equals(d.switchTo().activeElement().getAttribute("id")));
        // Sent with no score: the error is at the scores, announced on the status line, and the focus goes back there.
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("rate-send", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-score-error")));
        assertEquals("Alegeți o notă de la 1 la 5.", error.getText());
        assertEquals(error.getText(), browser.findElement(By.id("status")).getText());
        assertEquals("true", browser.findElement(By.id("rate-scores")).getAttribute("aria-invalid"));
        assertEquals("rate-score-1", browser.switchTo().activeElement().getAttribute("id"));
        List<String> problems = new ArrayList<>(wcagViolations("ro rating form with an error"));
        screenshot("portal-rating-error");

        WebElement active = browser.switchTo().activeElement();
        active.sendKeys(Keys.SPACE);
        for (int i = 0; i < 3; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        }
        assertTrue(browser.findElement(By.id("rate-score-4")).isSelected());
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("rate-comment", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys("Au venit a doua zi. Mulțumesc!", Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
        assertTrue(thanks.getText(), thanks.getText().contains("4/5"));
        screenshot("portal-rated");
        JsonNode stored = JSON(civicdesk.call("operator", "GET", "/api/v1/requests/" + number, null).body()).get("rating");
        assertEquals(4, stored.get("score").asInt());
        assertEquals("Au venit a doua zi. Mulțumesc!", stored.get("comment").asText());

        // Rated once: the link now shows the rating given, in English too.
        browser.get(civicdesk.url("/portal/?rate=" + code));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("lang")))).selectByValue("en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rated"), "Your rating: 4/5"));
        assertTrue(browser.findElements(By.id("rate-form")).isEmpty());
        problems.addAll(wcagViolations("en rated request"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("ro");
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /**
     * A citizen books an appointment at a counter (feature {@code civicdesk-appointments}): a service, a day with free
     * times, a time by keyboard, the CNP and the PIN; sent without a time, or with a wrong PIN, the error is at its field.
     */
    @Test
    public void aCitizenBooksAnAppointmentWithCnpAndPin() throws Exception {
        String ion = "1800101350018";
        String citizen = JSON(civicdesk.call("operator", "GET", "/api/v1/citizens?cnp=" + ion + "&reason=test", null).body())
                .get("items").get(0).get("id").asText();
        String pin = JSON(civicdesk.call("operator", "POST", "/api/v1/citizens/" + citizen + "/pin", null).body())
                .get("pin").asText();
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Bucharest")).plusDays(1);
        JsonNode slots = JSON(civicdesk.call("operator", "GET", "/api/v1/appointments/slots?service=id-card&from=" + tomorrow
                + "&to=" + tomorrow.plusDays(13), null).body());
        String day = slots.get(0).get("localStart").asText().substring(0, 10);

        browser.get(civicdesk.url("/portal/appointments"));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("appt-service")))).selectByValue("id-card");
        WebElement date = browser.findElement(By.id("appt-date"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", date, day);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appt-slot-0")));
        // Sent without a time: the error is at the times, and said.
        browser.findElement(By.id("appt-book")).sendKeys(Keys.ENTER);
        WebElement noTime = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appt-start-error")));
        assertEquals("Alegeți o oră liberă.", noTime.getText());
        assertEquals("true", browser.findElement(By.id("appt-times")).getAttribute("aria-invalid"));
        assertEquals("appt-slot-0", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertTrue(browser.findElement(By.id("appt-slot-0")).isSelected());
        browser.findElement(By.id("appt-cnp")).sendKeys(ion);
        browser.findElement(By.id("appt-pin")).sendKeys("000000".equals(pin) ? "111111" : "000000", Keys.ENTER);
        WebElement wrong = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appt-pin-error")));
        assertEquals("CNP-ul sau PIN-ul nu este corect.", wrong.getText());
        assertEquals("true", browser.findElement(By.id("appt-pin")).getAttribute("aria-invalid"));
        List<String> problems = new ArrayList<>(wcagViolations("ro appointment form with an error"));
        screenshot("portal-appointment-error");

        WebElement pinField = browser.findElement(By.id("appt-pin"));
        pinField.clear();
        pinField.sendKeys(pin, Keys.ENTER);
        WebElement booked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appt-booked")));
        assertTrue(booked.getText(), booked.getText().contains("Carte de identitate"));
        assertTrue(booked.getText(), booked.getText().contains("Ghișeul 2, parter"));
        screenshot("portal-appointment-booked");
        JsonNode mine = JSON(civicdesk.call("operator", "GET", "/api/v1/appointments?citizenId=" + citizen, null).body());
        assertEquals(1, mine.size());
        assertEquals("web", mine.get(0).get("channel").asText());
        assertEquals(slots.get(0).get("start").asText(), mine.get(0).get("start").asText());
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /** The demo is a living city: polls with votes (one already counted), calls in the call log that filed nothing. */
    @Test
    public void theDemoCityHasPollsWithVotesAndACallLog() throws Exception {
        JsonNode polls = JSON(civicdesk.call("supervisor", "GET", "/api/v1/polls", null).body());
        JsonNode saturday = null;
        for (JsonNode poll : polls) {
            if (poll.toString().contains("sâmbăta")) {
                saturday = poll;
            }
        }
        assertNotNull(polls.toString(), saturday);
        browser.get(civicdesk.url("/portal/polls"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Parcul Zamca"));
        // The short poll closes soon after the demo is seeded (RunningDistribution): then its count shows the demo's votes.
        Instant closes = Instant.parse(saturday.get("closesAt").asText());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), closes.plusSeconds(1)).toMillis()));
        JsonNode results = JSON(civicdesk.call("supervisor", "GET", "/api/v1/polls/" + saturday.get("id").asText()
                + "/results", null).body());
        assertTrue(results.toString(), results.get("total").asLong() > 10);

        Instant now = Instant.now();
        JsonNode calls = JSON(civicdesk.call("supervisor", "GET", "/api/v1/interactions?from=" + now.minus(Duration.ofDays(1))
                + "&to=" + now, null).body());
        Set<String> outcomes = new java.util.HashSet<>();
        calls.forEach(c -> outcomes.add(c.get("outcome").asText()));
        assertTrue(outcomes.toString(), outcomes.contains("request_filed") && outcomes.size() >= 3);
    }

    /** A refusal is shown at its field, which gets the focus, and said for screen readers; nothing is filed. */
    @Test
    public void aRefusedReportShowsTheErrorAtItsField() throws Exception {
        long before = JSON(civicdesk.call("operator", "GET", "/api/v1/requests?limit=1", null).body()).get("total").asLong();
        browser.get(civicdesk.url("/portal/report"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send"))).click();
        // No category: said at the category, before anything is sent.
        WebElement categoryError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("category-error")));
        assertEquals("Alegeți categoria problemei.", categoryError.getText());
        WebElement category = browser.findElement(By.id("category"));
        assertEquals("category", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals("true", category.getAttribute("aria-invalid"));
        assertTrue(category.getAttribute("aria-describedby").contains("category-error"));

        new Select(category).selectByValue("pothole");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attr-depth"))).sendKeys("10");
        browser.findElement(By.id("description")).sendKeys("Groapă lângă bordură");
        browser.findElement(By.id("lat")).sendKeys("47.6512");
        browser.findElement(By.id("lon")).sendKeys("26.2577");
        browser.findElement(By.id("email")).sendKeys("nu-este-o-adresa");
        browser.findElement(By.id("send")).click();
        // The server's refusal, in the portal's language, at the e-mail field; the earlier message is gone.
        WebElement emailError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        assertTrue(emailError.getText(), emailError.getText().contains("adresă de e-mail"));
        assertEquals("email", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals("true", browser.findElement(By.id("email")).getAttribute("aria-invalid"));
        assertTrue(browser.findElements(By.id("category-error")).isEmpty());
        assertEquals(null, category.getAttribute("aria-invalid"));
        assertEquals(emailError.getText(), browser.findElement(By.id("status")).getText());
        assertTrue(String.join("\n", wcagViolations("a refused report")), wcagViolations("a refused report").isEmpty());
        screenshot("portal-field-error");
        assertEquals("nothing filed", before,
                JSON(civicdesk.call("operator", "GET", "/api/v1/requests?limit=1", null).body()).get("total").asLong());
    }

    /** Each screen passes axe-core's WCAG 2.1 A and AA rules, on a phone and in both languages. */
    @Test
    public void everyScreenPassesTheWcagChecks() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("ro", "en")) {
            for (String screen : List.of("", "report", "follow", "reports", "help", "polls", "appointments")) {
                browser.get(civicdesk.url("/portal/" + screen));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
                if (!language.equals(new Select(browser.findElement(By.id("lang"))).getFirstSelectedOption()
                        .getAttribute("value"))) {
                    new Select(browser.findElement(By.id("lang"))).selectByValue(language);
                }
                if (screen.equals("report")) {
                    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("category")))).selectByValue("pothole");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attr-depth")));
                }
                if (screen.equals("appointments")) {
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appt-form")));
                }
                if (screen.equals("reports")) {
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reports-table tbody tr")));
                }
                problems.addAll(wcagViolations(language + " /portal/" + screen));
                // Reflow (WCAG 1.4.10): on a phone, narrower than a 1280-pixel screen at 200 %, nothing scrolls sideways.
                Number wide = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (wide.intValue() > 0) {
                    problems.add(language + " /portal/" + screen + " scrolls sideways by " + wide + " px");
                }
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /**
     * The focus ring stands out at 3:1 or more (WCAG 1.4.11) against what it is drawn on: the light page and the blue
     * bar and buttons. It has two tones; one of them must do it on each.
     */
    @Test
    public void theFocusRingStandsOutOnThePageAndOnTheBar() throws Exception {
        browser.get(civicdesk.url("/portal/follow"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("main input")));
        field.click();
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.activeElement).outlineColor;");
        String shadow = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.activeElement).boxShadow;");
        double[] white = {255, 255, 255};
        double[] panel = {0xf2, 0xf3, 0xf5};
        double[] bar = {0x0b, 0x4f, 0x8a};
        double[] ring = rgb(outline);
        double[] halo = rgb(shadow);
        assertTrue(outline + " on white", Math.max(contrast(ring, white), contrast(halo, white)) >= 3);
        assertTrue(outline + " on the grey panel", Math.max(contrast(ring, panel), contrast(halo, panel)) >= 3);
        assertTrue(shadow + " on the blue bar", Math.max(contrast(ring, bar), contrast(halo, bar)) >= 3);
    }

    /** The first rgb(…) colour of a computed style. */
    private static double[] rgb(String css) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(css);
        assertTrue(css, m.find());
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    /** WCAG's contrast ratio of two colours. */
    private static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static JsonNode JSON(String body) throws Exception {
        return CivicDeskTestSupport.JSON.readTree(body);
    }

    private static String post(String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(civicdesk.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(response.body(), 200, response.statusCode());
        return response.body();
    }

    /** The zoom level of the tiles the map shows on top (Leaflet keeps the level in view above the others), or null. */
    private static Long shownZoom(WebDriver driver) {
        Object zoom = ((JavascriptExecutor) driver).executeScript(
                "const levels = [...document.querySelectorAll('#map .leaflet-tile-container')]"
                + ".sort((a, b) => Number(b.style.zIndex) - Number(a.style.zIndex));"
                + "const tile = levels.length ? levels[0].querySelector('img.leaflet-tile[src]') : null;"
                + "return tile ? Number(tile.getAttribute('src').split('/')[3]) : null;");
        return zoom == null ? null : ((Number) zoom).longValue();
    }
}
