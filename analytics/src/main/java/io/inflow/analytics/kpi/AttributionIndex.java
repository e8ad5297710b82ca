package io.inflow.analytics.kpi;

import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.Conversion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the influencer a conversion belongs to from a campaign's enrolments, for conversions that
 * do not name one: by discount code, tracked link or UTM value. Immutable; build one per campaign
 * definition.
 *
 * <p>Matching, per kind (a discount code only matches discount codes, and so on):
 * <ul>
 *   <li>discount codes and UTM values: trimmed, case-insensitive;
 *   <li>links: trimmed, scheme and host case-insensitive, {@code http} and {@code https} the same,
 *       default ports (80, 443) dropped, query, fragment and trailing slashes ignored, a link without
 *       scheme read as {@code https://}; the path stays case-sensitive.
 * </ul>
 * A value enrolled for two or more influencers is ambiguous: it resolves to nobody and is listed by
 * {@link #ambiguities()} so the API can warn. Blank enrolment values are ignored. The caller counts
 * conversions that resolve to nobody as unattributed.
 */
public final class AttributionIndex {

  /** One value enrolled for several influencers. */
  public record Ambiguity(Attribution.Kind kind, String value, Set<String> influencerIds) {
    public Ambiguity {
      influencerIds = Collections.unmodifiableSet(new TreeSet<>(influencerIds));
    }
  }

  private static final AttributionIndex EMPTY = new AttributionIndex(new EnumMap<>(Attribution.Kind.class));

  private final Map<Attribution.Kind, Map<String, Set<String>>> owners;

  private AttributionIndex(Map<Attribution.Kind, Map<String, Set<String>>> owners) {
    this.owners = owners;
  }

  public static AttributionIndex of(Collection<Enrolment> enrolments) {
    if (enrolments == null || enrolments.isEmpty()) return EMPTY;
    Map<Attribution.Kind, Map<String, Set<String>>> owners = new EnumMap<>(Attribution.Kind.class);
    for (Enrolment e : enrolments) {
      if (e == null || isBlank(e.influencerId())) continue;
      index(owners, Attribution.Kind.DISCOUNT_CODE, e.discountCode(), e.influencerId());
      index(owners, Attribution.Kind.LINK, e.link(), e.influencerId());
      index(owners, Attribution.Kind.UTM, e.utm(), e.influencerId());
    }
    return new AttributionIndex(owners);
  }

  /** The index of a campaign's enrolments; empty for a null definition. */
  public static AttributionIndex of(CampaignDefinition definition) {
    return definition == null ? EMPTY : of(definition.influencers());
  }

  private static void index(Map<Attribution.Kind, Map<String, Set<String>>> owners, Attribution.Kind kind,
      String value, String influencerId) {
    if (isBlank(value)) return;
    owners.computeIfAbsent(kind, k -> new TreeMap<>())
        .computeIfAbsent(normalise(kind, value), v -> new TreeSet<>())
        .add(influencerId.trim());
  }

  /** The influencer the attribution names unambiguously, or empty. */
  public Optional<String> resolve(Attribution attribution) {
    Set<String> found = owners(attribution);
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  /** The conversion's own influencerId when it has one, else what its attribution resolves to. */
  public Optional<String> influencerFor(Conversion conversion) {
    if (!isBlank(conversion.influencerId())) return Optional.of(conversion.influencerId());
    return resolve(conversion.attribution());
  }

  /** Whether the attribution's value is enrolled for more than one influencer. */
  public boolean isAmbiguous(Attribution attribution) {
    return owners(attribution).size() > 1;
  }

  /** Every ambiguous value, by kind and value. */
  public List<Ambiguity> ambiguities() {
    List<Ambiguity> out = new ArrayList<>();
    owners.forEach((kind, byValue) -> byValue.forEach((value, ids) -> {
      if (ids.size() > 1) out.add(new Ambiguity(kind, value, ids));
    }));
    return List.copyOf(out);
  }

  private Set<String> owners(Attribution attribution) {
    if (attribution == null || attribution.kind() == null || isBlank(attribution.value())) return Set.of();
    Map<String, Set<String>> byValue = owners.get(attribution.kind());
    if (byValue == null) return Set.of();
    return byValue.getOrDefault(normalise(attribution.kind(), attribution.value()), Set.of());
  }

  /** The form values of {@code kind} are compared in. */
  public static String normalise(Attribution.Kind kind, String value) {
    return kind == Attribution.Kind.LINK ? normaliseLink(value) : value.trim().toLowerCase(Locale.ROOT);
  }

  static String normaliseLink(String raw) {
    String s = raw.trim();
    int cut = firstIndexOf(s, '?', '#');
    if (cut >= 0) s = s.substring(0, cut);
    String scheme = "https";
    String rest = s;
    int sep = s.indexOf("://");
    if (sep > 0 && isScheme(s.substring(0, sep))) {
      String given = s.substring(0, sep).toLowerCase(Locale.ROOT);
      if (!given.equals("http")) scheme = given;
      rest = s.substring(sep + 3);
    } else if (s.startsWith("//")) {
      rest = s.substring(2);
    }
    int slash = rest.indexOf('/');
    String authority = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (authority.endsWith(":443") || authority.endsWith(":80")) {
      authority = authority.substring(0, authority.lastIndexOf(':'));
    }
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') end--;
    return scheme + "://" + authority + path.substring(0, end);
  }

  private static boolean isScheme(String s) {
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) return false;
    for (char c : s.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return false;
    }
    return true;
  }

  private static int firstIndexOf(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) return i;
    }
    return -1;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
