package io.inflow.analytics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.campaign.CampaignState;
import io.inflow.protocol.api.CampaignAlert;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.CommentSentiment;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Crisis detection on a synthetic comment stream through a campaign's state: a quiet baseline, a
 * negative burst (exactly one alert), recovery, and a second burst (a second episode).
 */
class CrisisWatchTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private int ids;

  private CommentPosted comment(Instant at, SentimentLabel label, String... terms) {
    int n = ids++;
    return new CommentPosted("e" + n, "anna", "p1", "camp", "c" + n, "a" + n, "text", at,
        new CommentSentiment("pl", label.wireName(), label == SentimentLabel.NEGATIVE ? -0.6 : 0.4,
            label == SentimentLabel.NEGATIVE ? List.of(terms) : List.of()));
  }

  /** {@code perHour} comments an hour for {@code hours}, a share {@code negative} of them negative. */
  private List<IngestEvent> stream(Random r, Instant from, int hours, int perHour, double negative, String... terms) {
    List<IngestEvent> out = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      for (int i = 0; i < perHour; i++) {
        Instant at = from.plus(Duration.ofHours(h)).plusSeconds(i * 3600L / perHour);
        double u = r.nextDouble();
        SentimentLabel l = u < negative ? SentimentLabel.NEGATIVE : u < negative + 0.3 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
        out.add(comment(at, l, terms));
      }
    }
    return out;
  }

  /** Applies the events in batches of 10 the way the entity does, raising pending alerts after each. */
  private static CampaignState feed(CampaignState state, List<IngestEvent> events, List<CampaignAlert> raised) {
    for (int i = 0; i < events.size(); i += 10) {
      state = state.apply(new CampaignEvent.BatchRecorded(events.subList(i, Math.min(events.size(), i + 10))));
      CampaignAlert alert = state.pendingCrisisAlert();
      if (alert != null) {
        raised.add(alert);
        state = state.apply(new CampaignEvent.AlertRaised(alert));
        assertNull(state.pendingCrisisAlert(), "raised once");
      }
    }
    return state;
  }

  @Test
  void aNegativeBurstAfterAQuietBaselineRaisesExactlyOneAlertThenRecovers() {
    Random r = new Random(7);
    List<CampaignAlert> raised = new ArrayList<>();
    CampaignState state = CampaignState.empty("camp", 4096);
    state = feed(state, stream(r, T0, 72, 12, 0.1, "nudne"), raised);
    assertEquals(List.of(), raised, "three quiet days");

    Instant burst = T0.plus(Duration.ofHours(72));
    state = feed(state, stream(r, burst, 2, 40, 0.75, "oszustwo", "zwrot"), raised);
    assertEquals(1, raised.size(), "one alert for the whole burst: " + raised);
    CampaignAlert alert = raised.get(0);
    assertEquals("sentiment_crisis", alert.type());
    assertNotNull(alert.crisis());
    assertEquals("negative_share", alert.crisis().reason());
    assertTrue(alert.crisis().comments() >= 20);
    assertTrue(alert.crisis().negativeShare().doubleValue() >= 0.4, alert.toString());
    assertTrue(alert.crisis().baselineNegativeShare().doubleValue() < 0.2, alert.toString());
    assertEquals(List.of("oszustwo", "zwrot"), alert.crisis().topNegativeTerms().subList(0, 2));
    assertTrue(alert.message().contains("oszustwo"), alert.message());
    assertNotNull(state.view(burst.plus(Duration.ofHours(2)), io.inflow.analytics.kpi.KpiSettings.defaults())
        .sentiment().crisis(), "the episode is open");

    state = feed(state, stream(r, burst.plus(Duration.ofHours(2)), 12, 12, 0.1), raised);
    assertEquals(1, raised.size(), "recovery raises nothing");
    assertNull(state.view(burst.plus(Duration.ofHours(14)), io.inflow.analytics.kpi.KpiSettings.defaults())
        .sentiment().crisis(), "the episode ended");

    state = feed(state, stream(r, burst.plus(Duration.ofHours(14)), 1, 60, 0.8, "alergia"), raised);
    assertEquals(2, raised.size(), "a new burst is a new episode");
    assertEquals(2, raised.get(1).crisis().episode());
  }

  @Test
  void aBusyButHappyHourIsNoCrisisAndAVolumeSpikeWithANegativeSkewIs() {
    Random r = new Random(11);
    List<CampaignAlert> raised = new ArrayList<>();
    CampaignState state = feed(CampaignState.empty("camp", 4096), stream(r, T0, 48, 5, 0.1), raised);
    state = feed(state, stream(r, T0.plus(Duration.ofHours(48)), 1, 200, 0.1), raised);
    assertEquals(List.of(), raised, "a viral, happy hour");
    // 30% negative is below min-negative-share, but 50 comments against ~5 an hour, more negative than positive
    List<IngestEvent> spike = new ArrayList<>();
    Instant at = T0.plus(Duration.ofHours(60));
    for (int i = 0; i < 50; i++) {
      SentimentLabel l = i % 10 < 3 ? SentimentLabel.NEGATIVE : i % 10 < 8 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
      spike.add(comment(at.plusSeconds(i * 30L), l, "cena"));
    }
    feed(state, spike, raised);
    assertEquals(1, raised.size(), raised.toString());
    assertEquals("volume_spike", raised.get(0).crisis().reason());
  }

  @Test
  void aReplayOpensTheSameEpisodesAndSnapshotsKeepThem() {
    Random r = new Random(3);
    List<IngestEvent> events = new ArrayList<>(stream(r, T0, 24, 10, 0.1));
    events.addAll(stream(r, T0.plus(Duration.ofHours(24)), 1, 50, 0.9, "scam"));
    List<CampaignAlert> first = new ArrayList<>();
    CampaignState live = feed(CampaignState.empty("camp", 4096), events, first);
    assertEquals(1, first.size());
    CampaignState restored = CampaignState.restore(live.snapshot());
    assertNull(restored.pendingCrisisAlert(), "alerted before the snapshot");
    assertEquals(live.view(T0.plus(Duration.ofHours(25)), io.inflow.analytics.kpi.KpiSettings.defaults()).sentiment(),
        restored.view(T0.plus(Duration.ofHours(25)), io.inflow.analytics.kpi.KpiSettings.defaults()).sentiment());
    // a crash between the batch and its alert: the recovered state still owes the alert
    CampaignState unalerted = CampaignState.empty("camp", 4096);
    for (int i = 0; i < events.size(); i += 10) {
      unalerted = unalerted.apply(new CampaignEvent.BatchRecorded(events.subList(i, Math.min(events.size(), i + 10))));
    }
    assertEquals(first.get(0).alertId(), CampaignState.restore(unalerted.snapshot()).pendingCrisisAlert().alertId());
  }

  @Test
  void unclassifiedCommentsFromOldJournalsAreNotCounted() {
    CampaignState s = CampaignState.empty("camp", 64).apply(new CampaignEvent.BatchRecorded(List.of(
        new CommentPosted("x1", "anna", "p1", "camp", "c1", "a1", "old", T0))));
    var view = s.view(T0, io.inflow.analytics.kpi.KpiSettings.defaults());
    assertEquals(1, view.commentsReceived());
    assertEquals(0, view.sentiment().comments());
    assertNull(view.sentiment().net());
  }
}
