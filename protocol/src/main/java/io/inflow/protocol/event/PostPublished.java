package io.inflow.protocol.event;

import java.time.Instant;
import java.util.List;

/** A post went live. {@code format} is the platform's format (post, reel, story, video, short, live, …). */
public record PostPublished(
    String eventId,
    String influencerId,
    Platform platform,
    String postId,
    String campaignId,
    Instant publishedAt,
    String format,
    String caption,
    List<String> hashtags)
    implements IngestEvent {
  public static final String TYPE = "post.published";

  @Override
  public Instant occurredTime() {
    return publishedAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }
}
