package io.inflow.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.node.InflowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's static files at the route level: open (no token), with the page's own
 * Content-Security-Policy, the chart library from its WebJar, and nothing outside the packaged
 * files reachable by name.
 */
class DashboardRoutesTest {
  private static InflowNode node;
  private static HttpClientSupport anonymous;

  @BeforeAll
  static void start() throws Exception {
    node = io.inflow.node.InMemoryNode.start("dashboard-routes", "");
    anonymous = new HttpClientSupport(node.apiUrl()).as(null);
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  void thePageNeedsNoTokenAndCarriesItsOwnContentSecurityPolicy() {
    var page = anonymous.get("/", "text/html");
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.raw().body().contains("<script type=\"module\" src=\"/assets/app.js\">"), page.raw().body());
    assertEquals(Dashboard.CSP, page.header("Content-Security-Policy"));
    assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
    assertEquals("DENY", page.header("X-Frame-Options"));
  }

  @Test
  void scriptsStylesAndTheChartLibraryAreServedWithTheirTypes() {
    for (String name : java.util.List.of("app.js", "api.js", "ui.js", "campaign.js", "influencer.js", "brands.js",
        "network.js")) {
      var script = anonymous.get("/assets/" + name, "*/*");
      assertEquals(200, script.status(), name);
      assertTrue(script.header("Content-Type").contains("javascript"), name + ": " + script.header("Content-Type"));
    }
    assertTrue(anonymous.get("/assets/app.css", "*/*").header("Content-Type").startsWith("text/css"));
    var echarts = anonymous.get("/assets/echarts.js", "*/*");
    assertEquals(200, echarts.status());
    assertTrue(echarts.raw().body().length() > 500_000, "the whole ECharts bundle");
    assertTrue(echarts.raw().body().contains("export"), "an ES module");
  }

  @Test
  void onlyPackagedFilesByPlainNameAreReachable() {
    for (String path : java.util.List.of("/assets/nope.js", "/assets/..%2Fapplication.conf", "/assets/.hidden.js",
        "/assets/app.conf", "/assets/%2e%2e%2flogback.xml")) {
      var reply = anonymous.get(path, "*/*");
      assertEquals(404, reply.status(), path);
      assertEquals("not_found", reply.json().get("error").asText(), path);
    }
    assertEquals(405, anonymous.post("/", "text/plain", "x").status());
    assertEquals(401, anonymous.get("/api/v1/brands").status(), "the data behind the page still needs a token");
  }
}
