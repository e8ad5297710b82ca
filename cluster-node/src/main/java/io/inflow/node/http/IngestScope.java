package io.inflow.node.http;

import io.inflow.node.security.BrandDirectory;
import io.inflow.node.security.Caller;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.codec.NumberedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The brand check of an ingest token limited to brands: an event naming a campaign must name a
 * campaign of those brands; an event of no campaign must be of an influencer that belongs to one of
 * them (see {@link BrandDirectory}). One event outside them refuses the whole request with 403,
 * listing every line at fault, and nothing of it is stored.
 */
final class IngestScope {
  private static final int MAX_DETAILS = 100;
  private final BrandDirectory brands;

  IngestScope(BrandDirectory brands) {
    this.brands = brands;
  }

  CompletionStage<Void> check(Caller caller, List<NumberedEvent> events) {
    Set<String> campaignIds = new LinkedHashSet<>();
    Set<String> influencerIds = new LinkedHashSet<>();
    for (NumberedEvent n : events) {
      if (n.event().campaignId() != null) campaignIds.add(n.event().campaignId());
      else if (n.event().influencerId() != null) influencerIds.add(n.event().influencerId());
    }
    Map<String, Set<String>> influencerBrands = new java.util.concurrent.ConcurrentHashMap<>();
    CompletableFuture<Void> influencersDone = CompletableFuture.allOf(influencerIds.stream()
        .map(id -> brands.influencerBrands(id).thenAccept(of -> influencerBrands.put(id, of)).toCompletableFuture())
        .toArray(CompletableFuture[]::new));
    return brands.campaignBrands(campaignIds).thenCombine(influencersDone, (campaignBrands, ignored) -> {
      List<ErrorDetail> problems = new ArrayList<>();
      int count = 0;
      for (NumberedEvent n : events) {
        String campaignId = n.event().campaignId();
        String message = null;
        if (campaignId != null) {
          String brand = campaignBrands.get(campaignId);
          if (brand == null) message = "campaign " + campaignId + " is not defined";
          else if (!caller.canIngestFor(brand)) message = "campaign " + campaignId + " is not of this token's brands";
        } else if (n.event().influencerId() != null
            && influencerBrands.getOrDefault(n.event().influencerId(), Set.of()).stream().noneMatch(caller::canIngestFor)) {
          message = "influencer " + n.event().influencerId() + " is not enrolled in a campaign of this token's brands";
        }
        if (message == null) continue;
        count++;
        if (problems.size() < MAX_DETAILS) {
          problems.add(new ErrorDetail(n.line(), n.event().eventId(), campaignId != null ? "campaignId" : "influencerId",
              "brand_forbidden", message));
        }
      }
      if (count > 0) {
        throw ApiException.forbidden("brand_forbidden", count + " event(s) are outside this token's brands "
            + new java.util.TreeSet<>(caller.brands()) + "; nothing was stored", problems);
      }
      return null;
    });
  }
}
