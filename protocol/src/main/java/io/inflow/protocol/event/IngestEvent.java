package io.inflow.protocol.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.inflow.protocol.JournalSerializable;
import java.time.Instant;

/**
 * One fact sent by a source. Field names are the public contract (add fields, never rename). The
 * same records are persisted inside entity events, so the {@code type} names below are also the
 * journal's type ids.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PostPublished.class, name = PostPublished.TYPE),
  @JsonSubTypes.Type(value = PostMetrics.class, name = PostMetrics.TYPE),
  @JsonSubTypes.Type(value = CommentPosted.class, name = CommentPosted.TYPE),
  @JsonSubTypes.Type(value = FollowersObserved.class, name = FollowersObserved.TYPE),
  @JsonSubTypes.Type(value = AudienceSample.class, name = AudienceSample.TYPE),
  @JsonSubTypes.Type(value = Click.class, name = Click.TYPE),
  @JsonSubTypes.Type(value = Conversion.class, name = Conversion.TYPE),
  @JsonSubTypes.Type(value = Spend.class, name = Spend.TYPE)
})
public sealed interface IngestEvent extends JournalSerializable
    permits PostPublished, PostMetrics, CommentPosted, FollowersObserved, AudienceSample, Click,
        Conversion, Spend {

  /** Unique per event at its source; the same id twice is a retry and changes nothing. */
  String eventId();

  /** The influencer concerned, or null where the type allows it (conversion, spend). */
  String influencerId();

  /** The campaign concerned, or null. */
  String campaignId();

  /** When the fact happened or was observed at the source. */
  @JsonIgnore
  Instant occurredTime();

  /** The wire name of this event's type, e.g. {@code post.metrics}. */
  @JsonIgnore
  String typeName();
}
