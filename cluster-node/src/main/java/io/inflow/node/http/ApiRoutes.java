package io.inflow.node.http;

import io.inflow.node.campaign.CampaignService;
import io.inflow.node.influencer.InfluencerService;
import io.inflow.node.ingest.IngestService;
import io.inflow.node.ingest.IngestUnavailableException;
import io.inflow.node.readmodel.ReadModelService;
import io.inflow.node.live.LiveUpdates;
import io.inflow.node.audit.AuditLog;
import io.inflow.node.security.BrandDirectory;
import io.inflow.node.security.Caller;
import io.inflow.protocol.api.ApiError;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.api.IngestResult;
import io.inflow.analytics.fraud.accounts.AccountScorer;
import io.inflow.analytics.fraud.accounts.AccountVerdict;
import io.inflow.analytics.sentiment.SentimentAnalyzer;
import io.inflow.protocol.codec.SentimentCodec;
import io.inflow.protocol.codec.AccountCodec;
import io.inflow.protocol.codec.CampaignCodec;
import io.inflow.protocol.codec.ErrorCodes;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.codec.EventCodec;
import io.inflow.protocol.codec.Json;
import io.inflow.protocol.codec.NumberedEvent;
import io.inflow.protocol.codec.ParsedBatch;
import io.inflow.protocol.codec.ValidationException;
import io.inflow.analytics.report.CampaignReportBuilder;
import io.inflow.analytics.report.ReportDimension;
import io.inflow.analytics.window.BucketSize;
import io.inflow.node.report.ReportService;
import io.inflow.protocol.api.CampaignReport;
import io.inflow.protocol.codec.ReportCsv;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.http.scaladsl.model.IllegalRequestException;
import org.apache.pekko.pattern.StatusReply;

/**
 * Inflow's HTTP API v1 and health endpoints. Every failure leaves through one exception handler
 * that renders the JSON error shape {@code {"error","message","details"}} with the right status.
 */
public final class ApiRoutes extends AllDirectives {
  private static final String NDJSON = "application/x-ndjson";

  private final IngestService ingest;
  private final CampaignService campaigns;
  private final InfluencerService influencers;
  private final ReadModelService readModel;
  private final ReportService reports;
  private final LiveUpdates live;
  private final Readiness readiness;
  private final EventCodec eventCodec;
  private final Accounts accounts;
  private final Texts texts;
  private final io.inflow.node.metrics.NodeMetrics metrics;
  private final io.inflow.node.cluster.ClusterStatus clusterStatus;
  private final Guard guard;
  private final BrandDirectory brands;
  private final IngestScope ingestScope;
  private final AuditLog audit;
  private final Dashboard dashboard;
  private final Duration bodyReadTimeout = Duration.ofSeconds(20);
  private final java.util.Map<Endpoint, Handler> handlers = handlers();
  private final ExceptionHandler errors;

  /**
   * {@code readModel} and {@code audit} are null where the journal is not Cassandra (route tests);
   * their routes then answer 503.
   */
  public ApiRoutes(IngestService ingest, CampaignService campaigns, InfluencerService influencers,
      ReadModelService readModel, ReportService reports, LiveUpdates live, Readiness readiness,
      EventCodec eventCodec, Security security, Accounts accounts, Texts texts,
      io.inflow.node.cluster.ClusterStatus clusterStatus) {
    this(ingest, campaigns, influencers, readModel, reports, live, readiness, eventCodec, security, accounts, texts,
        clusterStatus, Dashboard.packaged());
  }

