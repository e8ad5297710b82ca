package io.inflow.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.protocol.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A small blocking JSON client for tests that talk to a node over real HTTP. */
public final class HttpClientSupport {
  /** Status, headers and parsed JSON body of a response. */
  public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .executor(Executors.newFixedThreadPool(4))
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  /** A client sending an admin token ({@link io.inflow.node.TestTokens}). */
  public HttpClientSupport(String baseUrl) {
    this(baseUrl, io.inflow.node.TestTokens.admin());
  }

  /** A client sending {@code token} as bearer (none when null). */
  public HttpClientSupport(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The same node with another token (null: none). */
  public HttpClientSupport as(String otherToken) {
    return new HttpClientSupport(baseUrl, otherToken);
  }

  public Reply send(String method, String path, String contentType, String body) {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (contentType != null) request.header("Content-Type", contentType);
    return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  /** GET with an {@code Accept} header; a non-JSON body is left unparsed ({@code json} null). */
  public Reply get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET());
  }

  public Reply post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply put(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply ndjson(String body) {
    return post("/api/v1/events", "application/x-ndjson", body);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      if (token != null) request.header("Authorization", "Bearer " + token);
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
      JsonNode json = response.body().isEmpty() || !isJson ? null : Json.mapper().readTree(response.body());
      return new Reply(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
