package io.inflow.node.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.protocol.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test subscriber of {@code /api/v1/campaigns/{id}/live} on the JDK's WebSocket client. It reads
 * the first message, then either keeps reading ({@code flowing}) or stops asking for messages until
 * {@link #release()} — a stalled client whose socket the server can no longer drain.
 */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<JsonNode> received = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final AtomicInteger pings = new AtomicInteger();
  private volatile boolean flowing;
  private volatile WebSocket socket;

  private LiveClient(boolean flowing) {
    this.flowing = flowing;
  }

  /** Connects; fails with the handshake's exception (e.g. a 404) as the cause. */
  public static LiveClient connect(String apiUrl, String campaignId, boolean flowing) {
    return connect(apiUrl, campaignId, flowing, io.inflow.node.TestTokens.admin());
  }

  /** Connects with {@code token} in the Authorization header (none when null). */
  public static LiveClient connect(String apiUrl, String campaignId, boolean flowing, String token) {
    LiveClient client = new LiveClient(flowing);
    URI uri = URI.create(apiUrl.replaceFirst("^http", "ws") + "/api/v1/campaigns/" + campaignId + "/live");
    var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (token != null) builder.header("Authorization", "Bearer " + token);
    client.socket = builder
        .buildAsync(uri, client).orTimeout(20, TimeUnit.SECONDS).join();
    return client;
  }

  /** Connects as a browser must: the token offered as the subprotocol {@code bearer.<token>}, beside {@code inflow}. */
  public static LiveClient connectWithTokenSubprotocol(String apiUrl, String campaignId, String token) {
    LiveClient client = new LiveClient(true);
    URI uri = URI.create(apiUrl.replaceFirst("^http", "ws") + "/api/v1/campaigns/" + campaignId + "/live");
    client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .subprotocols("inflow", "bearer." + token)
        .buildAsync(uri, client).orTimeout(20, TimeUnit.SECONDS).join();
    return client;
  }

  /** The subprotocol the server chose ("" for none). */
  public String subprotocol() {
    return socket.getSubprotocol();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (!last) {
      webSocket.request(1);
      return null;
    }
    try {
      inbox.add(Json.mapper().readTree(partial.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    partial.setLength(0);
    if (flowing) webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  /** Pings received from the server (the JDK answers each with a pong). */
  public int pings() {
    return pings.get();
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  /** Sends a text message to the server (which needs none and ignores those within its limit). */
  /** The {@code alert} of the next alert message within {@code timeout}, skipping other messages. */
  public com.fasterxml.jackson.databind.JsonNode nextAlert(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      var m = next(java.time.Duration.ofMillis(200));
      if (m != null && m.get("type").asText().equals("alert")) return m.get("alert");
    }
    throw new AssertionError("no alert message within " + timeout + "; got " + received());
  }

  public void send(String text) {
    socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Starts reading again after a stall. */
  public void release() {
    flowing = true;
    socket.request(1);
  }

  /** The next message, or null after {@code timeout}. */
  public JsonNode next(Duration timeout) {
    try {
      JsonNode message = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message != null) received.add(message);
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads until a message of at least {@code version} arrives; fails after {@code timeout}. */
  public JsonNode awaitVersion(long version, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (message != null && message.get("version").asLong() >= version) return message;
    }
    throw new AssertionError("no message with version >= " + version + " within " + timeout + "; got " + received);
  }

  /** Every message taken so far, in arrival order. */
  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  /** Whether the server closed the connection (or it failed). */
  public boolean isClosed() {
    return closed.isDone();
  }

  /** Messages that arrived but were not taken yet. */
  public int pending() {
    return inbox.size();
  }

  /** Closes with a normal close handshake. */
  @Override
  public void close() {
    if (isClosed()) {
      socket.abort();
      return;
    }
    if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
    socket.request(Long.MAX_VALUE);
  }

  /** Drops the connection without a close handshake, as a crashed client would. */
  public void abort() {
    socket.abort();
  }
}
