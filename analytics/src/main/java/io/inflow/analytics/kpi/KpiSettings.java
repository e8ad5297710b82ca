package io.inflow.analytics.kpi;

import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configurable variants of Inflow's KPIs: which actions count as engagements, the EMV rate
 * table and whether EMV is discounted by audience quality. Immutable.
 *
 * <h2>EMV rate table</h2>
 * EMV (earned media value) = Σ over platforms, Σ over actions, rate × count. A rate is looked up
 * per action: the platform's row if it names the action, else the {@code default} row, else zero.
 * There is no hidden multiplier; the only other factor is the optional audience-quality discount.
 * Views and impressions are both priced when both are reported; set one to zero to price only one.
 *
 * <p>{@link #defaults()} uses this table, in USD per single action. The values are round,
 * explainable reference points (an impression at a $5 CPM, a view at 1–5 cents, a comment worth
 * several likes, a share or save about as much as a comment), not an industry standard: every
 * operator should set their own.
 *
 * <pre>
 * platform   views   impressions  likes  comments  shares  saves  clicks
 * instagram  0.02    0.005        0.08   0.50      0.50    0.50   (default)
 * tiktok     0.01    0.003        0.03   0.20      0.25    0.25   (default)
 * youtube    0.05    0.005        0.10   0.60      0.50    0.20   (default)
 * default    0.01    0.005        0.05   0.30      0.30    0.30   0.75
 * </pre>
 *
 * The {@code default} row prices every platform without a row of its own (facebook, x, twitch, …)
 * and actions whose platform is unknown (clicks carry no platform).
 *
 * <p>Defaults: engagements = likes + comments + shares + saves; EMV in USD; no audience-quality
 * discount.
 *
 * @param engagementActions non-empty subset of likes, comments, shares, saves
 * @param emvCurrency ISO-4217 code the EMV rates are in (EMV is reported in it; no conversion)
 * @param emvRates per-platform rows: action → value of one action, each ≥ 0
 * @param emvDefaultRates the {@code default} row
 * @param emvDiscountedByAudienceQuality when true and an audience-quality factor q ∈ [0, 1] is
 *     known, EMV = q × Σ rate × count
 */
public record KpiSettings(
    Set<Action> engagementActions,
    String emvCurrency,
    Map<Platform, Map<Action, BigDecimal>> emvRates,
    Map<Action, BigDecimal> emvDefaultRates,
    boolean emvDiscountedByAudienceQuality) {

  /** The row name of {@link #emvDefaultRates()} in configuration maps. */
  public static final String DEFAULT_ROW = "default";

  public KpiSettings {
    if (engagementActions == null || engagementActions.isEmpty()) {
      throw new IllegalArgumentException("engagement actions must name at least one of likes, comments, shares, saves");
    }
    for (Action a : engagementActions) {
      if (!a.canBeEngagement()) {
        throw new IllegalArgumentException(a.wireName() + " cannot count as an engagement; use likes, comments, shares, saves");
      }
    }
    if (emvCurrency == null || emvCurrency.isBlank()) throw new IllegalArgumentException("EMV currency is required");
    engagementActions = Collections.unmodifiableSet(EnumSet.copyOf(engagementActions));
    emvCurrency = emvCurrency.trim().toUpperCase(Locale.ROOT);
    EnumMap<Platform, Map<Action, BigDecimal>> rows = new EnumMap<>(Platform.class);
    if (emvRates != null) {
      emvRates.forEach((p, row) -> {
        if (p == null) throw new IllegalArgumentException("EMV rate row without a platform");
        rows.put(p, checkedRow(p.wireName(), row));
      });
    }
    emvRates = Collections.unmodifiableMap(rows);
    emvDefaultRates = checkedRow(DEFAULT_ROW, emvDefaultRates);
  }

  private static Map<Action, BigDecimal> checkedRow(String rowName, Map<Action, BigDecimal> row) {
    EnumMap<Action, BigDecimal> copy = new EnumMap<>(Action.class);
    if (row != null) {
      row.forEach((action, rate) -> {
        if (rate == null || rate.signum() < 0) {
          throw new IllegalArgumentException("EMV rate " + rowName + "." + action.wireName()
              + " must be a number ≥ 0, got " + rate);
        }
        copy.put(action, rate);
      });
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The documented default settings (see the class comment for the table). */
  public static KpiSettings defaults() {
    return fromConfig(List.of("likes", "comments", "shares", "saves"), "USD", defaultRateTable(), false);
  }

  /** The default EMV table as a configuration map, row → action → rate. */
  public static Map<String, Map<String, BigDecimal>> defaultRateTable() {
    Map<String, Map<String, BigDecimal>> t = new LinkedHashMap<>();
    t.put("instagram", row("0.02", "0.005", "0.08", "0.50", "0.50", "0.50", null));
    t.put("tiktok", row("0.01", "0.003", "0.03", "0.20", "0.25", "0.25", null));
    t.put("youtube", row("0.05", "0.005", "0.10", "0.60", "0.50", "0.20", null));
    t.put(DEFAULT_ROW, row("0.01", "0.005", "0.05", "0.30", "0.30", "0.30", "0.75"));
    return Collections.unmodifiableMap(t);
  }

  private static Map<String, BigDecimal> row(String views, String impressions, String likes,
      String comments, String shares, String saves, String clicks) {
    Map<String, BigDecimal> r = new LinkedHashMap<>();
    String[] values = {views, impressions, likes, comments, shares, saves, clicks};
    Action[] actions = Action.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) r.put(actions[i].wireName(), new BigDecimal(values[i]));
    }
    return Collections.unmodifiableMap(r);
  }

  /**
   * Builds settings from plain configuration values (no config-library types), failing with a
   * message that names the offending key.
   *
   * @param engagementActions action names, e.g. {@code ["likes", "comments"]}
   * @param emvCurrency ISO-4217 code of the rates
   * @param emvRates row name (a platform's wire name or {@code default}) → action name → rate
   * @param discountEmvByAudienceQuality see {@link #emvDiscountedByAudienceQuality()}
   */
  public static KpiSettings fromConfig(Collection<String> engagementActions, String emvCurrency,
      Map<String, Map<String, BigDecimal>> emvRates, boolean discountEmvByAudienceQuality) {
    Set<Action> engagement = EnumSet.noneOf(Action.class);
    if (engagementActions != null) {
      for (String name : engagementActions) {
        engagement.add(Action.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
            "unknown engagement action '" + name + "'; known: likes, comments, shares, saves")));
      }
    }
    Map<Platform, Map<Action, BigDecimal>> rows = new EnumMap<>(Platform.class);
    Map<Action, BigDecimal> defaultRow = Map.of();
    if (emvRates != null) {
      for (var entry : emvRates.entrySet()) {
        String rowName = entry.getKey() == null ? "" : entry.getKey().trim().toLowerCase(Locale.ROOT);
        Map<Action, BigDecimal> row = parseRow(rowName, entry.getValue());
        if (rowName.equals(DEFAULT_ROW)) {
          defaultRow = row;
        } else {
          Platform p = Platform.fromWire(rowName).orElseThrow(() -> new IllegalArgumentException(
              "unknown EMV rate row '" + entry.getKey() + "'; use a platform name or '" + DEFAULT_ROW + "'"));
          rows.put(p, row);
        }
      }
    }
    return new KpiSettings(engagement, emvCurrency, rows, defaultRow, discountEmvByAudienceQuality);
  }

  private static Map<Action, BigDecimal> parseRow(String rowName, Map<String, BigDecimal> raw) {
    Map<Action, BigDecimal> row = new EnumMap<>(Action.class);
    if (raw == null) return row;
    raw.forEach((name, rate) -> row.put(Action.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown EMV action '" + rowName + "." + name + "'; known: views, impressions, likes, comments, shares, saves, clicks")),
        rate));
    return row;
  }

  /** The value of one action on a platform (null platform: unknown, priced by the default row). */
  public BigDecimal emvRate(Platform platform, Action action) {
    Map<Action, BigDecimal> row = platform == null ? null : emvRates.get(platform);
    BigDecimal rate = row == null ? null : row.get(action);
    if (rate == null) rate = emvDefaultRates.get(action);
    return rate == null ? BigDecimal.ZERO : rate;
  }

  /** The table as configured (row → action → rate), for publishing next to EMV figures. */
  public Map<String, Map<String, BigDecimal>> emvRateTable() {
    Map<String, Map<String, BigDecimal>> t = new LinkedHashMap<>();
    emvRates.forEach((p, row) -> t.put(p.wireName(), wireRow(row)));
    t.put(DEFAULT_ROW, wireRow(emvDefaultRates));
    return Collections.unmodifiableMap(t);
  }

  private static Map<String, BigDecimal> wireRow(Map<Action, BigDecimal> row) {
    Map<String, BigDecimal> r = new LinkedHashMap<>();
    row.forEach((a, v) -> r.put(a.wireName(), v));
    return Collections.unmodifiableMap(r);
  }

  public KpiSettings withEngagementActions(Set<Action> actions) {
    return new KpiSettings(actions, emvCurrency, emvRates, emvDefaultRates, emvDiscountedByAudienceQuality);
  }

  public KpiSettings withEmvDiscountedByAudienceQuality(boolean discounted) {
    return new KpiSettings(engagementActions, emvCurrency, emvRates, emvDefaultRates, discounted);
  }
}
