package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The reports dashboard of the console (issue 16 §3) in a real headless Chromium against the assembled
 * distribution: a supervisor runs {@code requests-by-type} for this year, sees its table and its chart (Chart.js
 * served by the console's bundle, fetched only on this screen), and follows a figure to the request list behind
 * it; an operator has no Reports menu and runs no report. Feature {@code civicdesk-reports} is one of the
 * distribution's boot features (ReportsIT relies on the same): nothing is installed here, and the class stops at
 * once if the reports API is missing.
 */
public class DashboardBrowserIT extends BrowserTestSupport {
    private static final String CHART_JS = "/console/vendor/chartjs/chart.umd.min.js";
    private static RunningDistribution civicdesk;

    @BeforeClass
    public static void startCivicDesk() throws Exception {
        civicdesk = RunningDistribution.start("dashboard-it");
        HttpResponse<String> reports = civicdesk.call("supervisor", "GET", "/api/v1/reports", null);
        assertEquals("feature civicdesk-reports boots with the distribution: " + reports.body(), 200, reports.statusCode());
        assertTrue(reports.body(), reports.body().contains("\"requests-by-type\""));
    }

    @AfterClass
    public static void stopCivicDesk() throws Exception {
        if (civicdesk != null) {
            civicdesk.close();
        }
    }

    @Test
    public void aSupervisorRunsAReportSeesItsChartAndFollowsAFigureToTheRequests() throws Exception {
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
            assertEquals(row.getText(), status, td.get(2).getText());
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
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The query parameters of a link's address, decoded. */
    private static Map<String, String> queryOf(String href) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = Pattern.compile("[?&]([^=&]+)=([^&]*)").matcher(href);
        while (m.find()) {
            out.put(m.group(1), java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
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
