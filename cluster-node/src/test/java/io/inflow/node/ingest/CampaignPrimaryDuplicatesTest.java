package io.inflow.node.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.IngestEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request's duplicates: an event's status is decided by its influencer, else by its campaign, so
 * of a campaign part's duplicate occurrences only those of campaign-only events count.
 */
class CampaignPrimaryDuplicatesTest {
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  private static IngestEvent campaignOnly(String id) {
    return new Click(id, "spring", null, T, null);
  }

  private static IngestEvent withInfluencer(String id) {
    return new Click(id, "spring", "anna", T, null);
  }

  @Test
  void anIdHeldBeforeCountsOnlyForItsCampaignOnlyOccurrence() {
    // both occurrences repeat an id the campaign held; the click with an influencer is decided there
    assertEquals(1, IngestService.campaignPrimaryDuplicates(
        List.of(campaignOnly("12"), withInfluencer("12")), List.of("12", "12")));
  }

  @Test
  void theLaterOccurrencesOfAnIdNewInThePartAreItsDuplicates() {
    assertEquals(1, IngestService.campaignPrimaryDuplicates(
        List.of(campaignOnly("c1"), withInfluencer("x"), campaignOnly("c1")), List.of("c1")));
    assertEquals(1, IngestService.campaignPrimaryDuplicates(
        List.of(withInfluencer("x"), campaignOnly("x")), List.of("x")));
    assertEquals(0, IngestService.campaignPrimaryDuplicates(
        List.of(campaignOnly("y"), withInfluencer("y")), List.of("y")), "the repeat is the influencer's event");
  }

  @Test
  void noDuplicatesNoCount() {
    assertEquals(0, IngestService.campaignPrimaryDuplicates(List.of(campaignOnly("a"), withInfluencer("b")), List.of()));
  }
}
