package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inflow.protocol.event.IngestEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property: for any valid event, writing it with {@link Json#mapper()} (the journal and wire form)
 * and parsing it with the strict codec gives the same event back. This pins the records' JSON
 * names to the codec's contract; a renamed component or an unwritten field fails here.
 */
class EventRoundTripTest {

  private static final int EVENTS = 5_000;

  private final EventCodec codec = new EventCodec(CodecLimits.defaults());

  @Test
  void everyGeneratedEventSurvivesWriteThenParse() throws JsonProcessingException {
    long seed = Long.getLong("inflow.test.seed", System.nanoTime());
    System.out.println("EventRoundTripTest seed=" + seed + " (rerun with -Dinflow.test.seed=" + seed
        + ")");
    var events = new RandomEvents(seed);
    for (int i = 0; i < EVENTS; i++) {
      IngestEvent original = events.next();
      String json = Json.mapper().writeValueAsString(original);
      IngestEvent parsed = parseOrFail(json, seed);
      assertEquals(original, parsed, () -> "seed " + seed + ", json " + json);
      // the product mapper binds the same JSON to the same record (how other modules read it)
      assertEquals(original, Json.mapper().readValue(json, IngestEvent.class),
          () -> "seed " + seed + ", json " + json);
    }
  }

  @Test
  void aGeneratedBatchRoundTripsAsNdjsonInOrder() {
    long seed = Long.getLong("inflow.test.seed", System.nanoTime());
    System.out.println("EventRoundTripTest batch seed=" + seed);
    var generator = new RandomEvents(seed);
    List<IngestEvent> originals = new ArrayList<>();
    var body = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      IngestEvent event = generator.next();
      originals.add(event);
      body.append(Json.write(event)).append(i % 2 == 0 ? "\n" : "\r\n");
    }
    ParsedBatch batch = codec.parseNdjson(body.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), batch.rejected(), () -> "seed " + seed);
    assertEquals(originals, batch.events().stream().map(NumberedEvent::event).toList());
    for (int i = 0; i < batch.events().size(); i++) {
      assertEquals(i + 1, batch.events().get(i).line());
    }
  }

  private IngestEvent parseOrFail(String json, long seed) {
    try {
      return codec.parseEvent(json);
    } catch (ValidationException e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage() + " for " + json, e);
    }
  }
}
