package io.inflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * A stand-in for the node's ingest, campaign and live endpoints on a loopback {@link ServerSocket}
 * (com.sun.net.httpserver cannot upgrade to WebSocket): a minimal HTTP/1.1 server with keep-alive
 * and Content-Length bodies, and just enough RFC 6455 for a server that sends text frames and
 * answers close and ping. It tests the harness, not Inflow.
 *
 * <ul>
 *   <li>{@code PUT /api/v1/campaigns/{id}} defines the watched campaign (200).
 *   <li>{@code GET /api/v1/campaigns/{id}/live} upgrades (404 for an unknown campaign), sends a
 *       snapshot, then an update after every counted click: the whole campaign like the node
 *       ({@code clicks}, {@code updatedAt} = latest {@code occurredAt}, increasing {@code
 *       version}), each subscriber getting at most one message per {@code conflateMillis}, the
 *       latest state winning.
 *   <li>{@code POST /api/v1/events} counts the clicks on defined campaigns, after {@code
 *       holdMillis(request)} (so a held request's click is counted after later ones: out-of-order
 *       persistence), then answers {@code {accepted, duplicates, rejected}} once they are counted;
 *       {@code fail(request)} answers 503 without counting anything.
 * </ul>
 * Requests are numbered 1, 2, 3… in the order their bodies were read.
 */
final class FakeLiveNode implements AutoCloseable {

