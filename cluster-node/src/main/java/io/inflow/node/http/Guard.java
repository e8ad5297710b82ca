package io.inflow.node.http;

import io.inflow.node.audit.AuditLog;
import io.inflow.node.security.AuthenticationException;
import io.inflow.node.security.Caller;
import io.inflow.node.security.RateLimiter;
import io.inflow.node.security.TokenVerifier;
import io.inflow.protocol.api.ApiError;
import io.inflow.protocol.api.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands in front of every route: security headers and CORS on every response; for each
 * {@link Endpoint} that is not open, the bearer token, the role check, the per-token rate limit, and
 * an audit record of the outcome.
 *
 * <p>The token comes from {@code Authorization: Bearer <token>}. Browsers cannot set headers on a
 * WebSocket upgrade, so the live endpoint also takes it as a subprotocol offer: {@code
 * Sec-WebSocket-Protocol: inflow, bearer.<token>} (the server answers {@code inflow}). Never as a
 * query parameter: URLs end up in access logs, proxies and browser history.
 */
final class Guard extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(Guard.class);
  /** The subprotocol the live endpoint answers when a browser offers it with its token. */
  static final String LIVE_SUBPROTOCOL = "inflow";
  private static final String TOKEN_SUBPROTOCOL_PREFIX = "bearer.";

  /** {@code corsOrigins}: exact origins allowed to call from a browser ({@code *} allows any). */
  record Settings(Set<String> corsOrigins, boolean tls) {}

  private final TokenVerifier verifier;
  private final RateLimiter limiter;
  private final AuditLog audit;
  private final String nodeName;
  private final Settings settings;
  private final List<HttpHeader> securityHeaders;

  /** {@code audit} null: no audit table (a journal other than Cassandra); entries are then only logged. */
  Guard(TokenVerifier verifier, RateLimiter limiter, AuditLog audit, String nodeName, Settings settings) {
    this.verifier = verifier;
    this.limiter = limiter;
    this.audit = audit;
    this.nodeName = nodeName;
    this.settings = settings;
    List<HttpHeader> headers = new ArrayList<>(List.of(
        RawHeader.create("X-Content-Type-Options", "nosniff"),
        RawHeader.create("X-Frame-Options", "DENY"),
        RawHeader.create("Referrer-Policy", "no-referrer"),
        RawHeader.create("Cache-Control", "no-store"),
        RawHeader.create("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
        RawHeader.create("Cross-Origin-Opener-Policy", "same-origin")));
    if (settings.tls()) headers.add(RawHeader.create("Strict-Transport-Security", "max-age=31536000"));
    this.securityHeaders = List.copyOf(headers);
  }

  /** Security headers and CORS around the whole route tree. */
  Route outermost(java.util.function.Supplier<Route> inner) {
    return respondWithDefaultHeaders(securityHeaders, () -> cors(inner));
  }

  private Route cors(java.util.function.Supplier<Route> inner) {
    return optionalHeaderValueByName("Origin", origin -> {
      if (origin.isEmpty()) return inner.get();
      boolean allowed = settings.corsOrigins().contains("*") || settings.corsOrigins().contains(origin.get());
      return extractRequest(request -> {
        boolean preflight = request.method().equals(HttpMethods.OPTIONS)
            && request.getHeader("Access-Control-Request-Method").isPresent();
        if (preflight) {
          if (!allowed) {
            return complete(ApiRoutes.jsonResponse(StatusCodes.FORBIDDEN, new ApiError("cors_origin_forbidden",
                "origin " + origin.get() + " is not in inflow.http.cors.allowed-origins", List.of())));
          }
          return complete(HttpResponse.create().withStatus(StatusCodes.NO_CONTENT).addHeaders(List.of(
              RawHeader.create("Access-Control-Allow-Origin", origin.get()),
              RawHeader.create("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS"),
              RawHeader.create("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept"),
              RawHeader.create("Access-Control-Max-Age", "600"),
              RawHeader.create("Vary", "Origin"))));
        }
        if (!allowed) return inner.get();
        return respondWithHeaders(List.of(
            RawHeader.create("Access-Control-Allow-Origin", origin.get()),
            RawHeader.create("Access-Control-Expose-Headers", "Retry-After, Content-Disposition"),
            RawHeader.create("Vary", "Origin")), inner);
      });
    });
  }

  /**
   * The endpoint's route for a caller that passed authentication, role and rate limit; {@code
   * resource} names what it touches in the audit record (null: nothing specific). Failures inside
   * {@code inner} are rendered by {@code errors} so the audit record sees the final status.
   */
  Route endpoint(Endpoint endpoint, String resource, ExceptionHandler errors, Function<Caller, Route> inner) {
    if (endpoint.open()) return inner.apply(null);
    return extractRequest(request -> extractClientIP(client -> {
      Caller caller;
      try {
        caller = verifier.verify(token(request, endpoint));
      } catch (AuthenticationException e) {
        audit(endpoint, resource, null, 401, client.toString());
        return complete(ApiRoutes.jsonResponse(StatusCodes.UNAUTHORIZED, new ApiError(e.code(), e.getMessage(), List.of()))
            .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"inflow\", error=\"invalid_token\", "
                + "error_description=\"" + e.code() + "\"")));
      }
      return mapResponse(response -> {
        audit(endpoint, resource, caller, response.status().intValue(), client.toString());
        return response;
      }, () -> handleExceptions(errors, () -> {
        if (!endpoint.allows(caller.role())) {
          throw ApiException.forbidden("role_forbidden", "role " + caller.role().wireName() + " may not call "
              + endpoint.action());
        }
        OptionalLong wait = limiter.tryAcquire(caller.tokenId());
        if (wait.isPresent()) {
          throw ApiException.tooManyRequests("too many requests for this token; retry in " + wait.getAsLong() + " s",
              wait.getAsLong());
        }
        return inner.apply(caller);
      }));
    }));
  }

  private static String token(HttpRequest request, Endpoint endpoint) {
    Optional<String> header = request.getHeader("Authorization").map(HttpHeader::value);
    if (header.isPresent()) {
      String value = header.get().trim();
      if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        return value.substring(7).trim();
      }
      throw new AuthenticationException("token_malformed", "the Authorization header must be 'Bearer <token>'");
    }
    if (endpoint != Endpoint.CAMPAIGN_LIVE) return null;
    for (HttpHeader offered : request.getHeaders()) {
      if (!offered.is("sec-websocket-protocol")) continue;
      for (String protocol : offered.value().split(",")) {
        String p = protocol.trim();
        if (p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return p.substring(TOKEN_SUBPROTOCOL_PREFIX.length());
      }
    }
    return null;
  }

  private void audit(Endpoint endpoint, String resource, Caller caller, int status, String client) {
    AuditEntry entry = new AuditEntry(Instant.now(), caller == null ? "anonymous" : caller.subject(),
        caller == null ? null : caller.role().wireName(), endpoint.action(), resource, status, client, nodeName);
    if (audit != null) audit.record(entry);
    else log.info("audit (not persisted: no audit table): {}", entry);
  }
}
