package io.inflow.node.http;

import io.inflow.node.campaign.CampaignService;
import io.inflow.node.influencer.InfluencerService;
import io.inflow.node.ingest.IngestService;
import io.inflow.node.ingest.IngestUnavailableException;
import io.inflow.node.readmodel.ReadModelService;
import io.inflow.node.live.LiveUpdates;
import io.inflow.protocol.api.ApiError;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.api.IngestResult;
import io.inflow.protocol.codec.CampaignCodec;
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
import org.apache.pekko.http.javadsl.server.PathMatchers;
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
  private final Duration bodyReadTimeout = Duration.ofSeconds(20);

  /** {@code readModel} is null where the journal is not Cassandra (route tests); its routes then answer 503. */
  public ApiRoutes(IngestService ingest, CampaignService campaigns, InfluencerService influencers,
      ReadModelService readModel, ReportService reports, LiveUpdates live, Readiness readiness,
      EventCodec eventCodec) {
    this.readModel = readModel;
    this.reports = reports;
    this.ingest = ingest;
    this.campaigns = campaigns;
    this.influencers = influencers;
    this.live = live;
    this.readiness = readiness;
    this.eventCodec = eventCodec;
  }

  public Route routes() {
    return handleExceptions(exceptionHandler(), () -> handleRejections(rejectionHandler(), this::allRoutes));
  }

  private Route allRoutes() {
    return concat(
        pathPrefix("health", () -> concat(
            path("alive", () -> get(() -> json(StatusCodes.OK, java.util.Map.of("status", "alive")))),
            path("ready", () -> get(this::ready)))),
        pathPrefix("api", () -> pathPrefix("v1", this::apiV1)));
  }

  private Route apiV1() {
    return concat(
        path("events", () -> post(this::postEvents)),
        pathPrefix("campaigns", () -> pathPrefix(PathMatchers.segment(), campaignId -> concat(
            pathEnd(() -> concat(
                put(() -> putCampaign(campaignId)),
                get(() -> getCampaign(campaignId)))),
            path("report", () -> get(() -> report(campaignId))),
            path("live", () -> get(() -> liveCampaign(campaignId)))))),
        pathPrefix("influencers", () -> concat(
            pathEnd(() -> get(this::listInfluencers)),
            path(PathMatchers.segment(), influencerId -> get(() -> getInfluencer(influencerId))))),
        pathPrefix("brands", () -> path(PathMatchers.segment().slash("overview"), brandId ->
            get(() -> brandOverview(brandId)))));
  }

  private ReadModelService readModel() {
    if (readModel == null) {
      throw ApiException.unavailable("read_model_unavailable", "this node has no read model (journal is not Cassandra)", 5);
    }
    return readModel;
  }

  private Route listInfluencers() {
    return parameterOptional("tier", tier -> parameterOptional("platform", platform ->
        parameterOptional("sort", sort -> parameterOptional("limit", limit -> {
          ReadModelService.Sort order = sort.map(s -> ReadModelService.Sort.parse(s).orElseThrow(() ->
              ApiException.badRequest("invalid_parameter", "sort must be one of er, followers, views, engagements, growth",
                  List.of(ErrorDetail.field("sort", "invalid_value", "unknown sort '" + s + "'")))))
              .orElse(ReadModelService.Sort.ER);
          int max = limit.map(ApiRoutes::parseLimit).orElse(50);
          var query = new ReadModelService.Query(tier.orElse(null), platform.orElse(null), order, max);
          return onSuccess(readModel().influencers(query), list -> json(StatusCodes.OK,
              java.util.Map.of("influencers", list, "count", list.size())));
        }))));
  }

  private static int parseLimit(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 1000) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ApiException.badRequest("invalid_parameter", "limit must be an integer from 1 to 1000",
        List.of(ErrorDetail.field("limit", "invalid_value", "limit must be an integer from 1 to 1000, got '" + value + "'")));
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

  private Route postEvents() {
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
        throw ApiException.badRequest("invalid_events",
            parsed.rejected().size() + " event(s) rejected, none accepted", parsed.rejected());
      }
      List<io.inflow.protocol.event.IngestEvent> events =
          parsed.events().stream().map(NumberedEvent::event).toList();
      return onSuccess(ingest.ingest(events), outcome -> json(StatusCodes.OK,
          new IngestResult(outcome.accepted(), outcome.duplicates(), parsed.rejected())));
    }));
  }

  private Route putCampaign(String campaignId) {
    return extractStrictEntity(bodyReadTimeout, 1_048_576, strict -> {
      var definition = CampaignCodec.parse(strict.getData().toArray());
      return onSuccess(campaigns.define(campaignId, definition), view -> json(StatusCodes.OK, view));
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
  private static Instant instant(String field, String value) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
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
      return onSuccess(live.open(campaignId), flow -> complete(upgrade.handleMessagesWith(
          flow.orElseThrow(() -> ApiException.notFound("campaign", campaignId)))));
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
            response = tooLarge(e.limit());
          } else if (t instanceof IllegalRequestException e && (e.status().intValue() == 413
              || e.info().summary().toLowerCase(Locale.ROOT).contains("too large"))) {
            // Pekko reports an over-limit strict entity as a 400 "Request too large"; it is a 413
            response = tooLarge(ingest.settings().maxBodyBytes());
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