  /** How the fake behaves; a null token means no authentication. */
  record Behaviour(String token, long conflateMillis, IntToLongFunction holdMillis, IntPredicate fail) {
    static Behaviour friendly() {
      return new Behaviour(null, 0, request -> 0, request -> false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final Behaviour behaviour;
  private final ServerSocket server;
  private final ExecutorService connections = Executors.newCachedThreadPool(daemon("fake-live-conn"));
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("fake-live-timer"));
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> defined = new ConcurrentHashMap<>();
  private final AtomicInteger requestNumbers = new AtomicInteger();

  final AtomicInteger eventRequests = new AtomicInteger();
  final AtomicInteger unauthorised = new AtomicInteger();
  final AtomicInteger upgrades = new AtomicInteger();
  final Set<String> contentTypes = ConcurrentHashMap.newKeySet();
  final Set<String> clickEventIds = ConcurrentHashMap.newKeySet();
  final List<Integer> linesPerRequest = new CopyOnWriteArrayList<>();
  final List<Integer> clicksPerRequest = new CopyOnWriteArrayList<>();

  /** Dashboard reads answered, by path (without the query). */
  final Map<String, Integer> reads = new ConcurrentHashMap<>();

  /** What one defined campaign has counted. */
  private static final class Counted {
    long clicks;
    long version;
    Instant updatedAt;
  }

  private final Map<String, Counted> counted = new LinkedHashMap<>();
  private long clicksCountedLate;

  FakeLiveNode(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "fake-live-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    if (behaviour.conflateMillis() > 0) {
      timers.scheduleAtFixedRate(() -> sessions.forEach(Session::flush), behaviour.conflateMillis(),
          behaviour.conflateMillis(), TimeUnit.MILLISECONDS);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Clicks counted over every campaign. */
  synchronized long clicks() {
    return counted.values().stream().mapToLong(c -> c.clicks).sum();
  }

  synchronized long clicks(String campaignId) {
    Counted c = counted.get(campaignId);
    return c == null ? 0 : c.clicks;
  }

  /**
   * Clicks counted after a click that occurred later: the connection threads raced (or a request
   * was held), so subscribers saw a later click before this one.
   */
  synchronized long clicksCountedLate() {
    return clicksCountedLate;
  }

  int openSessions() {
    return (int) sessions.stream().filter(s -> !s.closed).count();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Session s : sessions) s.shut();
    timers.shutdownNow();
    connections.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  // ---------------------------------------------------------------------- HTTP/1.1

  private record Request(String method, String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        Request request = readRequest(in);
        if (request == null) return;
        if (behaviour.token() != null && !("Bearer " + behaviour.token()).equals(request.header("Authorization"))) {
          unauthorised.incrementAndGet();
          respond(out, 401, "{\"code\":\"unauthorized\"}");
          continue;
        }
        String[] parts = request.path().split("/");
        // "", "api", "v1", "campaigns", id[, "live"]  or  "", "api", "v1", "events"
        if (request.method().equals("POST") && request.path().equals(BenchOptions.EVENTS_PATH)) {
          ingest(request, out);
        } else if (request.method().equals("PUT") && parts.length == 5 && parts[3].equals("campaigns")) {
          define(parts[4], request, out);
        } else if (request.method().equals("GET") && parts.length == 6 && parts[5].equals("live")) {
          if (!defined.containsKey(parts[4])) {
            respond(out, 404, "{\"code\":\"not_found\"}");
            continue;
          }
          upgrade(parts[4], request, socket, in, out);
          return;
        } else if (request.method().equals("GET") && request.path().startsWith("/api/v1/")) {
          String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?'))
              : request.path();
          reads.merge(path, 1, Integer::sum);
          respond(out, 200, "{\"path\":\"" + path + "\"}");
        } else {
          respond(out, 404, "{\"code\":\"not_found\"}");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) return null;
    String[] first = requestLine.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Request(first[0], first[1], headers, in.readNBytes(length));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') break;
      if (b != '\r') line.write(b);
    }
    if (b == -1 && line.size() == 0) return null;
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void respond(OutputStream out, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + (status == 503 ? "\r\nRetry-After: 1" : "") + "\r\n\r\n";
    synchronized (out) {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
    }
  }

  private void define(String campaignId, Request request, OutputStream out) throws IOException {
    JsonNode body = JSON.readTree(request.body());
    if (!body.path("brandId").isTextual() || !body.path("currency").isTextual()) {
      respond(out, 400, "{\"code\":\"invalid_campaign\"}");
      return;
    }
    defined.putIfAbsent(campaignId, Instant.now());
    respond(out, 200, "{\"campaignId\":\"" + campaignId + "\"}");
  }

  private void ingest(Request request, OutputStream out) throws IOException {
    int number = requestNumbers.incrementAndGet();
    eventRequests.incrementAndGet();
    contentTypes.add(String.valueOf(request.header("Content-Type")));
    String[] lines = new String(request.body(), StandardCharsets.UTF_8).split("\n");
    List<Map.Entry<String, Instant>> watched = new ArrayList<>();
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      String campaignId = event.path("campaignId").asText();
      // the bench's watched campaigns (<run>-watch, -watch2, …); background campaigns may be defined too (--reads)
      if (event.path("type").asText().equals("click") && defined.containsKey(campaignId)
          && campaignId.matches(".*-watch\\d*")) {
        clickEventIds.add(event.path("eventId").asText());
        watched.add(Map.entry(event.path("campaignId").asText(), Instant.parse(event.path("occurredAt").asText())));
      }
    }
    linesPerRequest.add(lines.length);
    clicksPerRequest.add(watched.size());
    if (behaviour.fail().test(number)) {
      respond(out, 503, "{\"code\":\"journal_unavailable\"}");
      return;
    }
    long hold = behaviour.holdMillis().applyAsLong(number);
    if (hold > 0) {
      try {
        Thread.sleep(hold);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    for (Map.Entry<String, Instant> click : watched) count(click.getKey(), click.getValue());
    respond(out, 200, "{\"accepted\":" + lines.length + ",\"duplicates\":0,\"rejected\":[]}");
  }

  private void count(String campaignId, Instant occurredAt) {
    String message;
    synchronized (this) {
      Counted c = counted.computeIfAbsent(campaignId, id -> new Counted());
      c.clicks++;
      c.version++;
      if (c.updatedAt == null || occurredAt.isAfter(c.updatedAt)) {
        c.updatedAt = occurredAt;
      } else {
        clicksCountedLate++;
      }
      message = state("update", campaignId, c.updatedAt);
    }
    for (Session s : sessions) if (s.campaignId.equals(campaignId)) s.offer(message);
  }

  /** A live message as the node writes it (only the fields the bench reads, plus a few). */
  private String state(String type, String campaignId, Instant at) {
    Counted c = counted.computeIfAbsent(campaignId, id -> new Counted());
    return "{\"type\":\"" + type + "\",\"campaign\":{\"campaignId\":\"" + campaignId + "\",\"defined\":true,\"clicks\":"
        + c.clicks + ",\"eventsRecorded\":" + c.clicks + ",\"spend\":0,\"updatedAt\":\"" + at + "\"},\"version\":"
        + c.version + ",\"persistedAt\":\"" + Instant.now() + "\"}";
  }

  // ---------------------------------------------------------------------- WebSocket (RFC 6455)

  private void upgrade(String campaignId, Request request, Socket socket, InputStream in, OutputStream out)
      throws IOException {
    String key = request.header("Sec-WebSocket-Key");
    if (key == null || !"websocket".equalsIgnoreCase(request.header("Upgrade"))) {
      respond(out, 400, "{\"code\":\"websocket_required\"}");
      return;
    }
    upgrades.incrementAndGet();
    String accept = Base64.getEncoder().encodeToString(sha1(key + WS_GUID));
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    Session session = new Session(socket, out, campaignId);
    String snapshot;
    synchronized (this) {
      Instant updatedAt = counted.containsKey(campaignId) ? counted.get(campaignId).updatedAt : null;
      snapshot = state("snapshot", campaignId, updatedAt == null ? defined.get(campaignId) : updatedAt);
      session.send(snapshot); // under the lock: no update can overtake the snapshot
      sessions.add(session);
    }
    try {
      readFrames(in, session);
    } finally {
      session.shut();
      sessions.remove(session);
    }
  }

  /** Reads the client's (masked) frames: close is answered and ends the session, ping is answered. */
  private static void readFrames(InputStream in, Session session) throws IOException {
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) return;
      int opcode = b0 & 0x0F;
      long length = b1 & 0x7F;
      if (length == 126) {
        length = ((long) readByte(in) << 8) | readByte(in);
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) length = (length << 8) | readByte(in);
      }
      byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
      byte[] payload = in.readNBytes((int) length);
      for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
      if (opcode == 0x8) {
        session.frame(0x8, payload);
        return;
      }
      if (opcode == 0x9) session.frame(0xA, payload);
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) throw new EOFException();
    return b;
  }

  private static byte[] sha1(String text) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.ISO_8859_1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One subscriber's socket; with conflation, the latest pending message waits for the next flush. */
  private final class Session {
    private final Socket socket;
    private final OutputStream out;
    final String campaignId;
    private String pending;
    volatile boolean closed;

    Session(Socket socket, OutputStream out, String campaignId) {
      this.socket = socket;
      this.out = out;
      this.campaignId = campaignId;
    }

    void offer(String message) {
      if (behaviour.conflateMillis() == 0) {
        send(message);
      } else {
        synchronized (this) {
          pending = message;
        }
      }
    }

    void flush() {
      String message;
      synchronized (this) {
        message = pending;
        pending = null;
      }
      if (message != null) send(message);
    }

    void send(String text) {
      frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    void frame(int opcode, byte[] payload) {
      if (closed) return;
      try {
        synchronized (out) {
          out.write(0x80 | opcode);
          if (payload.length < 126) {
            out.write(payload.length);
          } else if (payload.length < 65_536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
          } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) payload.length >>> shift) & 0xFF);
          }
          out.write(payload);
          out.flush();
        }
      } catch (IOException e) {
        closed = true; // the subscriber went away
      }
    }

    void shut() {
      closed = true;
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
