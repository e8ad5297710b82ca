package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Prints a rough parse rate. Not a benchmark and never an assertion on time (the machine is
 * shared); {@code load-tests} measures the real ingest budget.
 */
class EventCodecThroughputTest {

  @Test
  void printsRoughEventsPerSecond() {
    var generator = new RandomEvents(42);
    var body = new StringBuilder();
    int events = 20_000;
    for (int i = 0; i < events; i++) {
      body.append(Json.write(switch (i % 6) {
        case 0 -> generator.postMetrics();
        case 1 -> generator.click();
        case 2 -> generator.commentPosted();
        case 3 -> generator.followersObserved();
        case 4 -> generator.spend();
        default -> generator.conversion();
      })).append('\n');
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    var codec = new EventCodec(CodecLimits.defaults());

    for (int i = 0; i < 10; i++) { // warm-up for the JIT
      assertEquals(events, codec.parseNdjson(bytes).events().size());
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      assertEquals(events, codec.parseNdjson(bytes).events().size());
      best = Math.min(best, System.nanoTime() - start);
    }
    double perEventMicros = best / 1_000.0 / events;
    System.out.printf("EventCodec: %,d events of %d bytes on average: %,.0f events/s on one thread"
            + " (%.2f µs per event)%n",
        events, bytes.length / events, events / (best / 1e9), perEventMicros);
  }
}
