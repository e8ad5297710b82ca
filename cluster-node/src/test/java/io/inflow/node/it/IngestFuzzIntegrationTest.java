package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.inflow.node.InflowNode;
import io.inflow.node.TestTokens;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the ingest route (and, lighter, every other route) of a real node on the real embedded
 * Cassandra: ≥ 10,000 sequential POST /api/v1/events with mutated and random bodies for one defined
 * campaign and its enrolled influencer — truncated JSON, huge numbers, deep nesting, invalid UTF-8,
 * wrong types, duplicate keys, over-long strings, wrong content types, bodies over the limit,
 * retries — then a few hundred fuzzed requests at the read routes. It checks that
 *
 * <ul>
 *   <li>no response is 5xx (a 503 would also be wrong: the load is sequential);
 *   <li>a 200 accounts for every non-blank line (accepted + duplicates + rejected), its duplicates
 *       are exactly the retried event ids, and a 400/413/415 is what the content type and size call
 *       for, naming every line of an all-rejected batch;
 *   <li>a request refused as a whole (4xx) changes nothing: the campaign and influencer views are
 *       compared before and after on a sample of such requests;
 *   <li>in the end the campaign and the influencer hold exactly the events the node acknowledged
 *       (their clicks and events recorded equal what the 200 replies' accepted lines add up to);
 *   <li>the node is still ready and ingests a normal event within 2 s.
 * </ul>
 *
 * <p>Seeded: {@code -Dinflow.test.seed=N} replays a run; {@code -Dinflow.test.fuzz-requests=N}
 * changes the number of ingest requests. It found (and now guards) two node bugs: ids holding
 * {@code |} (Pekko's reserved persistence-id separator) answered 503 forever, and an audit {@code to}
 * in year +999999999 answered 500.
 */
class IngestFuzzIntegrationTest {
  private static final int INGEST_REQUESTS = Integer.getInteger("inflow.test.fuzz-requests", 10_000);
  private static final int OTHER_REQUESTS = 300;
  private static final int MAX_BODY_BYTES = 128 * 1024;
  private static final int CHECK_STATE_EVERY = 50;
  private static final String CAMPAIGN = "fuzz-camp";
  private static final String INFLUENCER = "fuzz-inf";
  private static final String NDJSON = "application/x-ndjson";
  private static final String JSON = "application/json";
  private static final String RAW = "@@raw-fragment@@";
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(40);

  /** Reads accepted lines back the way the contract defines them; exact decimals. */
  private static final ObjectMapper READER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final String[] WRONG_CONTENT_TYPES = {
    "text/plain", "application/xml", "application/octet-stream", "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded", "application/ndjson", "application/jsonl", "application/json-seq",
    "text/json", "garbage", "application/", "*/*", null,
  };
  private static final String[] ACCEPTED_CONTENT_TYPE_SPELLINGS = {
    "application/json; charset=utf-8", "APPLICATION/JSON", "application/x-ndjson; charset=utf-8",
    "Application/X-NDJSON",
  };

  private static final String[] FRAGMENTS = {
    "1e999999", "-1e999999", "1E-999999", "1e2147483648", "1e-2147483649", "9".repeat(40), "-" + "9".repeat(40),
    "9".repeat(1001), "9223372036854775808", "2147483648", "0.1", "-0", "01", "1.", "NaN", "Infinity", "0x10",
    "true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"",
    "\"x\\udc00\"", "\"\\ud83d\\ude0d\"", "\"\\u2028\"", "\"12\"", "\"-5\"", "\"1e3\"", "\"2026-02-30T10:00:00Z\"",
    "\"2026-11-20T10:00:00\"", "\"9999-12-31T23:59:59.999999999+18:00\"", "\"0000-01-01T00:00:00Z\"",
    "\"EUR\"", "\"eur\"", "\"click\"", "'x'", "tru", "[1,]", "{\"a\":}", "\"unterminated", "\"\\x41\"",
    "[".repeat(2000) + "]".repeat(2000), "{\"a\":".repeat(1500) + "1" + "}".repeat(1500),
  };

  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF},
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF},
  };

  private static final byte[] INTERESTING_BYTES = {
    '"', '{', '}', '[', ']', ',', ':', '\\', 0, 0x7f, (byte) 0x80, (byte) 0xff, '\n', '\r', ' ', '0', '9', '-',
    'e', '.', (byte) 0xc3,
  };

  private final long seed = Long.getLong("inflow.test.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private final String idPrefix = "fz" + Long.toString(seed & 0xffffff, 36) + "-";
  private final List<String> failures = new ArrayList<>();
  private final List<byte[]> sentValidLines = new ArrayList<>();
  private final Map<String, Set<String>> seenByInfluencer = new HashMap<>();
  private final Map<String, Set<String>> seenByCampaign = new HashMap<>();
  private final Map<String, Integer> statusCounts = new TreeMap<>();
  private final Map<String, Long> millisByOutcome = new TreeMap<>();
  private long eventCounter;
  private long acknowledgedAccepted;
  private long acknowledgedDuplicates;
  private long acceptedCampaignClicks;
  private long acceptedCampaignEvents;
  private long acceptedInfluencerClicks;
  private long acceptedInfluencerEvents;
  private int stateChecks;
  private int ingestRequests;
  private long ingestBytes;

  private HttpClient client;
  private String baseUrl;
  private String token;
  private HttpClientSupport http;

  /** One response, raw. */
  private record Reply(int status, String body, JsonNode json, String retryAfter) {}

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void fuzzedIngestNeverFailsTheServerAndNeverStoresARefusedRequest() {
    System.out.println("IngestFuzzIntegrationTest seed=" + seed + " (rerun with -Dinflow.test.seed=" + seed + ")");
    try (InflowNode node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.data-dir = "%s"
        inflow.ingest.max-body-bytes = %d
        inflow.limits.requests-per-second = 1000000
        inflow.limits.burst = 1000000
        """.formatted(TestCassandra.get().contactPoint(), TestCassandra.uniqueKeyspace("fuzz"),
        NodeFixture.workDir("fuzz").toString().replace("\\", "/"), MAX_BODY_BYTES)))) {
      baseUrl = node.apiUrl();
      token = TestTokens.admin();
      http = NodeFixture.client(node);
      client = newClient();
      assertEquals(200, http.put("/api/v1/campaigns/" + CAMPAIGN, """
          {"brandId":"fuzz-brand","name":"Fuzz","budget":1000,"currency":"EUR",
           "startsAt":"2026-11-01T00:00:00Z","endsAt":"2026-12-31T00:00:00Z",
           "influencers":[{"influencerId":"%s","fee":100,"discountCode":"FUZZ10"}]}""".formatted(INFLUENCER))
          .status());
      ingestOneClick(); // the influencer exists from here on

      long started = System.nanoTime();
      fuzzIngest();
      long ingestMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      String afterIngest = stateSnapshot();
      checkTotals("after the ingest fuzzing");

      started = System.nanoTime();
      fuzzOtherRoutes();
      long otherMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (!afterIngest.equals(stateSnapshot())) {
        failures.add("the read routes changed the campaign or influencer:\n  before " + afterIngest
            + "\n  after  " + stateSnapshot());
      }
      checkStillServing();

      System.out.println("IngestFuzzIntegrationTest " + ingestRequests + " ingest requests (" + ingestBytes / 1024
          + " KiB) in " + ingestMillis
          + " ms (ms by outcome " + millisByOutcome + "), " + OTHER_REQUESTS + " other requests in " + otherMillis
          + " ms; all statuses " + statusCounts
          + "; acknowledged " + acknowledgedAccepted + " accepted + " + acknowledgedDuplicates + " duplicates; "
          + stateChecks + " before/after state checks; campaign clicks " + acceptedCampaignClicks + "; events reached "
          + seenByInfluencer.size() + " influencers and " + seenByCampaign.size() + " campaigns");
      if (!failures.isEmpty()) {
        fail(failures.size() + " problem(s), seed " + seed + " (rerun with -Dinflow.test.seed=" + seed + "):\n"
            + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
      }
    }
  }

  // ---- the ingest campaign ----------------------------------------------------------------------

  private void fuzzIngest() {
    String before = null;
    for (int i = 0; i < INGEST_REQUESTS && failures.size() < 50; i++) {
      if (i % 1000 == 0) System.out.println("IngestFuzzIntegrationTest: ingest request " + i + ", " + statusCounts);
      int shape = random.nextInt(100);
      String contentType;
      byte[] body;
      boolean chunked = random.nextInt(20) == 0;
      if (shape < 50) {
        contentType = NDJSON;
        body = ndjsonBody();
      } else if (shape < 88) {
        contentType = JSON;
        body = line();
      } else if (shape < 93) {
        contentType = pick(WRONG_CONTENT_TYPES);
        body = random.nextBoolean() ? ndjsonBody() : line();
      } else if (shape < 98) {
        contentType = pick(ACCEPTED_CONTENT_TYPE_SPELLINGS);
        body = contentType.toLowerCase(Locale.ROOT).contains("ndjson") ? ndjsonBody() : line();
      } else {
        contentType = random.nextBoolean() ? NDJSON : JSON;
        body = oversizedBody();
      }
      boolean checkState = i % CHECK_STATE_EVERY == 0;
      if (checkState && before == null) {
        before = stateSnapshot();
      }
      String where = "ingest request #" + i + " (" + contentType + (chunked ? ", chunked" : "") + ", "
          + body.length + " bytes)";
      Reply reply;
      long sent = System.nanoTime();
      ingestRequests++;
      ingestBytes += body.length;
      try {
        reply = post(contentType, body, chunked);
        millisByOutcome.merge(String.valueOf(reply.status()),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent), Long::sum);
      } catch (UncheckedIOException e) {
        // A server may answer 413 before it has read an oversized body and close the connection;
        // the client may then see the reset instead of the answer. Anything else is a failure.
        count("connection closed");
        if (body.length <= MAX_BODY_BYTES) {
          failures.add(where + " failed: " + e.getCause() + "\n    body: " + preview(body));
        }
        if (checkState && !stateSnapshot().equals(before)) {
          failures.add(where + " was cut off but changed the state");
        }
        before = null;
        continue;
      }
      count(String.valueOf(reply.status()));
      if (reply.status() >= 500 || reply.status() == 0) {
        failures.add(where + " answered " + reply.status() + (reply.retryAfter() == null ? "" : " (Retry-After "
            + reply.retryAfter() + ")") + " " + reply.body() + "\n    body: " + preview(body));
        before = null;
        continue;
      }
      Mode mode = mode(contentType);
      if (body.length > MAX_BODY_BYTES) {
        expectStatus(where, reply, 413, body);
      } else if (mode == Mode.NONE) {
        expectStatus(where, reply, 415, body);
      } else if (reply.status() == 200) {
        account(where, mode, body, reply);
      } else {
        checkRefusal(where, mode, body, reply);
      }
      if (reply.status() == 200) {
        before = null; // the state has legitimately changed
      } else if (checkState) {
        stateChecks++;
        String after = stateSnapshot();
        if (!after.equals(before)) {
          failures.add(where + " was refused with " + reply.status() + " but changed the state:\n  before " + before
              + "\n  after  " + after + "\n    body: " + preview(body));
          before = after;
        }
      }
    }
  }

  private enum Mode { NDJSON, SINGLE, NONE }

  /** How the node must read a body of this content type: by its media type, case-insensitive. */
  private static Mode mode(String contentType) {
    if (contentType == null) return Mode.NONE;
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals(NDJSON) ? Mode.NDJSON : media.equals(JSON) ? Mode.SINGLE : Mode.NONE;
  }

  /** A 200: every non-blank line accepted, duplicate or rejected; the model learns the accepted ones. */
  private void account(String where, Mode mode, byte[] body, Reply reply) {
    JsonNode json = reply.json();
    if (json == null || !json.path("accepted").isInt() || !json.path("duplicates").isInt()
        || !json.path("rejected").isArray()) {
      failures.add(where + ": a 200 without the IngestResult shape: " + reply.body());
      return;
    }
    List<byte[]> lines = mode == Mode.NDJSON ? physicalLines(body) : List.of(body);
    Set<Integer> rejected = new TreeSet<>();
    for (JsonNode detail : json.get("rejected")) {
      int line = detail.path("line").asInt(-1);
      if (line < 1 || line > lines.size() || isBlank(lines.get(line - 1)) || !rejected.add(line)
          || !detail.path("code").isTextual()) {
        failures.add(where + ": rejection " + detail + " names no non-blank line of the body (or twice)");
      }
    }
    int duplicatesExpected = 0;
    int acceptedLines = 0;
    for (int n = 1; n <= lines.size(); n++) {
      if (isBlank(lines.get(n - 1)) || rejected.contains(n)) continue;
      acceptedLines++;
      JsonNode event;
      try {
        event = READER.readTree(lines.get(n - 1));
      } catch (IOException e) {
        failures.add(where + ": line " + n + " was accepted but is not JSON: " + e.getMessage());
        continue;
      }
      if (!record(event)) duplicatesExpected++;
    }
    int accepted = json.get("accepted").asInt();
    int duplicates = json.get("duplicates").asInt();
    acknowledgedAccepted += accepted;
    acknowledgedDuplicates += duplicates;
    if (accepted + duplicates != acceptedLines || duplicates != duplicatesExpected) {
      failures.add(where + ": reply " + reply.body() + " but the body has " + acceptedLines
          + " lines not rejected, of which " + duplicatesExpected + " repeat an event id already held"
          + "\n    body: " + preview(body));
    }
    if (accepted + duplicates == 0) {
      failures.add(where + ": a 200 that accepted nothing: " + reply.body());
    }
  }

  /**
   * Files an accepted event under the entities it reaches, as the node must: each entity keeps an
   * event id once; the event is a duplicate if its primary entity (influencer, else campaign) held it.
   */
  private boolean record(JsonNode event) {
    String id = event.path("eventId").asText();
    String type = event.path("type").asText();
    String influencer = event.path("influencerId").isTextual() ? event.get("influencerId").textValue() : null;
    String campaign = event.path("campaignId").isTextual() ? event.get("campaignId").textValue() : null;
    boolean fresh = true;
    if (influencer != null) {
      fresh = seenByInfluencer.computeIfAbsent(influencer, k -> new HashSet<>()).add(id);
      if (fresh && influencer.equals(INFLUENCER)) {
        acceptedInfluencerEvents++;
        if (type.equals("click")) acceptedInfluencerClicks++;
      }
    }
    if (campaign != null) {
      boolean freshForCampaign = seenByCampaign.computeIfAbsent(campaign, k -> new HashSet<>()).add(id);
      if (influencer == null) fresh = freshForCampaign;
      if (freshForCampaign && campaign.equals(CAMPAIGN)) {
        acceptedCampaignEvents++;
        if (type.equals("click")) acceptedCampaignClicks++;
      }
    }
    return fresh;
  }

  /** A 4xx for a body of a supported type within the limit: 400, naming every line if any. */
  private void checkRefusal(String where, Mode mode, byte[] body, Reply reply) {
    if (reply.status() != 400 || reply.json() == null || !reply.json().path("error").isTextual()) {
      failures.add(where + ": expected 200 or a 400 error, got " + reply.status() + " " + reply.body()
          + "\n    body: " + preview(body));
      return;
    }
    List<byte[]> lines = mode == Mode.NDJSON ? physicalLines(body) : List.of(body);
    Set<Integer> expected = new TreeSet<>();
    for (int n = 1; n <= lines.size(); n++) {
      if (!isBlank(lines.get(n - 1)) || mode == Mode.SINGLE) expected.add(n);
    }
    String error = reply.json().get("error").asText();
    Set<Integer> named = new TreeSet<>();
    reply.json().path("details").forEach(d -> named.add(d.path("line").asInt(-1)));
    boolean ok = expected.isEmpty() ? error.equals("empty_body")
        : error.equals("invalid_events") && named.equals(expected);
    if (!ok) {
      failures.add(where + ": a 400 " + error + " naming lines " + named + " but the non-blank lines are "
          + expected + "\n    body: " + preview(body));
    }
  }

  private void expectStatus(String where, Reply reply, int status, byte[] body) {
    if (reply.status() != status || reply.json() == null || !reply.json().path("error").isTextual()) {
      failures.add(where + ": expected " + status + " with the error shape, got " + reply.status() + " "
          + reply.body() + "\n    body: " + preview(body));
    }
  }

  // ---- the other routes -------------------------------------------------------------------------

  private void fuzzOtherRoutes() {
    for (int i = 0; i < OTHER_REQUESTS; i++) {
      String method = random.nextInt(5) == 0 ? pick(new String[] {"POST", "PUT", "DELETE", "PATCH", "HEAD"}) : "GET";
      String path = randomPath();
      // never an event body: what this phase sends must not change the fuzz campaign or influencer
      byte[] body = method.equals("GET") || method.equals("HEAD") ? null : campaignBody();
      if (method.equals("PUT") && path.startsWith("/api/v1/campaigns/" + CAMPAIGN)) {
        path = "/api/v1/campaigns/other-" + i; // the fuzz campaign's definition must stay as it is
      }
      Reply reply = send(method, path, body == null ? null : JSON, body, false);
      count(String.valueOf(reply.status()));
      if (reply.status() >= 500 || reply.status() == 0) {
        failures.add("other request #" + i + " " + method + " " + path + " answered " + reply.status() + " "
            + reply.body() + (body == null ? "" : "\n    body: " + preview(body)));
      }
    }
  }

  private String randomPath() {
    String id = random.nextInt(3) == 0 ? CAMPAIGN : fuzzedSegment();
    return switch (random.nextInt(10)) {
      case 0, 1 -> "/api/v1/campaigns/" + id + "/report" + query(Map.of(
          "from", this::timeParameter, "to", this::timeParameter,
          "bucket", () -> pick(new String[] {"hour", "day", "week", "month", "HOUR", "", "x".repeat(300)}),
          "by", () -> pick(new String[] {"influencer", "post", "platform", "brand", "", "%00"}),
          "format", () -> pick(new String[] {"csv", "json", "xml", "CSV", ""})));
      case 2, 3 -> "/api/v1/influencers" + query(Map.of(
          "limit", () -> pick(new String[] {"0", "1", "50", "1000", "1001", "-1", "2147483648",
              "9".repeat(40), "1e3", "", "abc", " 5"}),
          "sort", () -> pick(new String[] {"er", "followers", "views", "engagements", "growth", "ER", "", "x"}),
          "tier", () -> pick(new String[] {"nano", "micro", "mid", "macro", "mega", "", "giga"}),
          "platform", () -> pick(new String[] {"instagram", "tiktok", "", "myspace", "\u0000"})));
      case 4 -> "/api/v1/campaigns/" + id + (random.nextBoolean() ? "" : "/live");
      case 5 -> "/api/v1/influencers/" + (random.nextInt(3) == 0 ? INFLUENCER : fuzzedSegment());
      case 6 -> "/api/v1/brands/" + fuzzedSegment() + "/overview";
      case 7 -> random.nextBoolean() ? "/api/v1/audit?limit=0" : "/api/v1/audit" + query(Map.of(
          "from", this::timeParameter, "to", this::timeParameter, "subject", this::fuzzedSegment,
          "limit", () -> pick(new String[] {"1", "10000", "10001", "0", "x"})));
      case 8 -> "/api/v1/campaigns/" + id;
      default -> pick(new String[] {"/", "/api", "/api/v1", "/api/v1/", "/api/v1/events", "/api/v2/events",
          "/health/ready", "/health/alive", "/api/v1/campaigns", "/api/v1/campaigns/", "/api/v1//x",
          "/api/v1/campaigns/a/b/c", "/api/v1/influencers/x/y", "/..", "/api/v1/%2e%2e/events"})
          + (random.nextBoolean() ? "" : "?" + fuzzedSegment() + "=" + fuzzedSegment());
    };
  }

  /** Some of the parameters, each with a generated value, URL-encoded. */
  private String query(Map<String, java.util.function.Supplier<String>> parameters) {
    var query = new StringBuilder();
    for (var entry : new TreeMap<>(parameters).entrySet()) {
      if (random.nextInt(3) == 0) continue;
      query.append(query.length() == 0 ? "?" : "&").append(entry.getKey()).append('=')
          .append(URLEncoder.encode(entry.getValue().get(), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private String timeParameter() {
    return pick(new String[] {"2026-11-01", "2026-11-01T00:00:00Z", "2026-12-31T23:59:59.999Z", "2026-02-30",
        "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
        "2026-11-01T00:00:00+01:00", "9999-12-31", "yesterday", "", "1764547200", "2026-13-01", "2026-11-01T25:00:00Z",
        "1900-01-01T00:00:00Z", "2100-01-01T00:00:00Z"});
  }


  /** A path segment: plain, unicode, long, or with characters that must be percent-encoded. */
  private String fuzzedSegment() {
    String raw = switch (random.nextInt(8)) {
      case 0 -> "x".repeat(1 + random.nextInt(5000));
      case 1 -> "日本😍\u2028";
      case 2 -> "a/b";
      case 3 -> "..";
      case 4 -> "\u0000\u007f";
      case 5 -> "%zz";
      case 6 -> new String(randomBytes(1 + random.nextInt(20)), StandardCharsets.ISO_8859_1);
      default -> "id-" + random.nextInt(1000);
    };
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private byte[] campaignBody() {
    String valid = """
        {"brandId":"b","name":"Other","budget":1000,"currency":"EUR","startsAt":"2026-11-01T00:00:00Z",\
        "endsAt":"2026-12-31T00:00:00Z","influencers":[{"influencerId":"other-inf","fee":10,"link":"https://x.y/z"}],\
        "targets":{"cpc":0.5}}""";
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(4)) {
      case 0 -> bytes;
      case 1 -> withFragment(valid, pick(FRAGMENTS));
      case 2 -> insertInvalidUtf8(bytes);
      default -> mutate(mutate(bytes));
    };
  }

  // ---- invariants at the end --------------------------------------------------------------------

  private void checkTotals(String when) {
    JsonNode campaign = http.get("/api/v1/campaigns/" + CAMPAIGN).json();
    JsonNode influencer = http.get("/api/v1/influencers/" + INFLUENCER).json();
    long[][] actualAndExpected = {
      {campaign.path("clicks").asLong(-1), acceptedCampaignClicks},
      {campaign.path("eventsRecorded").asLong(-1), acceptedCampaignEvents},
      {influencer.path("clicks").asLong(-1), acceptedInfluencerClicks},
      {influencer.path("eventsRecorded").asLong(-1), acceptedInfluencerEvents},
    };
    String[] names = {"campaign clicks", "campaign eventsRecorded", "influencer clicks", "influencer eventsRecorded"};
    for (int k = 0; k < names.length; k++) {
      if (actualAndExpected[k][0] != actualAndExpected[k][1]) {
        failures.add(when + ": " + names[k] + " is " + actualAndExpected[k][0] + " but the acknowledged accepted lines "
            + "add up to " + actualAndExpected[k][1]);
      }
    }
  }

  /** Ready, and a normal event is acknowledged and counted, each within 2 s. */
  private void checkStillServing() {
    long start = System.nanoTime();
    Reply ready = send("GET", "/health/ready", null, null, false);
    long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(200, ready.status(), "seed " + seed + ": /health/ready after the fuzzing: " + ready.body());
    assertTrue(readyMillis < 2000, "seed " + seed + ": /health/ready took " + readyMillis + " ms");
    start = System.nanoTime();
    ingestOneClick();
    long ingestMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(ingestMillis < 2000, "seed " + seed + ": a normal ingest after the fuzzing took " + ingestMillis
        + " ms");
    checkTotals("after a normal click");
  }

  private void ingestOneClick() {
    byte[] click = click(nextEventId()).getBytes(StandardCharsets.UTF_8);
    Reply reply = post(JSON, click, false);
    assertEquals(200, reply.status(), "seed " + seed + ": a valid click: " + reply.body());
    assertEquals(1, reply.json().get("accepted").asInt(), reply.body());
    try {
      record(READER.readTree(click));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The campaign and influencer views without what moves with the clock (rolling windows, pacing)
   * and without alerts, which entities raise on their own timers after earlier accepted requests (a
   * fraud level check lands up to a second after its batch).
   */
  private String stateSnapshot() {
    long started = System.nanoTime();
    try {
      return readState();
    } finally {
      millisByOutcome.merge("state reads", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Long::sum);
    }
  }

  private String readState() {
    var campaign = http.get("/api/v1/campaigns/" + CAMPAIGN);
    var influencer = http.get("/api/v1/influencers/" + INFLUENCER);
    if (campaign.status() != 200 || influencer.status() != 200) {
      return "(unreadable: " + campaign.status() + " " + campaign.raw().body() + " / " + influencer.status() + " "
          + influencer.raw().body() + ")";
    }
    return withoutClockFields(campaign.json().deepCopy()) + " " + withoutClockFields(influencer.json().deepCopy());
  }

  private static JsonNode withoutClockFields(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("windows", "pacing", "growth", "alerts"));
      object.forEach(IngestFuzzIntegrationTest::withoutClockFields);
    } else if (node instanceof ArrayNode array) {
      array.forEach(IngestFuzzIntegrationTest::withoutClockFields);
    }
    return node;
  }

  // ---- generation -------------------------------------------------------------------------------

  private byte[] ndjsonBody() {
    var body = new ByteArrayOutputStream();
    int lines = 1 + random.nextInt(random.nextInt(5) == 0 ? 12 : 3);
    for (int n = 0; n < lines; n++) {
      if (random.nextInt(8) == 0) {
        body.writeBytes(pick(new String[] {"", " ", "\t", "\r"}).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(eol());
      }
      body.writeBytes(line());
      if (n < lines - 1 || random.nextBoolean()) body.writeBytes(eol());
    }
    return body.toByteArray();
  }

  private byte[] eol() {
    return random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'};
  }

  /** One line: valid (often), a retry of a valid line sent before, or a mutation of a valid one. */
  private byte[] line() {
    int choice = random.nextInt(100);
    if (choice < 5 && !sentValidLines.isEmpty()) {
      return sentValidLines.get(sentValidLines.size() - 1 - random.nextInt(Math.min(500, sentValidLines.size())));
    }
    byte[] valid = validLine().getBytes(StandardCharsets.UTF_8);
    if (choice < 15) {
      sentValidLines.add(valid);
      return valid;
    }
    byte[] line;
    if (choice < 55) {
      line = valid;
      for (int m = 1 + random.nextInt(3); m > 0; m--) line = mutate(line);
    } else if (choice < 61) {
      line = Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
    } else if (choice < 68) {
      line = insertInvalidUtf8(valid);
    } else if (choice < 83) {
      line = withFragment(new String(valid, StandardCharsets.UTF_8), pick(FRAGMENTS));
    } else if (choice < 88) {
      line = duplicateKey(new String(valid, StandardCharsets.UTF_8));
    } else if (choice < 92) {
      line = longString(new String(valid, StandardCharsets.UTF_8));
    } else if (choice < 94) {
      line = "[".repeat(1 + random.nextInt(100_000)).getBytes(StandardCharsets.UTF_8);
    } else {
      line = randomBytes(random.nextInt(300));
    }
    return line;
  }


  private String validLine() {
    String id = nextEventId();
    String at = "2026-11-%02dT%02d:%02d:00Z".formatted(1 + random.nextInt(27), random.nextInt(24), random.nextInt(60));
    int kind = random.nextInt(100);
    if (kind < 60) return click(id);
    if (kind < 70) {
      return """
          {"type":"post.metrics","eventId":"%s","influencerId":"%s","platform":"instagram","postId":"p-%d",\
          "campaignId":"%s","observedAt":"%s","views":%d,"likes":%d,"comments":%d}""".formatted(id, INFLUENCER,
          random.nextInt(5), CAMPAIGN, at, random.nextInt(100_000), random.nextInt(1000), random.nextInt(100));
    }
    if (kind < 78) {
      return """
          {"type":"comment.posted","eventId":"%s","influencerId":"%s","postId":"p-%d","campaignId":"%s",\
          "commentId":"cm-%s","authorId":"u-%d","text":"nice \\ud83d\\ude0d","postedAt":"%s"}""".formatted(id,
          INFLUENCER, random.nextInt(5), CAMPAIGN, id, random.nextInt(100), at);
    }
    if (kind < 86) {
      return """
          {"type":"conversion","eventId":"%s","campaignId":"%s","orderId":"o-%s","amount":"%d.%02d",\
          "currency":"EUR","status":"paid","attribution":{"kind":"discount_code","value":"FUZZ10"},\
          "items":[{"sku":"s-1","quantity":1,"price":1.50}],"occurredAt":"%s"}""".formatted(id, CAMPAIGN, id,
          random.nextInt(500), random.nextInt(100), at);
    }
    if (kind < 92) {
      return """
          {"type":"spend","eventId":"%s","campaignId":"%s","influencerId":"%s","amount":%d,"currency":"EUR",\
          "kind":"fee","occurredAt":"%s"}""".formatted(id, CAMPAIGN, INFLUENCER, random.nextInt(100), at);
    }
    if (kind < 96) {
      return """
          {"type":"post.published","eventId":"%s","influencerId":"%s","platform":"tiktok","postId":"p-%d",\
          "campaignId":"%s","publishedAt":"%s","format":"reel","caption":"#ad","hashtags":["ad"]}""".formatted(id,
          INFLUENCER, random.nextInt(5), CAMPAIGN, at);
    }
    return """
        {"type":"followers.observed","eventId":"%s","influencerId":"%s","platform":"tiktok","observedAt":"%s",\
        "followers":%d,"following":10}""".formatted(id, INFLUENCER, at, random.nextInt(1_000_000));
  }

  private static String click(String id) {
    return "{\"type\":\"click\",\"eventId\":\"" + id + "\",\"campaignId\":\"" + CAMPAIGN + "\",\"influencerId\":\""
        + INFLUENCER + "\",\"occurredAt\":\"2026-11-20T10:00:00Z\",\"visitorId\":\"v-" + id + "\"}";
  }

  private String nextEventId() {
    return idPrefix + (eventCounter++) + "-" + Integer.toString(random.nextInt(36 * 36 * 36), 36);
  }

  private byte[] oversizedBody() {
    var body = new ByteArrayOutputStream();
    int target = MAX_BODY_BYTES + 1 + random.nextInt(random.nextBoolean() ? 16 : 4 * MAX_BODY_BYTES);
    while (body.size() < target) {
      body.writeBytes(click(nextEventId()).getBytes(StandardCharsets.UTF_8)); // never acknowledged: never counted
      body.write('\n');
    }
    return body.toByteArray();
  }

  private byte[] mutate(byte[] bytes) {
    if (bytes.length == 0) return new byte[] {pickByte()};
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(6)) {
      case 0 -> {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        return copy;
      }
      case 1 -> {
        byte[] copy = bytes.clone();
        copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : pickByte();
        return copy;
      }
      case 2 -> {
        byte[] inserted = new byte[1 + random.nextInt(6)];
        for (int i = 0; i < inserted.length; i++) inserted[i] = pickByte();
        return insert(bytes, at, inserted);
      }
      case 3 -> {
        int end = Math.min(bytes.length, at + 1 + random.nextInt(12));
        return concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, end, bytes.length));
      }
      case 4 -> {
        int end = Math.min(bytes.length, at + 1 + random.nextInt(24));
        return insert(bytes, random.nextInt(bytes.length + 1), Arrays.copyOfRange(bytes, at, end));
      }
      default -> {
        return Arrays.copyOf(bytes, at);
      }
    }
  }

  private byte[] insertInvalidUtf8(byte[] valid) {
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < valid.length; i++) if (valid[i] == '"') quotes.add(i);
    byte[] sequence = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
    return insert(valid, quotes.get(random.nextInt(quotes.size())) + 1, sequence);
  }

  /** The line with the value of one random field (at any depth) replaced by a raw JSON fragment. */
  private byte[] withFragment(String valid, String fragment) {
    JsonNode root;
    try {
      root = READER.readTree(valid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Object[]> slots = new ArrayList<>();
    collectSlots(root, slots);
    Object[] slot = slots.get(random.nextInt(slots.size()));
    if (slot[0] instanceof ObjectNode object) object.put((String) slot[1], RAW);
    else ((ArrayNode) slot[0]).set((Integer) slot[1], TextNode.valueOf(RAW));
    return root.toString().replace("\"" + RAW + "\"", fragment).getBytes(StandardCharsets.UTF_8);
  }

  private static void collectSlots(JsonNode node, List<Object[]> slots) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        slots.add(new Object[] {object, name});
        collectSlots(object.get(name), slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Object[] {array, i});
        collectSlots(array.get(i), slots);
      }
    }
  }

  private byte[] duplicateKey(String valid) {
    String name = pick(new String[] {"type", "eventId", "campaignId", "influencerId", "occurredAt"});
    String value = random.nextBoolean() ? "\"" + nextEventId() + "\"" : pick(FRAGMENTS);
    return withField(valid, name, value);
  }

  private byte[] longString(String valid) {
    String field = pick(new String[] {"eventId", "campaignId", "influencerId", "visitorId", "extra"});
    String value = "\"" + "x".repeat(100 + random.nextInt(20_000)) + "\"";
    return withField(valid, field, value);
  }

  /** The object {@code valid} with one more member appended as written (a duplicate key, too). */
  private static byte[] withField(String valid, String name, String rawValue) {
    return (valid.substring(0, valid.length() - 1) + ",\"" + name + "\":" + rawValue + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  private static HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private Reply post(String contentType, byte[] body, boolean chunked) {
    return send("POST", "/api/v1/events", contentType, body, chunked);
  }

  private Reply send(String method, String path, String contentType, byte[] body, boolean chunked) {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
    if (contentType != null) request.header("Content-Type", contentType);
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
        : HttpRequest.BodyPublishers.ofByteArray(body);
    try {
      HttpResponse<String> response;
      var pending = client.sendAsync(request.method(method, publisher).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      try {
        // a hard bound of its own: a request the node never answers must fail the test, not hang it
        response = pending.get(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        pending.cancel(true);
        client = newClient(); // the connection may be stuck; later requests take a fresh one
        return new Reply(0, "(no response within " + RESPONSE_TIMEOUT.toSeconds() + " s)", null, null);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
      JsonNode json = null;
      if (response.headers().firstValue("Content-Type").orElse("").startsWith(JSON) && !response.body().isEmpty()) {
        try {
          json = READER.readTree(response.body());
        } catch (IOException e) {
          failures.add(method + " " + path + " answered " + response.statusCode() + " with invalid JSON: "
              + response.body());
        }
      }
      return new Reply(response.statusCode(), response.body(), json,
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException("seed " + seed + ": " + method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void count(String outcome) {
    statusCounts.merge(outcome, 1, Integer::sum);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The body's physical lines as the NDJSON contract defines them (LF-terminated, one CR dropped). */
  private static List<byte[]> physicalLines(byte[] body) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        if (i > start || i < body.length) {
          int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
          lines.add(Arrays.copyOfRange(body, start, end));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
    }
    return true;
  }

  private static String preview(byte[] body) {
    var text = new StringBuilder();
    int shown = Math.min(body.length, 300);
    for (int i = 0; i < shown; i++) {
      int b = body[i] & 0xff;
      text.append(b >= 0x20 && b < 0x7f && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
    }
    return text + (body.length > shown ? "… (" + (body.length - shown) + " more bytes)" : "");
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte pickByte() {
    return INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    return concat(concat(Arrays.copyOfRange(bytes, 0, at), inserted), Arrays.copyOfRange(bytes, at, bytes.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
