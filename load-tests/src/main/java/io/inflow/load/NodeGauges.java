package io.inflow.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a node's gauges from {@code GET /metrics} (Prometheus text format, admin token): the heap
 * figures the harness reports beside latency ({@code inflow_jvm_heap_bytes{area=…}}) and the live
 * subscribers ({@code inflow_websocket_subscribers}). Only plain {@code name{labels} value} sample
 * lines are read; comments and other series are skipped.
 */
public final class NodeGauges {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?)\\s+(\\S+)");

  private final Map<String, Double> samples;

  private NodeGauges(Map<String, Double> samples) {
    this.samples = samples;
  }

  /** Parses an exposition text; a line that is not a sample is ignored. */
  public static NodeGauges parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) continue;
      Matcher m = SAMPLE.matcher(line.strip());
      if (!m.find()) continue;
      try {
        samples.put(m.group(1), Double.parseDouble(m.group(2)));
      } catch (NumberFormatException e) {
        // not a number: not a sample we read
      }
    }
    return new NodeGauges(samples);
  }

  /** The node's gauges now, or empty when /metrics cannot be read (no admin token, node down). */
  public static Optional<NodeGauges> read(HttpClient client, URI baseUrl, Optional<String> token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/metrics")).timeout(Duration.ofSeconds(10));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<String> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The value of series {@code name} with exactly these labels (e.g. {@code area="used"}), if present. */
  public Optional<Double> value(String name, String labels) {
    return Optional.ofNullable(samples.get(labels.isEmpty() ? name : name + "{" + labels + "}"));
  }

  /** {@code inflow_jvm_heap_bytes{area=…}} in bytes, or null. */
  public Long heapBytes(String area) {
    return value("inflow_jvm_heap_bytes", "area=\"" + area + "\"").map(Math::round).orElse(null);
  }
}