  /** With the dashboard's files from {@code dashboard} (a working copy while developing it). */
  public ApiRoutes(IngestService ingest, CampaignService campaigns, InfluencerService influencers,
      ReadModelService readModel, ReportService reports, LiveUpdates live, Readiness readiness,
      EventCodec eventCodec, Security security, Accounts accounts, Texts texts,
      io.inflow.node.cluster.ClusterStatus clusterStatus, Dashboard dashboard) {
    this.dashboard = dashboard;
    this.guard = new Guard(security.verifier(), security.limiter(), security.audit(), security.nodeName(),
        new Guard.Settings(security.corsOrigins(), security.tls()));
    this.brands = security.brands();
    this.ingestScope = new IngestScope(security.brands());
    this.audit = security.audit();
    this.readModel = readModel;
    this.reports = reports;
    this.ingest = ingest;
    this.campaigns = campaigns;
    this.influencers = influencers;
    this.live = live;
    this.readiness = readiness;
    this.eventCodec = eventCodec;
    this.accounts = accounts;
    this.texts = texts;
    this.clusterStatus = clusterStatus;
    this.metrics = java.util.Objects.requireNonNull(io.inflow.node.metrics.NodeMetrics.get(), "NodeMetrics.start first");
    this.errors = exceptionHandler();
  }

  /** The sentiment analyser and the most texts one classify request may hold. */
  public record Texts(SentimentAnalyzer analyzer, int maxPerRequest) {
    public Texts {
      if (maxPerRequest < 1) throw new IllegalArgumentException("inflow.limits.classify-texts must be ≥ 1");
    }
  }

  /** The account classifier and the most accounts one classify request may hold. */
  public record Accounts(AccountScorer scorer, int maxPerRequest) {
    public Accounts {
      if (maxPerRequest < 1) throw new IllegalArgumentException("inflow.limits.classify-accounts must be ≥ 1");
    }
  }

  /** What the routes need for authentication, brand scoping, audit and limits. */
  public record Security(io.inflow.node.security.TokenVerifier verifier, io.inflow.node.security.RateLimiter limiter,
      BrandDirectory brands, AuditLog audit, String nodeName, java.util.Set<String> corsOrigins, boolean tls) {}

  /** Serves one endpoint for an authenticated caller ({@code null} for open endpoints); {@code id} is the path's {@code {id}}. */
  private interface Handler {
    Route handle(Caller caller, String id);
  }

