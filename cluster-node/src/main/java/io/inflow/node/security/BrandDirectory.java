package io.inflow.node.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inflow.node.campaign.CampaignService;
import io.inflow.node.influencer.InfluencerService;
import io.inflow.node.readmodel.ReadModel;
import io.inflow.protocol.api.CampaignListItem;
import io.inflow.protocol.api.InfluencerListItem;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Which brand owns what, for brand scoping.
 *
 * <ul>
 *   <li>A campaign's brand comes from its entity (its definition), so it holds from the moment the
 *       campaign is defined; answers are cached for {@code ttl}.
 *   <li>An influencer belongs to the brands of the campaigns its own events name (from its entity)
 *       and of the campaigns whose definitions enrol it (from the read model's campaign rows, so an
 *       enrolment counts once the read model has flushed it: {@code inflow.read-model.flush-interval}).
 * </ul>
 * Without a read model (a journal other than Cassandra) only the first rule applies.
 */
public final class BrandDirectory {
  private final CampaignService campaigns;
  private final InfluencerService influencers;
  private final ReadModel readModel;
  private final Executor executor;
  private final AsyncLoadingCache<String, Optional<String>> campaignBrands;
  private final AsyncLoadingCache<String, Map<String, Set<String>>> enrolments;

  public BrandDirectory(CampaignService campaigns, InfluencerService influencers, ReadModel readModel,
      Executor executor, Duration ttl) {
    this.campaigns = campaigns;
    this.influencers = influencers;
    this.readModel = readModel;
    this.executor = executor;
    this.campaignBrands = Caffeine.newBuilder().executor(executor).maximumSize(100_000).expireAfterWrite(ttl)
        .buildAsync((id, ex) -> campaigns.summary(id)
            .thenApply(row -> row.map(CampaignListItem::brandId)).toCompletableFuture());
    this.enrolments = Caffeine.newBuilder().executor(executor).maximumSize(1).expireAfterWrite(ttl)
        .buildAsync((key, ex) -> loadEnrolments().toCompletableFuture());
  }

  /** The campaign's brand, empty while the campaign is not defined (not cached then). */
  public CompletionStage<Optional<String>> campaignBrand(String campaignId) {
    return campaignBrands.get(campaignId).thenApply(brand -> {
      if (brand.isEmpty()) campaignBrands.synchronous().invalidate(campaignId);
      return brand;
    });
  }

  /** The brands of each of {@code campaignIds} that is defined. */
  public CompletionStage<Map<String, String>> campaignBrands(Collection<String> campaignIds) {
    return campaignBrands.getAll(Set.copyOf(campaignIds)).thenApply(found -> found.entrySet().stream()
        .filter(e -> e.getValue().isPresent())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
  }

  /** Every brand the influencer belongs to (see the class comment). */
  public CompletionStage<Set<String>> influencerBrands(String influencerId) {
    CompletionStage<List<String>> own = influencers.summary(influencerId)
        .thenApply(row -> row.map(InfluencerListItem::campaigns).orElse(List.of()));
    return own.thenCompose(campaignIds -> campaignBrands(campaignIds == null ? List.of() : campaignIds))
        .thenCombine(enrolments.get("all"), (fromEvents, enrolled) -> {
          Set<String> brands = new HashSet<>(fromEvents.values());
          brands.addAll(enrolled.getOrDefault(influencerId, Set.of()));
          return brands;
        });
  }

  /**
   * What an analyst of {@code brands} may see in the influencer list: influencers enrolled in, or
   * with events of, a campaign of those brands (read model only; the list comes from it too).
   */
  public CompletionStage<java.util.function.Predicate<InfluencerListItem>> influencerFilter(Set<String> brands) {
    if (readModel == null) return CompletableFuture.completedFuture(item -> false);
    return readModel.campaigns().thenApplyAsync(rows -> {
      Set<String> campaignIds = new HashSet<>();
      Set<String> enrolled = new HashSet<>();
      for (CampaignListItem c : rows) {
        if (!brands.contains(c.brandId())) continue;
        campaignIds.add(c.campaignId());
        if (c.enrolled() != null) enrolled.addAll(c.enrolled());
      }
      return item -> enrolled.contains(item.influencerId())
          || (item.campaigns() != null && item.campaigns().stream().anyMatch(campaignIds::contains));
    }, executor);
  }

  private CompletionStage<Map<String, Set<String>>> loadEnrolments() {
    if (readModel == null) return CompletableFuture.completedFuture(Map.of());
    return readModel.campaigns().thenApply(rows -> {
      Map<String, Set<String>> byInfluencer = new java.util.HashMap<>();
      for (CampaignListItem c : rows) {
        if (c.enrolled() == null) continue;
        for (String id : c.enrolled()) byInfluencer.computeIfAbsent(id, k -> new HashSet<>()).add(c.brandId());
      }
      return byInfluencer;
    });
  }
}
