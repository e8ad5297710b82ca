package io.inflow.node.live;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.protocol.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live campaign updates over real WebSocket connections to a real node (sharded entities on Pekko's
 * in-memory journal): snapshot then update, refusals, conflation for a stalled subscriber, and
 * cleanup when sockets close. Resync is off here, so every update comes through the publish path.
 * (Two nodes on Cassandra: {@code it.LiveTwoNodeIntegrationTest}.)
 */
class LiveUpdatesTest {
  private static final Logger log = LoggerFactory.getLogger(LiveUpdatesTest.class);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static InflowNode node;
  private static HttpClientSupport http;

  @BeforeAll
  static void start() throws Exception {
    node = startNode("live", "0s");
    http = new HttpClientSupport(node.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static InflowNode startNode(String name, String resyncInterval) throws IOException {
    return io.inflow.node.InMemoryNode.start(name, """
        inflow.live.min-interval = 250ms
        inflow.live.idle-timeout = 2s
        inflow.live.keep-alive = 300ms
        inflow.live.resync-interval = %s
        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
        """.formatted(resyncInterval));
  }

  static void define(HttpClientSupport http, String campaignId) {
    var reply = http.put("/api/v1/campaigns/" + campaignId, """
        {"brandId":"acme","name":"Live","budget":10000,"currency":"EUR","startsAt":"2026-11-01T00:00:00Z",
         "endsAt":"2026-12-01T00:00:00Z"}""");
    assertEquals(200, reply.status(), reply.raw().body());
  }

  static void click(HttpClientSupport http, String campaignId, String eventId) {
    var reply = http.post("/api/v1/events", "application/json", """
        {"type":"click","eventId":"%s","campaignId":"%s","influencerId":"anna","occurredAt":"2026-11-02T10:00:00Z"}"""
        .formatted(eventId, campaignId));
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals(1, reply.json().get("accepted").asInt(), reply.raw().body());
  }

  private static LiveRegistry.Stats stats(InflowNode node, String campaignId) {
    return node.services().live().stats(campaignId).toCompletableFuture().join();
  }

  @Test
  void aSubscriberGetsTheSnapshotThenAnUpdateForAnIngestedEvent() {
    define(http, "live-a");
    try (LiveClient client = LiveClient.connect(node.apiUrl(), "live-a", true)) {
      JsonNode snapshot = client.next(WAIT);
      assertNotNull(snapshot, "no snapshot");
      assertEquals("snapshot", snapshot.get("type").asText());
      assertEquals("acme", snapshot.get("campaign").get("brandId").asText());
      assertEquals(0, snapshot.get("campaign").get("clicks").asLong());
      long version = snapshot.get("version").asLong();
      assertTrue(version >= 1, snapshot.toString());

      click(http, "live-a", "live-a-1");
      JsonNode update = client.next(WAIT);
      assertNotNull(update, "no update after the ingested click");
      assertEquals("update", update.get("type").asText());
      assertEquals(version + 1, update.get("version").asLong());
      assertEquals(1, update.get("campaign").get("clicks").asLong());
      assertTrue(update.hasNonNull("persistedAt"), update.toString());
    }
  }

  @Test
  void aBrowserOffersItsTokenAsASubprotocolAndGetsInflowBack() {
    define(http, "live-browser");
    try (LiveClient client = LiveClient.connectWithTokenSubprotocol(node.apiUrl(), "live-browser",
        io.inflow.node.TestTokens.admin())) {
      assertEquals("inflow", client.subprotocol());
      JsonNode snapshot = client.next(WAIT);
      assertNotNull(snapshot, "no snapshot");
      assertEquals("snapshot", snapshot.get("type").asText());
    }
    CompletionException refused = assertThrows(CompletionException.class,
        () -> LiveClient.connectWithTokenSubprotocol(node.apiUrl(), "live-browser", "not-a-token"));
    assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
  }

  @Test
  void unknownCampaignsAre404AndPlainRequests400() throws IOException {
    CompletionException refused = assertThrows(CompletionException.class,
        () -> LiveClient.connect(node.apiUrl(), "never-heard-of", true));
    assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
    assertEquals(404, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

    // the token as a subprotocol offer, as browsers must send it on a WebSocket upgrade
    String[] raw = rawHandshake("/api/v1/campaigns/never-heard-of/live",
        "Sec-WebSocket-Protocol: inflow, bearer." + io.inflow.node.TestTokens.admin() + "\r\n");
    assertTrue(raw[0].startsWith("HTTP/1.1 404"), raw[0]);
    JsonNode error = Json.mapper().readTree(raw[1]);
    assertEquals("not_found", error.get("error").asText());
    assertTrue(error.get("message").asText().contains("never-heard-of"), raw[1]);

    var plain = http.get("/api/v1/campaigns/never-heard-of/live");
    assertEquals(400, plain.status());
    assertEquals("websocket_required", plain.json().get("error").asText());
    assertEquals(0, stats(node, "never-heard-of").localSubscribers());
  }

  @Test
  void aStalledSubscriberDelaysNobodyAndThenGetsTheLatestStateNotEveryOne() throws InterruptedException {
    define(http, "live-slow");
    try (LiveClient fast = LiveClient.connect(node.apiUrl(), "live-slow", true);
         LiveClient slow = LiveClient.connect(node.apiUrl(), "live-slow", false)) {
      long start = fast.next(WAIT).get("version").asLong();
      assertEquals(start, slow.next(WAIT).get("version").asLong());

      int clicks = 40;
      long began = System.nanoTime();
      for (int i = 1; i <= clicks; i++) {
        click(http, "live-slow", "slow-" + i);
        Thread.sleep(25);
      }
      long last = start + clicks;
      JsonNode newest = fast.awaitVersion(last, WAIT);
      double seconds = (System.nanoTime() - began) / 1e9;
      assertEquals(clicks, newest.get("campaign").get("clicks").asLong());
      assertEquals(0, slow.pending(), "the stalled client asked for nothing more, yet the fast one is done");
      List<JsonNode> fastUpdates = fast.received().subList(1, fast.received().size());
      assertStrictlyIncreasing(fastUpdates);
      assertTrue(fastUpdates.size() <= seconds / 0.25 + 2,
          fastUpdates.size() + " updates in " + seconds + " s exceed one per 250 ms");
      assertTrue(fastUpdates.size() < clicks, "intermediate states are conflated: " + fastUpdates.size());

      slow.release();
      JsonNode caughtUp = slow.awaitVersion(last, WAIT);
      assertEquals(last, caughtUp.get("version").asLong());
      assertEquals(clicks, caughtUp.get("campaign").get("clicks").asLong());
      List<JsonNode> slowUpdates = slow.received().subList(1, slow.received().size());
      assertStrictlyIncreasing(slowUpdates);
      assertTrue(slowUpdates.size() < clicks, "the stalled client got every state: " + slowUpdates.size());
      assertNull(slow.next(Duration.ofMillis(600)), "nothing after the latest state");
      log.info("{} states in {} s: the fast subscriber got {} updates, the stalled one {} after its release",
          clicks, String.format("%.2f", seconds), fastUpdates.size(), slowUpdates.size());
    }
  }

  @Test
  void closedSocketsLeaveNoSubscriberAndTheFeedStopsWhenIdle() {
    define(http, "live-close");
    LiveClient polite = LiveClient.connect(node.apiUrl(), "live-close", true);
    LiveClient crashed = LiveClient.connect(node.apiUrl(), "live-close", true);
    assertNotNull(polite.next(WAIT));
    assertNotNull(crashed.next(WAIT));
    Awaitility.await().atMost(WAIT).until(() -> stats(node, "live-close").localSubscribers() == 2);

    polite.close();
    Awaitility.await().atMost(WAIT).until(() -> stats(node, "live-close").localSubscribers() == 1);
    crashed.abort();
    Awaitility.await().atMost(WAIT).until(() -> stats(node, "live-close").localSubscribers() == 0);

    // the feed (and its topic) stops after inflow.live.idle-timeout = 2s without subscribers or updates
    Awaitility.await().atMost(WAIT).until(() -> !stats(node, "live-close").feedRunning());
    click(http, "live-close", "after-close");
    assertTrue(stats(node, "live-close").feedRunning(), "an update starts the feed again (to publish it)");
    Awaitility.await().atMost(WAIT).until(() -> !stats(node, "live-close").feedRunning());
  }

  @Test
  void aQuietSubscriptionIsKeptAliveWithPings() {
    define(http, "live-quiet");
    try (LiveClient client = LiveClient.connect(node.apiUrl(), "live-quiet", true)) {
      assertNotNull(client.next(WAIT));
      Awaitility.await().atMost(WAIT).until(() -> client.pings() >= 2);
      assertFalse(client.isClosed());
      assertNull(client.next(Duration.ofMillis(100)), "pings are not messages");
    }
  }

  @Test
  void aNodeResyncsAStateThatPubSubDidNotDeliver() throws IOException {
    try (InflowNode resyncing = startNode("live-resync", "300ms")) {
      HttpClientSupport client = new HttpClientSupport(resyncing.apiUrl());
      define(client, "quiet");
      click(client, "quiet", "quiet-1");
      // attached after the last publish: only the resync can bring the state
      ActorTestKit kit = ActorTestKit.create(resyncing.system());
      TestProbe<CampaignUpdate> session = kit.createTestProbe(CampaignUpdate.class);
      resyncing.services().live().registry().tell(new LiveRegistry.Attach("quiet", session.ref()));
      CampaignUpdate update = session.expectMessageClass(CampaignUpdate.class, WAIT);
      assertEquals(2, update.version());
      assertEquals(1, update.view().clicks());
      session.expectNoMessage(Duration.ofMillis(800));
      session.stop();
      Awaitility.await().atMost(WAIT).until(() -> stats(resyncing, "quiet").localSubscribers() == 0);
    }
  }

  private static void assertStrictlyIncreasing(List<JsonNode> messages) {
    for (int i = 1; i < messages.size(); i++) {
      assertTrue(messages.get(i).get("version").asLong() > messages.get(i - 1).get("version").asLong(),
          "versions must only grow: " + messages);
    }
    for (JsonNode message : messages) assertEquals("update", message.get("type").asText(), message.toString());
  }

  /** A WebSocket handshake by hand (the JDK client hides refused handshakes' bodies): status line and body. */
  private static String[] rawHandshake(String path, String extraHeaders) throws IOException {
    var address = node.httpAddress();
    try (Socket socket = new Socket(address.getHostString(), address.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + extraHeaders + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) throw new IOException("connection closed inside the response head: " + head);
        head.append((char) b);
      }
      int length = head.toString().lines()
          .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
          .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
          .findFirst().orElseThrow(() -> new IOException("no Content-Length in " + head));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      return new String[] {head.substring(0, head.indexOf("\r\n")), body};
    }
  }
}
