package io.inflow.load.fraud;

import io.inflow.protocol.event.Platform;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Ground truth for one generated influencer, one line of {@code labels.tsv}.
 *
 * @param tier tier by the followers observed last (what the node sees), e.g. {@code micro}
 * @param followers followers observed last
 * @param eventDay the day of the viral spike or of the first fraud injection; null for organic
 * @param intensity 0 (mild, close to organic) to 1 (blatant); 0 for organic and organic_viral
 * @param group engagement-pod number for pod members, else null
 * @param events events generated for this influencer (what {@code eventsRecorded} should reach)
 */
public record InfluencerLabel(
    String influencerId,
    FraudLabel label,
    String tier,
    Platform platform,
    long followers,
    LocalDate eventDay,
    double intensity,
    Integer group,
    long events) {

  public static final List<String> COLUMNS =
      List.of("influencerId", "label", "tier", "platform", "followers", "eventDay", "intensity", "group", "events");

  /** One TSV line without the newline; "-" for absent values. */
  public String toTsv() {
    return String.join("\t", influencerId, label.wireName(), tier, platform.wireName(), Long.toString(followers),
        eventDay == null ? "-" : eventDay.toString(), String.format(Locale.ROOT, "%.2f", intensity),
        group == null ? "-" : group.toString(), Long.toString(events));
  }

  /** Reads a line written by {@link #toTsv()}. */
  public static InfluencerLabel fromTsv(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != COLUMNS.size()) {
      throw new IllegalArgumentException("expected " + COLUMNS.size() + " tab-separated fields: " + line);
    }
    return new InfluencerLabel(f[0], FraudLabel.fromWire(f[1]), f[2],
        Platform.fromWire(f[3]).orElseThrow(() -> new IllegalArgumentException("unknown platform: " + f[3])),
        Long.parseLong(f[4]), f[5].equals("-") ? null : LocalDate.parse(f[5]), Double.parseDouble(f[6]),
        f[7].equals("-") ? null : Integer.valueOf(f[7]), Long.parseLong(f[8]));
  }
}
