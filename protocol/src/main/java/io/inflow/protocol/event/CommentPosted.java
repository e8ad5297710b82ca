package io.inflow.protocol.event;

import java.time.Instant;

/**
 * A comment under a post. {@code authorId} is pseudonymised at ingest before it is persisted, and
 * {@code sentiment} is set by the node at ingest (null on the wire and in journals from before it).
 */
public record CommentPosted(
    String eventId,
    String influencerId,
    String postId,
    String campaignId,
    String commentId,
    String authorId,
    String text,
    Instant postedAt,
    CommentSentiment sentiment)
    implements IngestEvent {
  public static final String TYPE = "comment.posted";

  /** A comment as sent by a client: not classified yet. */
  public CommentPosted(String eventId, String influencerId, String postId, String campaignId, String commentId,
      String authorId, String text, Instant postedAt) {
    this(eventId, influencerId, postId, campaignId, commentId, authorId, text, postedAt, null);
  }

  @Override
  public Instant occurredTime() {
    return postedAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  public CommentPosted withAuthorId(String pseudonym) {
    return new CommentPosted(eventId, influencerId, postId, campaignId, commentId, pseudonym, text, postedAt,
        sentiment);
  }

  public CommentPosted withSentiment(CommentSentiment classified) {
    return new CommentPosted(eventId, influencerId, postId, campaignId, commentId, authorId, text, postedAt,
        classified);
  }
}
