package io.inflow.protocol.event;

import java.time.Instant;

/** A comment under a post. {@code authorId} is pseudonymised at ingest before it is persisted. */
public record CommentPosted(
    String eventId,
    String influencerId,
    String postId,
    String campaignId,
    String commentId,
    String authorId,
    String text,
    Instant postedAt)
    implements IngestEvent {
  public static final String TYPE = "comment.posted";

  @Override
  public Instant occurredTime() {
    return postedAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  public CommentPosted withAuthorId(String pseudonym) {
    return new CommentPosted(eventId, influencerId, postId, campaignId, commentId, pseudonym, text, postedAt);
  }
}
