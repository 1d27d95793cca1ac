package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The e-mail channel end to end, as people use it (issue 15): a citizen's e-mail arrives in the city's mailbox
 * (GreenMail), the e-mail channel installed and enabled files it, a supervisor finds the request in the console and
 * replies from the request screen with the keyboard, and the citizen's mailbox holds the reply with the number. The
 * distribution runs as an administrator runs it; the browser is Debian's headless Chromium; axe checks the request
 * screen with its reply form.
 */
public class EmailBrowserIT extends BrowserTestSupport {
    private static final String CITY = "cereri@primarie.example.ro";
    private static final String CITY_LOGIN = "cereri";
    private static final String CITY_PASSWORD = "secret-cereri";
    private static final String CITIZEN = "maria.popescu@example.com";

    private static GreenMail mail;
    private static RunningDistribution civicdesk;

    @BeforeClass
    public static void startCivicDesk() throws Exception {
        int smtp = CivicDeskTestSupport.freePort();
        int imap = CivicDeskTestSupport.freePort();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.setUser(CITY, CITY_LOGIN, CITY_PASSWORD);
        mail.start();
        civicdesk = RunningDistribution.start("email-browser-it", Map.of(
                "org.civicdesk.channel.email.cfg", Map.ofEntries(Map.entry("enabled", "true"),
                        Map.entry("imap.host", "127.0.0.1"), Map.entry("imap.port", Integer.toString(imap)),
                        Map.entry("imap.user", CITY_LOGIN), Map.entry("imap.password", CITY_PASSWORD),
                        Map.entry("imap.security", "none"), Map.entry("smtp.host", "127.0.0.1"),
                        Map.entry("smtp.port", Integer.toString(smtp)), Map.entry("smtp.user", CITY_LOGIN),
                        Map.entry("smtp.password", CITY_PASSWORD), Map.entry("smtp.security", "none"),
                        Map.entry("from", CITY), Map.entry("pollSeconds", "1")),
                "org.civicdesk.notification.cfg", Map.of("enabled", "true", "smtp.host", "127.0.0.1",
                        "smtp.port", Integer.toString(smtp), "from", "Primăria <noreply@primarie.example.ro>",
                        "replyTo", CITY, "civicdesk.job.period", "1000")));
        // Installed as an administrator installs a channel: at run time, from the distribution's own repository.
        String out = civicdesk.shell("feature:install civicdesk-channel-email");
        assertFalse(out, out.contains("Error"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterClass
    public static void stopCivicDesk() throws Exception {
        if (civicdesk != null) {
            civicdesk.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    public void aCitizensEmailIsAnsweredFromTheConsoleAndTheReplyReachesTheirMailbox() throws Exception {
        String token = "zamca" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // To the roads' alias of the one mailbox: a pothole, the supervisor's department.
        citizenWrites("Maria Popescu <" + CITIZEN + ">", "cereri+pothole@primarie.example.ro",
                "Groapă pe Str. Zamca " + token, "Bună ziua,\nPe Str. Zamca nr. 12 este o groapă adâncă.\nMaria Popescu");

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
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-text"))).sendKeys(token, Keys.TAB);
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
        MimeMessage received = null;
        deadline = System.currentTimeMillis() + 60_000;
        while (received == null && System.currentTimeMillis() < deadline) {
            for (MimeMessage m : mail.getReceivedMessagesForDomain("example.com")) {
                if (m.getSubject() != null && m.getSubject().startsWith("[" + number + "]")) {
                    received = m;
                }
            }
            Thread.sleep(250);
        }
        assertTrue("the reply reached " + CITIZEN, received != null);
        assertEquals(CITIZEN, ((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        String body = ((String) received.getContent()).replace("\r\n", "\n");
        assertTrue(body, body.contains(reply));
        assertEquals(CITY, ((InternetAddress) received.getReplyTo()[0]).getAddress());

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

    /** A citizen's message delivered over SMTP into the city's one mailbox, addressed to {@code to} (an alias of it). */
    private static void citizenWrites(String from, String to, String subject, String text) throws Exception {
        Session session = Session.getInstance(new java.util.Properties());
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", mail.getSmtp().getPort(), null, null);
            transport.sendMessage(m, new Address[] {new InternetAddress(CITY)});
        }
    }

    private void logIn(String user) throws Exception {
        browser.get(civicdesk.url("/console/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(user, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("login-user")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
    }
}