  private java.util.Map<Endpoint, Handler> handlers() {
    java.util.Map<Endpoint, Handler> h = new java.util.EnumMap<>(Endpoint.class);
    h.put(Endpoint.HEALTH_ALIVE, (caller, id) -> json(StatusCodes.OK, java.util.Map.of("status", "alive")));
    h.put(Endpoint.HEALTH_READY, (caller, id) -> ready());
    h.put(Endpoint.DASHBOARD, (caller, id) -> dashboard.page());
    h.put(Endpoint.DASHBOARD_ASSET, (caller, id) -> dashboard.asset(id));
    h.put(Endpoint.POST_EVENTS, (caller, id) -> postEvents(caller));
    h.put(Endpoint.PUT_CAMPAIGN, (caller, id) -> putCampaign(id));
    h.put(Endpoint.GET_CAMPAIGN, (caller, id) -> getCampaign(id));
    h.put(Endpoint.CAMPAIGN_REPORT, (caller, id) -> report(id));
    h.put(Endpoint.CAMPAIGN_LIVE, (caller, id) -> liveCampaign(id));
    h.put(Endpoint.LIST_INFLUENCERS, (caller, id) -> listInfluencers(caller));
    h.put(Endpoint.GET_INFLUENCER, (caller, id) -> getInfluencer(id));
    h.put(Endpoint.INFLUENCER_FRAUD, (caller, id) -> {
      if (!influencers.fraudScoring()) {
        throw new ApiException(StatusCodes.NOT_FOUND, "fraud_scoring_off",
            "fraud scoring is off on this cluster (inflow.fraud.enabled = false)", List.of(), null);
      }
      return onSuccess(influencers.fraud(id), report -> json(StatusCodes.OK,
          report.orElseThrow(() -> ApiException.notFound("influencer", id))));
    });
    h.put(Endpoint.LIST_BRANDS, (caller, id) -> listBrands(caller));
    h.put(Endpoint.BRAND_OVERVIEW, (caller, id) -> brandOverview(id));
    h.put(Endpoint.AUDIT_LOG, (caller, id) -> auditLog());
    h.put(Endpoint.CLASSIFY_ACCOUNTS, (caller, id) -> classifyAccounts());
    h.put(Endpoint.CLASSIFY_SENTIMENT, (caller, id) -> classifySentiment());
    h.put(Endpoint.NETWORK, (caller, id) -> network(caller));
    h.put(Endpoint.CLUSTER_STATUS, (caller, id) -> onSuccess(clusterStatus.view(), view -> json(StatusCodes.OK, view)));
    h.put(Endpoint.METRICS, (caller, id) -> complete(org.apache.pekko.http.javadsl.model.HttpResponse.create()
        .withEntity(org.apache.pekko.http.javadsl.model.ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8"),
            metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    var missing = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(h.keySet()));
    if (!missing.isEmpty()) throw new IllegalStateException("endpoints without a handler: " + missing);
    return java.util.Collections.unmodifiableMap(h);
  }

  /**
   * The whole route tree: the {@link Endpoint} catalogue is the router, so every route the node
   * serves has an access rule (and a row in the authorisation matrix test). A path of no endpoint is
   * 404, a known path with another method 405.
   */
  public Route routes() {
    return guard.outermost(() ->
        handleExceptions(errors, () -> handleRejections(rejectionHandler(), this::dispatch)));
  }

  private Route dispatch() {
    return extractRequest(request -> {
      List<String> segments = new java.util.ArrayList<>();
      request.getUri().pathSegments().forEach(segments::add);
      boolean pathKnown = false;
      for (Endpoint endpoint : Endpoint.values()) {
        String id = endpoint.match(segments);
        if (id == null) continue;
        pathKnown = true;
        if (!endpoint.method().equals(request.method().name())) continue;
        long started = System.nanoTime();
        return mapResponse(response -> {
          metrics.request(endpoint.name(), response.status().intValue(), System.nanoTime() - started);
          return response;
        }, () -> guard.endpoint(endpoint, endpoint.resource(id), errors,
            caller -> {
              if (id.isEmpty()) return handlers.get(endpoint).handle(caller, null);
              String problem = io.inflow.protocol.codec.EntityIds.problem(id, eventCodec.limits());
              if (problem != null) throw invalidParameter("id", "the id in the path " + problem);
              return scoped(endpoint.scope(), caller, id, () -> handlers.get(endpoint).handle(caller, id));
            }));
      }
      if (pathKnown) {
        throw new ApiException(StatusCodes.METHOD_NOT_ALLOWED, "method_not_allowed",
            request.method().name() + " is not supported on " + request.getUri().path(), List.of(), null);
      }
      throw new ApiException(StatusCodes.NOT_FOUND, "not_found", "no such endpoint: " + request.getUri().path(),
          List.of(), null);
    });
  }

  private static ApiException brandForbidden(Caller caller, String what) {
    return ApiException.forbidden("brand_forbidden", what + " is not in this token's brands " + new java.util.TreeSet<>(caller.brands()));
  }

  /**
   * The brand check an endpoint's {@link Endpoint.Scope} names for a resource in its path; list
   * filtering and the ingest check need the request's data and happen in their handlers.
   */
  private Route scoped(Endpoint.Scope scope, Caller caller, String id, java.util.function.Supplier<Route> inner) {
    return switch (scope) {
      case CAMPAIGN -> campaignAccess(caller, id, inner);
      case INFLUENCER -> influencerAccess(caller, id, inner);
      case BRAND -> {
        if (!caller.canRead(id)) throw brandForbidden(caller, "brand " + id);
        yield inner.get();
      }
      case NONE, FILTERED, EVENTS -> inner.get();
    };
  }

  /** An admin reads any campaign; an analyst only its brands' (404 for a campaign nobody defined). */
  private Route campaignAccess(Caller caller, String campaignId, java.util.function.Supplier<Route> inner) {
    if (caller.isAdmin()) return inner.get();
    return onSuccess(brands.campaignBrand(campaignId), brand -> {
      if (brand.isEmpty()) throw ApiException.notFound("campaign", campaignId);
      if (!caller.canRead(brand.get())) throw brandForbidden(caller, "campaign " + campaignId);
      return inner.get();
    });
  }

  /** An analyst reads an influencer enrolled in (or with events of) a campaign of its brands. */
  private Route influencerAccess(Caller caller, String influencerId, java.util.function.Supplier<Route> inner) {
    if (caller.isAdmin()) return inner.get();
    return onSuccess(brands.influencerBrands(influencerId), of -> {
      if (of.stream().noneMatch(caller::canRead)) throw brandForbidden(caller, "influencer " + influencerId);
      return inner.get();
    });
  }

  /** {@code GET /api/v1/audit?from=&to=&subject=&limit=}: default the last 24 h, at most 31 days and 10,000 entries. */
  private Route auditLog() {
    return parameterOptional("from", fromParam -> parameterOptional("to", toParam ->
        parameterOptional("subject", subject -> parameterOptional("limit", limitParam -> {
          Instant to = toParam.map(v -> instant("to", v)).orElseGet(Instant::now);
          Instant from = fromParam.map(v -> instant("from", v)).orElse(to.minus(Duration.ofDays(1)));
          if (!from.isBefore(to)) throw invalidParameter("from", "from must be before to");
          if (Duration.between(from, to).compareTo(Duration.ofDays(AuditLog.MAX_DAYS)) > 0) {
            throw invalidParameter("from", "at most " + AuditLog.MAX_DAYS + " days per request");
          }
          int limit = limitParam.map(v -> parseLimit("limit", v, 10_000)).orElse(1000);
          if (audit == null) {
            throw ApiException.unavailable("audit_unavailable", "this node has no audit table (journal is not Cassandra)", 5);
          }
          return onSuccess(audit.query(from, to, subject.orElse(null), limit), page -> json(StatusCodes.OK,
              java.util.Map.of("entries", page.entries(), "count", page.entries().size(),
                  "truncated", page.truncated())));
        }))));
  }

  private ReadModelService readModel() {
    if (readModel == null) {
      throw ApiException.unavailable("read_model_unavailable", "this node has no read model (journal is not Cassandra)", 5);
    }
    return readModel;
  }

  private Route listInfluencers(Caller caller) {
    return parameterOptional("tier", tier -> parameterOptional("platform", platform ->
        parameterOptional("sort", sort -> parameterOptional("limit", limit -> {
          ReadModelService.Sort order = sort.map(s -> ReadModelService.Sort.parse(s).orElseThrow(() ->
              ApiException.badRequest("invalid_parameter", "sort must be one of er, followers, views, engagements, growth",
                  List.of(ErrorDetail.field("sort", "invalid_value", "unknown sort '" + s + "'")))))
              .orElse(ReadModelService.Sort.ER);
          int max = limit.map(v -> parseLimit("limit", v, 1000)).orElse(50);
          var query = new ReadModelService.Query(tier.orElse(null), platform.orElse(null), order, max);
          ReadModelService rm = readModel();
          return onSuccess(visibleInfluencers(caller, null).thenCompose(filter -> rm.influencers(query, filter)),
              list -> json(StatusCodes.OK, java.util.Map.of("influencers", list, "count", list.size())));
        }))));
  }

  /**
   * Which influencer rows the caller may see: those of {@code brand} when given (the caller must be
   * able to read it), else all for an admin and its brands' for an analyst.
   */
  private java.util.concurrent.CompletionStage<java.util.function.Predicate<io.inflow.protocol.api.InfluencerListItem>>
      visibleInfluencers(Caller caller, String brand) {
    if (brand != null) {
      if (!caller.canRead(brand)) throw brandForbidden(caller, "brand " + brand);
      return brands.influencerFilter(java.util.Set.of(brand));
    }
    return caller.isAdmin() ? java.util.concurrent.CompletableFuture.completedFuture(item -> true)
        : brands.influencerFilter(caller.brands());
  }

  /**
   * {@code GET /api/v1/analytics/network?brand=&limit=}: the coordination graph of the influencers the
   * caller may see (of {@code brand}'s campaigns when given), at most {@code limit} nodes (default
   * 200, at most 1,000).
   */
  private Route network(Caller caller) {
    return parameterOptional("brand", brand -> parameterOptional("limit", limitParam -> {
      int limit = limitParam.map(v -> parseLimit("limit", v, 1000)).orElse(200);
      if (brand.isPresent() && brand.get().isBlank()) throw invalidParameter("brand", "brand must not be empty");
      var visible = visibleInfluencers(caller, brand.orElse(null));
      ReadModelService rm = readModel();
      return onSuccess(visible.thenCompose(filter -> rm.network(filter, limit)), graph -> json(StatusCodes.OK, graph));
    }));
  }

  private static int parseLimit(String name, String value, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= max) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw invalidParameter(name, name + " must be an integer from 1 to " + max + ", got '" + value + "'");
  }

  /** {@code {"brands":[…],"count"}}: the brands the caller may read, ordered by id, from the read model. */
  private Route listBrands(Caller caller) {
    return onSuccess(readModel().brands(caller::canRead), list -> json(StatusCodes.OK,
        java.util.Map.of("brands", list, "count", list.size())));
  }

  private Route brandOverview(String brandId) {
    return onSuccess(readModel().brandOverview(brandId), overview -> json(StatusCodes.OK,
        overview.orElseThrow(() -> ApiException.notFound("brand", brandId))));
  }

  private Route ready() {
    return onSuccess(readiness.check(), verdict -> verdict.ready()
        ? json(StatusCodes.OK, java.util.Map.of("status", "ready"))
        : json(StatusCodes.SERVICE_UNAVAILABLE,
            java.util.Map.of("status", "not_ready", "problems", verdict.problems())));
  }

  private Route postEvents(Caller caller) {
    long limit = ingest.settings().maxBodyBytes();
    return extractRequestEntity(entity -> extractStrictEntity(bodyReadTimeout, limit, strict -> {
      byte[] body = strict.getData().toArray();
      String mediaType = entity.getContentType().mediaType().toString().toLowerCase(Locale.ROOT);
      ParsedBatch parsed;
      if (mediaType.equals(NDJSON)) parsed = eventCodec.parseNdjson(body);
      else if (mediaType.equals("application/json")) parsed = eventCodec.parseSingle(body);
      else {
        throw new ApiException(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            "send one event as application/json or a batch as application/x-ndjson, not " + mediaType,
            List.of(), null);
      }
      if (parsed.events().isEmpty() && parsed.rejected().isEmpty()) {
        throw ApiException.badRequest("empty_body", "the request has no events", List.of());
      }
      if (parsed.events().isEmpty()) {
        metrics.ingested(0, 0, parsed.rejected().size());
        throw ApiException.badRequest("invalid_events",
            parsed.rejected().size() + " event(s) rejected, none accepted", parsed.rejected());
      }
      List<io.inflow.protocol.event.IngestEvent> events =
          parsed.events().stream().map(NumberedEvent::event).toList();
      var allowed = caller.ingestLimitedToBrands()
          ? ingestScope.check(caller, parsed.events()) : java.util.concurrent.CompletableFuture.<Void>completedFuture(null);
      // The reply needs only the rejections, so the parsed events can be collected while the request
      // waits for its acknowledgement (the entities' parts keep what they still need).
      List<ErrorDetail> rejected = parsed.rejected();
      return onSuccess(allowed.thenCompose(ok -> ingest.ingest(events)), outcome -> {
        metrics.ingested(outcome.accepted(), outcome.duplicates(), rejected.size());
        return json(StatusCodes.OK, new IngestResult(outcome.accepted(), outcome.duplicates(), rejected));
      });
    }));
  }

  private Route putCampaign(String campaignId) {
    return extractStrictEntity(bodyReadTimeout, 1_048_576, strict -> {
      var definition = CampaignCodec.parse(strict.getData().toArray());
      // A campaign never changes brand: brand scoping, the audit trail and the brand overview rows
      // (keyed by brand) all assume it. Define a new campaign instead.
      var defined = campaigns.summary(campaignId).thenCompose(current -> {
        if (current.isPresent() && !current.get().brandId().equals(definition.brandId())) {
          throw new ApiException(StatusCodes.CONFLICT, "brand_immutable", "campaign " + campaignId
              + " belongs to brand " + current.get().brandId() + "; a campaign cannot move to another brand",
              List.of(ErrorDetail.field("brandId", "immutable", "must stay " + current.get().brandId())), null);
        }
        return campaigns.define(campaignId, definition);
      });
      return onSuccess(defined, view -> json(StatusCodes.OK, view));
    });
  }

  /**
   * {@code {"accounts": [...]}} → {@code {"results": [{accountId, type, suspiciousProbability}]}} in
   * the same order. More than the limit is 413 {@code too_many_accounts}; a bad account is 400
   * naming its field ({@code accounts[3].followers}). Nothing is stored, so ids are not pseudonymised.
   */
  private Route classifyAccounts() {
    long bodyLimit = Math.max(1_048_576L, 1_024L * accounts.maxPerRequest());
    return extractStrictEntity(bodyReadTimeout, bodyLimit, strict -> {
      List<AudienceAccount> sent;
      try {
        sent = AccountCodec.parseRequest(strict.getData().toArray(), accounts.maxPerRequest());
      } catch (ValidationException e) {
        ErrorDetail first = e.details().get(0);
        if ("accounts".equals(first.field()) && ErrorCodes.TOO_LONG.equals(first.code())) {
          throw new ApiException(StatusCodes.PAYLOAD_TOO_LARGE, "too_many_accounts",
              "at most " + accounts.maxPerRequest() + " accounts per request; split them", e.details(), null);
        }
        throw e;
      }
      List<AccountVerdict> results = sent.stream().map(accounts.scorer()::classify).toList();
      return json(StatusCodes.OK, java.util.Map.of("results", results));
    });
  }

  /** {@code {"texts": [...]}} → {@code {"results": [{"language", "label", "score"}]}} in the same order. */
  private Route classifySentiment() {
    int maxLength = eventCodec.limits().maxTextLength();
    long bodyLimit = Math.max(1_048_576L, (long) texts.maxPerRequest() * maxLength * 4 + 1024);
    return extractStrictEntity(bodyReadTimeout, bodyLimit, strict -> {
      List<String> sent;
      try {
        sent = SentimentCodec.parseRequest(strict.getData().toArray(), texts.maxPerRequest(), eventCodec.limits());
      } catch (ValidationException e) {
        ErrorDetail first = e.details().get(0);
        if ("texts".equals(first.field()) && ErrorCodes.TOO_LONG.equals(first.code())) {
          throw new ApiException(StatusCodes.PAYLOAD_TOO_LARGE, "too_many_texts",
              "at most " + texts.maxPerRequest() + " texts per request; split them", e.details(), null);
        }
        throw e;
      }
      List<java.util.Map<String, Object>> results = new java.util.ArrayList<>(sent.size());
      for (String text : sent) {
        var c = texts.analyzer().classify(text);
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("language", c.language());
        row.put("label", c.label());
        row.put("score", c.score());
        results.add(row);
      }
      return json(StatusCodes.OK, java.util.Map.of("results", results));
    });
  }

  private Route getCampaign(String campaignId) {
    return onSuccess(campaigns.get(campaignId), view -> json(StatusCodes.OK,
        view.orElseThrow(() -> ApiException.notFound("campaign", campaignId))));
  }

  /**
   * The campaign's report: {@code from} (default {@code to} − 30 days) and {@code to} (default now)
   * as ISO instants or UTC dates, {@code bucket} hour|day|week (default day), {@code by}
   * influencer|post|platform (default influencer); CSV when the client accepts {@code text/csv}
   * (or asks {@code format=csv}), else JSON.
   */
  private Route report(String campaignId) {
    return parameterOptional("from", fromParam -> parameterOptional("to", toParam ->
        parameterOptional("bucket", bucketParam -> parameterOptional("by", byParam ->
            parameterOptional("format", format -> optionalHeaderValueByName("Accept", accept -> {
              Instant to = toParam.map(v -> instant("to", v))
                  .orElseGet(() -> Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
              Instant from = fromParam.map(v -> instant("from", v)).orElse(to.minus(Duration.ofDays(30)));
              BucketSize bucket = bucketParam.map(v -> CampaignReportBuilder.bucketSizeFromWire(v).orElseThrow(() ->
                  invalidParameter("bucket", "bucket must be one of hour, day, week, got '" + v + "'")))
                  .orElse(BucketSize.DAY);
              ReportDimension by = byParam.map(v -> ReportDimension.fromWire(v).orElseThrow(() ->
                  invalidParameter("by", "by must be one of influencer, post, platform, got '" + v + "'")))
                  .orElse(ReportDimension.INFLUENCER);
              boolean csv = format.map(f -> switch (f.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw invalidParameter("format", "format must be csv or json, got '" + f + "'");
              }).orElseGet(() -> accept.map(a -> a.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false));
              java.util.concurrent.CompletionStage<java.util.Optional<CampaignReport>> report;
              try {
                report = reports.report(campaignId, from, to, bucket, by);
              } catch (IllegalArgumentException e) {
                throw invalidParameter(e.getMessage().contains("points") ? "bucket" : "from", e.getMessage());
              }
              return onSuccess(report, found -> {
                CampaignReport r = found.orElseThrow(() -> ApiException.notFound("campaign", campaignId));
                if (!csv) return json(StatusCodes.OK, r);
                return complete(HttpResponse.create().withStatus(StatusCodes.OK)
                    .addHeader(RawHeader.create("Content-Disposition",
                        "attachment; filename=\"campaign-report.csv\""))
                    .withEntity(HttpEntities.create(CSV, ReportCsv.write(r))));
              });
            }))))));
  }

  private static final ContentType.NonBinary CSV =
      ContentTypes.create(MediaTypes.TEXT_CSV, HttpCharsets.UTF_8);

  private static ApiException invalidParameter(String field, String message) {
    return ApiException.badRequest("invalid_parameter", message,
        List.of(ErrorDetail.field(field, "invalid_value", message)));
  }

  /** An ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or a UTC date ({@code 2026-11-01}). */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private static Instant instant(String field, String value) {
    try {
      Instant at = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
      if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
        throw invalidParameter(field, field + " must be within the years 0001 to 9999, got '" + value + "'");
      }
      return at;
    } catch (DateTimeParseException e) {
      throw invalidParameter(field, field + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z or a date "
          + "such as 2026-11-01, got '" + value + "'");
    }
  }

  /**
   * WebSocket upgrade to the campaign's live updates. Refused before upgrading: 400
   * {@code websocket_required} for a plain request, 404 for an unknown campaign.
   */
  private Route liveCampaign(String campaignId) {
    return extractRequest(request -> {
      var upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade).orElseThrow(() ->
          ApiException.badRequest("websocket_required",
              "GET /api/v1/campaigns/{id}/live is a WebSocket endpoint: send an Upgrade: websocket request",
              List.of()));
      return onSuccess(live.open(campaignId), flow -> {
        var messages = flow.orElseThrow(() -> ApiException.notFound("campaign", campaignId));
        // a browser that sent its token as a subprotocol must get one of its offers back, or it drops the socket
        boolean offered = java.util.stream.StreamSupport.stream(upgrade.getRequestedProtocols().spliterator(), false)
            .anyMatch(Guard.LIVE_SUBPROTOCOL::equals);
        return complete(offered ? upgrade.handleMessagesWith(messages, Guard.LIVE_SUBPROTOCOL)
            : upgrade.handleMessagesWith(messages));
      });
    });
  }

