package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.icakg.support.Browser;
import org.icakg.support.ServerExtension;
import org.icakg.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A maintainer's browser opening hostile links: error pages that reflect the request, a search for script, and
 * entity pages of data holding {@code javascript:} IRIs. No payload runs (each would set {@code window.__pwned} or
 * the title), and clicking the script IRIs goes nowhere because they are not links.
 */
class NoScriptBrowserTest {

    static final String SCRIPT = "<script>window.__pwned=1;document.title='pwned'</script>";
    static final String IMG = "\"><img src=x onerror=\"window.__pwned=2;document.title='pwned'\">";

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Path.of("src/test/resources/fixtures/unsafe-links"));

    static WebDriver web() { return browser.driver(); }

    private void open(String path) {
        web().get(server.url(path));
        browser.waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void assertNothingRan(String path) {
        Object pwned = ((JavascriptExecutor) web()).executeScript("return window.__pwned === undefined ? null : window.__pwned");
        assertNull(pwned, path + " ran a payload");
        assertNotEquals("pwned", web().getTitle(), path + " ran a payload that set the title");
    }

    @Test
    void error_pages_that_reflect_the_request_run_no_script() {
        for (String path : List.of(
                "/id/state/kazakhstan?format=" + TestServer.enc(SCRIPT),
                "/id/state/kazakhstan?page=" + TestServer.enc(IMG),
                "/class?iri=" + TestServer.enc("https://example.org/" + SCRIPT),
                "/no-such-page/" + TestServer.enc(IMG).replace("+", "%20"),
                "/graph.json?iri=" + TestServer.enc(SCRIPT),
                "/audit?limit=" + TestServer.enc(SCRIPT),
                "/sparql?query=" + TestServer.enc("SELECT " + SCRIPT))) {
            open(path);
            assertNothingRan(path);
        }
        open("/id/state/kazakhstan?format=" + TestServer.enc(SCRIPT));
        assertTrue(web().findElement(By.cssSelector("p.problem")).getText().contains(SCRIPT),
                "the payload is shown as text on the error page");
    }

    @Test
    void a_search_for_script_shows_it_as_text() {
        open("/search?q=" + TestServer.enc(IMG));
        assertNothingRan("/search");
        assertEquals(IMG, web().findElement(By.id("q")).getAttribute("value"));
    }

    @Test
    void script_iris_in_the_data_are_text_not_links_and_run_nothing_when_clicked() {
        for (String path : List.of("/", "/timeline", "/search?q=scripted", "/id/state/india", "/id/state/kazakhstan",
                "/classes", "/id/passage/ordinary")) {
            open(path);
            List<WebElement> scriptLinks = web().findElements(By.cssSelector(
                    "a[href^='javascript:' i], a[href^='data:' i], a[href^='vbscript:' i]"));
            assertTrue(scriptLinks.isEmpty(), path + " has script links");
            assertNothingRan(path);
        }
        open("/search?q=scripted");
        WebElement hit = web().findElement(By.xpath("//*[contains(@class,'hit') and text()='Scripted state']"));
        hit.click();
        assertNothingRan("a click on the script IRI");
    }

    @Test
    void pages_carry_the_policy_and_the_scripts_in_files_still_run() {
        open("/id/state/india");
        browser.waiting().until(d -> d.findElement(By.id("graph")).getAttribute("data-nodes") != null);
        assertFalse(web().findElements(By.cssSelector("#graph canvas")).isEmpty(), "the graph script ran under the CSP");
        Object inline = ((JavascriptExecutor) web()).executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.__pwned = 3';
                document.head.appendChild(s);
                return window.__pwned === undefined ? null : window.__pwned;""");
        assertNull(inline, "an inline script added to the page is blocked by the Content-Security-Policy");
    }
}
