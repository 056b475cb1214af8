package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.icakg.support.Browser;
import org.icakg.support.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An analyst in a real (headless) browser: searching, following links, and looking at the pictures. */
class BrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.withData(Path.of("src/test/resources/fixtures/browse"));

    static WebDriver web() { return browser.driver(); }

    @Test
    void searching_for_kazakh_from_the_home_page_reaches_kazakhstan() {
        web().get(server.url("/"));
        WebElement box = web().findElement(By.id("home-q"));
        box.sendKeys("Kazakh", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/search"));
        WebElement first = web().findElements(By.cssSelector("ol.hits a.hit")).get(0);
        assertEquals("Kazakhstan", first.getText());
        first.click();
        browser.waiting().until(ExpectedConditions.urlContains("/id/state/kazakhstan"));
        assertEquals("Kazakhstan", web().findElement(By.id("label")).getText());
    }

    @Test
    void an_incoming_link_leads_to_the_entity_that_points_here() {
        web().get(server.url("/id/state/kazakhstan"));
        WebElement link = web().findElement(By.xpath("//table[@id='incoming']//a[text()='Kazakhstan Railways']"));
        link.click();
        browser.waiting().until(ExpectedConditions.urlContains("/id/organisation/kazakhstan-railways"));
        assertEquals("Kazakhstan Railways", web().findElement(By.id("label")).getText());
    }

    @Test
    void the_neighbourhood_graph_is_drawn_with_the_neighbours() {
        web().get(server.url("/id/state/kazakhstan"));
        browser.waiting().until(d -> d.findElement(By.id("graph")).getAttribute("data-nodes") != null);
        assertFalse(web().findElements(By.cssSelector("#graph canvas")).isEmpty(), "Cytoscape draws on a canvas");
        long nodes = (Long) ((JavascriptExecutor) web()).executeScript("return window.icaGraph.nodes().length");
        assertTrue(nodes >= 5, "Kazakhstan and its neighbours, got " + nodes);
        Object names = ((JavascriptExecutor) web()).executeScript("return window.icaGraph.nodes().map(n => n.data('label'))");
        assertTrue(names.toString().contains("4th India–Central Asia Dialogue"), names.toString());
    }

    @Test
    void the_timeline_shows_the_dated_meetings_and_commitments() {
        web().get(server.url("/timeline"));
        assertEquals(3, web().findElements(By.cssSelector("#timeline-chart circle.event")).size());
        String list = web().findElement(By.id("timeline-list")).getText();
        assertTrue(list.indexOf("1st India–Central Asia Dialogue") < list.indexOf("4th India–Central Asia Dialogue"), list);
        assertTrue(list.contains("Hold regular consultations"), list);
    }

    @Test
    void the_map_draws_the_states_and_links_them_to_their_pages() {
        web().get(server.url("/map"));
        WebElement kazakhstan = web().findElement(By.cssSelector("#map a[href='/id/state/kazakhstan'] path"));
        assertTrue(kazakhstan.getSize().getWidth() > 50, "Kazakhstan is drawn large enough to click");
        assertEquals(7, web().findElements(By.cssSelector("#map a.state-link")).size(), "the seven states of the data");
        assertFalse(web().findElements(By.cssSelector("#map path.corridor")).isEmpty());
    }

    @Test
    void a_label_with_a_script_tag_is_shown_as_text_and_not_run() {
        web().get(server.url("/id/test/hostile"));
        String heading = web().findElement(By.id("label")).getText();
        assertTrue(heading.startsWith("<script>window.injected"), heading);
        browser.waiting().until(d -> d.findElement(By.id("graph")).getAttribute("data-nodes") != null);
        Object injected = ((JavascriptExecutor) web()).executeScript("return window.injected === true");
        assertEquals(Boolean.FALSE, injected);
        assertNotEquals("injected", web().getTitle());
        assertTrue(web().findElements(By.cssSelector("a[href^='javascript:']")).isEmpty(), "no javascript: link");
    }
}
