package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-click CSV: fewest and most milliseconds over subscribers, dated at the click's scheduled send. */
class ClickTimelineTest {

  private static final long MS = 1_000_000L;

  @Test
  void eachClickGetsItsFastestAndSlowestSubscriberAndItsWallClockSchedule() throws Exception {
    long start = 5_000 * MS; // nanoTime of click 1's schedule
    WatchedClicks clicks = new WatchedClicks(start, Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(1),
        Instant.parse("2026-01-01T00:00:00Z"));
    // the wall clock read 2026-11-30T10:00:00Z when nanoTime read start − 1 s
    ClickTimeline t = new ClickTimeline(clicks, Instant.parse("2026-11-30T10:00:00Z"), start - 1_000 * MS);
    t.sample(2, 40 * MS);
    t.sample(1, 35_500_000L);
    t.sample(2, 38 * MS);
    t.sample(2, 120 * MS);
    t.sample(4, 7 * MS);
    StringWriter out = new StringWriter();
    t.write(out);
    assertEquals(String.join("\n",
        ClickTimeline.HEADER,
        "1,2026-11-30T10:00:01Z,35.500,35.500,1",
        "2,2026-11-30T10:00:01.200Z,38.000,120.000,3",
        "4,2026-11-30T10:00:01.600Z,7.000,7.000,1",
        ""), out.toString(), "click 3 had no sample: no line");
  }
}
