package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.icakg.support.Browser;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The query editor in a real browser, served entirely by this server (no CDN, no other origin). */
class QueryEditorBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Fixtures.TINY);

    static WebDriver web() { return browser.driver(); }

    JavascriptExecutor js() { return (JavascriptExecutor) web(); }

    void openEditor() {
        web().get(server.url("/query"));
        browser.waiting().until(d -> js().executeScript("return document.body.getAttribute('data-examples-loaded')") != null);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
    }

    @Test
    void a_query_typed_in_the_editor_runs_against_this_endpoint_and_shows_a_table() {
        openEditor();
        js().executeScript("window.icaYasgui.getTab().getYasqe().setValue(arguments[0])",
                "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label");
        web().findElement(By.cssSelector(".yasqe_queryButton")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".yasr"), "Kazakhstan"));
        assertTrue(web().findElement(By.cssSelector(".yasr")).getText().contains("India"));
    }

    @Test
    void numeric_results_can_be_shown_as_a_bar_chart() {
        openEditor();
        js().executeScript("window.icaYasgui.getTab().getYasqe().setValue(arguments[0])",
                "SELECT ?s (COUNT(*) AS ?statements) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?statements) LIMIT 5");
        web().findElement(By.cssSelector(".yasqe_queryButton")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasr .select_chart")));
        web().findElement(By.cssSelector(".yasr .select_chart")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.ica-chart rect")));
        assertTrue(web().findElements(By.cssSelector("svg.ica-chart rect")).size() >= 2);
    }

    @Test
    void the_competency_questions_are_offered_as_examples_and_load_into_the_editor() {
        openEditor();
        List<?> buttons = web().findElements(By.cssSelector("button.example"));
        assertEquals(18, buttons.size(), "one example per competency question");
        web().findElements(By.cssSelector("button.example")).get(0).click();
        String value = (String) js().executeScript("return window.icaYasgui.getTab().getYasqe().getValue()");
        assertTrue(value.contains("SELECT"), value);
        assertTrue(value.contains("# title:"), "the first competency question is in the editor: " + value);
    }

    @Test
    void every_file_the_editor_loads_comes_from_this_server() {
        openEditor();
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js().executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".concat([document.location.href])");
        String origin = server.url("");
        for (String url : urls)
            assertTrue(url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:"),
                    "loaded from elsewhere: " + url);
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/assets/yasgui.min.js")));
    }
}
