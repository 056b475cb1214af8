package org.icakg.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.icakg.support.Browser;
import org.icakg.cli.Main;
import org.icakg.support.Maintainer;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.sun.net.httpserver.HttpServer;

/**
 * A maintainer's whole flow in a real Chromium, as the issue's "done when" says: register a two-sentence article;
 * add a meeting with its required forum missing and see the error next to the field (live, then on submitting), fix
 * it and write it, with the city it was held in created inline; in the second passage add a corridor and a
 * commitment made at that meeting and concerning that corridor, both found by autocompletion, the commitment's
 * required status first missing; open each entity page and find every new statement with its passage; then export
 * the store and validate the files. A form on another origin posting to the workbench is refused.
 * <p>
 * With {@code -Dworkbench.screenshots=DIR} (see the README, section "Workbench") the test also saves the pictures of
 * the README there; they are not part of what it asserts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    static final String FIRST = "The 5th India–Central Asia Dialogue met in Almaty in March 2026.",
            SECOND = "India agreed with its partners to study a Steppe Corridor through Kazakhstan.";
    static final String TEXT = FIRST + " " + SECOND;

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path dir;
    static TestServer running;
    static WorkbenchClient wb;
    static WebDriver web;
    static Path store, texts;

    @BeforeAll
    static void start() throws IOException {
        web = browser.start();
        store = dir.resolve("store");
        texts = dir.resolve("texts");
        Files.createDirectories(texts);
        try (var bundled = Files.list(Path.of("sources"))) {
            for (Path f : bundled.toList())
                Files.copy(f, texts.resolve(f.getFileName()));
        }
        Path users = Maintainer.usersFile(dir);
        running = TestServer.start(c -> c.withStore(store).withUsersFile(users).withSources(texts));
        wb = new WorkbenchClient(running);
        // The credentials in the first address are kept by the browser for the server, as after a login prompt.
        web.get(wb.server.url("/workbench").replace("://", "://" + Maintainer.USER + ":" + Maintainer.PASSWORD + "@"));
    }

    @AfterAll
    static void stop() {
        browser.close();
        if (running != null)
            running.close();
    }

    private static void open(String path) {
        web.get(wb.server.url(path));
        ready();
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and waits, as a user does, until that page has
     * replaced this one and loaded: the page before stays "complete" until the browser leaves it.
     */
    private static void follow(WebElement e) {
        WebElement before = web.findElement(By.tagName("html"));
        e.click();
        browser.waiting().until(d -> left(before));
        ready();
    }

    /**
     * Whether the page that held {@code before} has been left. While the browser replaces the document, Chrome can
     * answer a question about an element of the old one with "Node with given id does not belong to the document",
     * a plain {@link WebDriverException} that {@code ExpectedConditions.stalenessOf} does not take for staleness and
     * throws: that answer, too, says the page was left.
     */
    private static boolean left(WebElement before) {
        try {
            before.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document"))
                return true;
            throw e;
        }
    }

    private static void ready() {
        browser.waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void type(String id, String text) {
        WebElement e = web.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static void screenshot(String name) {
        String to = System.getProperty("workbench.screenshots");
        if (to == null || to.isBlank())
            return;
        try {
            Files.createDirectories(Path.of(to));
            Files.write(Path.of(to, "workbench-" + name + ".png"), ((TakesScreenshot) web).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void a_maintainer_registers_a_source_states_a_meeting_fixes_a_missing_field_and_finds_it_with_its_passage() {
        open("/workbench/sources/new");
        type("title", "Almaty dialogue");
        type("publisher", "Steppe News");
        type("date", "2026-03");
        type("url", "https://example.org/almaty-dialogue");
        type("licence", "https://creativecommons.org/licenses/by/4.0/");
        type("text", TEXT);
        follow(web.findElement(By.cssSelector("button[value=split]")));
        String passages = web.findElement(By.id("passages")).getAttribute("value");
        assertEquals(List.of(FIRST, SECOND), List.of(passages.split("\n\n")));
        screenshot("1-source");
        follow(web.findElement(By.cssSelector("button[value=register]")));
        browser.waiting().until(ExpectedConditions.urlContains("/workbench/changes/"));
        assertTrue(web.getPageSource().contains("Almaty dialogue, passage 2"));

        follow(web.findElements(By.cssSelector("a.add-statements")).get(0));
        new Select(web.findElement(By.id("class"))).selectByVisibleText("meeting");
        follow(web.findElement(By.cssSelector("#new-entity button")));
        type("f-rdfs-label-0", "5th India–Central Asia Dialogue");
        type("f-ica-date-0", "2026-03");
        WebElement meetingOf = web.findElement(By.cssSelector(".field[data-field='ica:meetingOf']"));
        // The live check (a dry run while typing) puts the missing forum next to its field.
        browser.waiting().until(d -> meetingOf.getAttribute("class").contains("bad"));
        assertTrue(meetingOf.findElement(By.cssSelector(".problems")).getText().contains("A meeting is a session of exactly one forum"));
        screenshot("2-live-check");

        follow(web.findElement(By.cssSelector("button[value=commit]")));
        WebElement refused = web.findElement(By.cssSelector(".field[data-field='ica:meetingOf']"));
        assertTrue(refused.getAttribute("class").contains("bad"), "the 422 page marks the field at fault");
        assertEquals("5th India–Central Asia Dialogue", web.findElement(By.id("f-rdfs-label-0")).getAttribute("value"),
                "what was typed is kept");

        type("f-ica-meetingOf-0", "India-Central Asia Dia");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#f-ica-meetingOf-0-list option")).stream()
                .anyMatch(o -> "India–Central Asia Dialogue".equals(o.getAttribute("value"))));
        type("f-ica-meetingOf-0", "India–Central Asia Dialogue");
        type("f-ica-heldIn-0", "Almaty");
        web.findElement(By.name("new.ica:heldIn.0")).click();
        browser.waiting().until(d -> d.findElement(By.id("live-status")).getText().contains("it would conform"));
        screenshot("3-form");
        follow(web.findElement(By.cssSelector("button[value=commit]")));
        browser.waiting().until(ExpectedConditions.urlContains("/workbench/changes/"));
        assertTrue(web.getPageSource().contains("meeting of"));
        screenshot("4-change");

        follow(web.findElement(By.linkText("5th India–Central Asia Dialogue")));
        browser.waiting().until(ExpectedConditions.urlMatches("/id/meeting/5th-india-central-asia-dialogue$"));
        assertTrue(web.findElement(By.tagName("main")).getText().contains(FIRST), "the passage is the source");
        screenshot("5-entity");
    }

    @Test
    @Order(2)
    void in_the_second_passage_a_corridor_and_a_commitment_made_at_the_meeting_concerning_it_are_added() {
        open("/workbench/source?iri=" + TestServer.enc("https://w3id.org/ica-kg/id/document/almaty-dialogue"));
        follow(web.findElements(By.cssSelector("a.add-statements")).get(1));
        String passage = web.getCurrentUrl();
        assertTrue(web.findElement(By.tagName("main")).getText().contains(SECOND), "the second passage");

        new Select(web.findElement(By.id("class"))).selectByVisibleText("corridor");
        follow(web.findElement(By.cssSelector("#new-entity button")));
        type("f-rdfs-label-0", "Steppe Corridor");
        pick("f-ica-runsThrough-0", "Kazakh", "Kazakhstan");
        browser.waiting().until(d -> d.findElement(By.id("live-status")).getText().contains("it would conform"));
        follow(web.findElement(By.cssSelector("button[value=commit]")));
        browser.waiting().until(ExpectedConditions.urlContains("/workbench/changes/"));

        web.get(passage);
        ready();
        new Select(web.findElement(By.id("class"))).selectByVisibleText("commitment");
        follow(web.findElement(By.cssSelector("#new-entity button")));
        type("f-rdfs-label-0", "Study of the Steppe Corridor");
        pick("f-ica-madeAt-0", "5th India", "5th India–Central Asia Dialogue");
        pick("f-ica-party-0", "India", "India");
        pick("f-ica-concerns-0", "Steppe Cor", "Steppe Corridor");
        WebElement status = web.findElement(By.cssSelector(".field[data-field='ica:status']"));
        browser.waiting().until(d -> status.getAttribute("class").contains("bad"));
        assertTrue(status.findElement(By.cssSelector(".problems")).getText().contains("A commitment has exactly one status"));
        new Select(web.findElement(By.id("f-ica-status-0"))).selectByVisibleText("agreed");
        browser.waiting().until(d -> d.findElement(By.id("live-status")).getText().contains("it would conform"));
        follow(web.findElement(By.cssSelector("button[value=commit]")));
        browser.waiting().until(ExpectedConditions.urlContains("/workbench/changes/"));

        assertStated("/id/meeting/5th-india-central-asia-dialogue", "meeting of", "India–Central Asia Dialogue", FIRST);
        assertStated("/id/meeting/5th-india-central-asia-dialogue", "held in", "Almaty", FIRST);
        assertStated("/id/meeting/5th-india-central-asia-dialogue", "date", "2026-03", FIRST);
        assertStated("/id/corridor/steppe-corridor", "runs through", "Kazakhstan", SECOND);
        assertStated("/id/commitment/study-of-the-steppe-corridor", "made at", "5th India–Central Asia Dialogue", SECOND);
        assertStated("/id/commitment/study-of-the-steppe-corridor", "party", "India", SECOND);
        assertStated("/id/commitment/study-of-the-steppe-corridor", "status", "agreed", SECOND);
        assertStated("/id/commitment/study-of-the-steppe-corridor", "concerns", "Steppe Corridor", SECOND);

        // A correction in the passage that made the statement: the status was "proposed", not "agreed".
        web.get(passage);
        ready();
        follow(web.findElements(By.cssSelector("a.edit-statements")).stream()
                .filter(a -> a.getAttribute("href").contains("study-of-the-steppe-corridor")).findFirst().orElseThrow());
        web.findElement(By.name("del.ica:status")).click();
        new Select(web.findElement(By.id("f-ica-status-0"))).selectByVisibleText("proposed");
        browser.waiting().until(d -> d.findElement(By.id("live-status")).getText().contains("it would conform"));
        screenshot("6-correct");
        follow(web.findElement(By.cssSelector("button[value=commit]")));
        String change = web.findElement(By.tagName("main")).getText().toLowerCase(java.util.Locale.ROOT);
        assertTrue(change.contains("removed study of the steppe corridor — status — agreed"), change);
        assertTrue(change.contains("added study of the steppe corridor — status — proposed"), change);
        assertStated("/id/commitment/study-of-the-steppe-corridor", "status", "proposed", SECOND);
    }

    /** Types the start of a name, waits for the suggestion of {@code name}, and takes it. */
    private static void pick(String id, String start, String name) {
        type(id, start);
        browser.waiting().until(d -> d.findElements(By.cssSelector("#" + id + "-list option")).stream()
                .anyMatch(o -> name.equals(o.getAttribute("value"))));
        type(id, name);
    }

    /** The entity page at {@code path} shows the statement "property — value" with {@code quote} as its source. */
    private static void assertStated(String path, String property, String value, String quote) {
        open(path);
        List<String> rows = web.findElements(By.cssSelector("#outgoing tr")).stream().map(WebElement::getText).toList();
        List<WebElement> match = web.findElements(By.cssSelector("#outgoing tr")).stream().filter(tr -> {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            return cells.size() == 3 && cells.get(0).getText().strip().equals(property)
                    && cells.get(1).getText().contains(value) && cells.get(2).getText().contains(quote);
        }).toList();
        assertFalse(match.isEmpty(), path + " shows “" + property + " — " + value + "” from “" + quote + "”; rows: " + rows);
    }

    @Test
    @Order(3)
    void a_form_on_another_origin_posting_to_the_workbench_is_refused() throws IOException {
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = "<!DOCTYPE html><form method=post action='" + wb.server.url("/workbench/sources") + "'>"
                + "<input name=title value='Forged'><input name=text value='Forged text.'>"
                + "<input name=action value=register><button id=go>go</button></form>";
        evil.createContext("/", x -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        evil.start();
        try {
            web.get("http://localhost:" + evil.getAddress().getPort() + "/");
            follow(web.findElement(By.id("go")));
            assertTrue(web.getPageSource().contains("Cross-site"), web.getPageSource());
        } finally {
            evil.stop(0);
        }
        assertEquals(404, wb.server.get("/id/document/forged").statusCode(), "nothing was written");
    }

    @Test
    @Order(4)
    void the_export_holds_the_article_and_its_statements_and_validates() throws IOException {
        running.close();
        running = null;
        Path out = dir.resolve("export");
        assertEquals(0, Main.run(new String[] {"export", "--store", store.toString(), "--out", out.toString(),
                "--sources", texts.toString()}, System.out, System.err));
        assertEquals(TEXT, Files.readString(out.resolve("sources/almaty-dialogue.txt")));
        String statements = Files.readString(out.resolve("data/almaty-dialogue.trig"));
        for (String expected : List.of("passage:almaty-dialogue-01", "passage:almaty-dialogue-02", "\"Steppe Corridor\"@en",
                "\"Study of the Steppe Corridor\"@en", "ica:madeAt", "ica:concerns", "ica:runsThrough"))
            assertTrue(statements.contains(expected), expected + " in\n" + statements);
        assertEquals(0, Main.run(new String[] {"validate", out.resolve("data").toString()}, System.out, System.err),
                "the exported files validate");
    }
}