  private Route getInfluencer(String influencerId) {
    return onSuccess(influencers.get(influencerId), view -> json(StatusCodes.OK,
        view.orElseThrow(() -> ApiException.notFound("influencer", influencerId))));
  }

  private Route json(StatusCode status, Object body) {
    return complete(jsonResponse(status, body));
  }

  static HttpResponse jsonResponse(StatusCode status, Object body) {
    return HttpResponse.create().withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.writeBytes(body)));
  }

  private static HttpResponse error(StatusCode status, String code, String message,
      List<ErrorDetail> details, Integer retryAfterSeconds) {
    HttpResponse response = jsonResponse(status, new ApiError(code, message, details));
    return retryAfterSeconds == null ? response
        : response.addHeader(RawHeader.create("Retry-After", String.valueOf(retryAfterSeconds)));
  }

  private static HttpResponse tooLarge(long limitBytes) {
    return error(StatusCodes.PAYLOAD_TOO_LARGE, "body_too_large",
        "request body exceeds the limit of " + limitBytes + " bytes; split the batch", List.of(), null);
  }

  /**
   * Reads and discards a refused body before answering. An over-limit body with a declared length
   * is refused before a byte of it is read; answering at once and closing would reset the
   * connection under a client still writing, which then sees a broken pipe instead of the 413.
   * Bodies the server would not parse at all ({@code parsing.max-content-length}) never get here,
   * and a body already partly read (chunked) cannot be drained again, so it is answered as is.
   */
  private Route drainedThen(HttpResponse response) {
    return extractRequestEntity(entity -> extractMaterializer(materializer -> onComplete(
        entity.discardBytes(materializer).completionStage(), drained -> complete(response))));
  }

  private ExceptionHandler exceptionHandler() {
    int retryAfter = ingest.settings().retryAfterSeconds();
    return ExceptionHandler.newBuilder()
        .matchAny(thrown -> {
          Throwable t = unwrap(thrown);
          HttpResponse response;
          if (t instanceof ApiException e) {
            response = error(e.status(), e.code(), e.getMessage(), e.details(), e.retryAfterSeconds());
          } else if (t instanceof ValidationException e) {
            response = error(StatusCodes.BAD_REQUEST, "invalid_request",
                e.details().size() + " problem(s) in the request: " + e.getMessage(), e.details(), null);
          } else if (t instanceof EntityStreamSizeException e) {
            return drainedThen(tooLarge(e.limit()));
          } else if (t instanceof IllegalRequestException e && (e.status().intValue() == 413
              || e.info().summary().toLowerCase(Locale.ROOT).contains("too large"))) {
            // Pekko reports an over-limit strict entity as a 400 "Request too large"; it is a 413
            return drainedThen(tooLarge(ingest.settings().maxBodyBytes()));
          } else if (t instanceof IllegalRequestException e) {
            response = error(e.status(), "bad_request", e.info().summary(), List.of(), null);
          } else if (t instanceof IngestUnavailableException e) {
            response = error(StatusCodes.SERVICE_UNAVAILABLE, e.code(), e.getMessage(), List.of(), retryAfter);
          } else if (t instanceof TimeoutException || t instanceof StatusReply.ErrorMessage
              || t instanceof org.apache.pekko.pattern.AskTimeoutException) {
            response = error(StatusCodes.SERVICE_UNAVAILABLE, "unavailable",
                "the entity did not answer in time (" + t.getClass().getSimpleName() + "); retry", List.of(), retryAfter);
          } else {
            org.slf4j.LoggerFactory.getLogger(ApiRoutes.class).error("unhandled request failure", t);
            response = error(StatusCodes.INTERNAL_SERVER_ERROR, "internal_error",
                "unexpected failure: " + t.getClass().getSimpleName(), List.of(), null);
          }
          return complete(response);
        })
        .build();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private RejectionHandler rejectionHandler() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(response -> {
      if (response.entity() instanceof HttpEntity.Strict strict
          && !strict.getContentType().equals(ContentTypes.APPLICATION_JSON)) {
        String message = strict.getData().utf8String();
        String code = response.status().equals(StatusCodes.NOT_FOUND) ? "not_found"
            : response.status().equals(StatusCodes.METHOD_NOT_ALLOWED) ? "method_not_allowed"
            : "bad_request";
        return response.withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON,
            Json.writeBytes(new ApiError(code, message, List.of()))));
      }
      return response;
    });
  }
}
