package io.inflow.load;

import io.inflow.protocol.event.IngestEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Request bodies generated before a run, so that generating and serialising events is not part of
 * what is measured.
 *
 * <p>A run may need more events than fit in memory. The generator is given the namespace {@code
 * <runId>00}; when request {@code i} is past the end of the pool, body {@code i mod size} is sent
 * again with those two {@code 00} characters replaced by the cycle number in base 36 wherever the
 * namespace occurs. Every generated id (events, influencers, campaigns, posts, orders) carries the
 * namespace, so each cycle is an independent copy of the simulated world: no eventId repeats and
 * no order is paid twice; the node simply sees N more influencers and campaigns per cycle. A
 * generator with a population of its own (see {@link TrafficGenerator.Config#population()}) keeps
 * its influencers and campaigns across cycles: each cycle is then new posts, comments, orders and
 * events of the same people, as a node in steady state sees them. Personal
 * ids (comment authors, visitors, customers) are shared across cycles like real people would be.
 * Patching is a copy plus a few byte writes per line, far cheaper than generating. 1,296 cycles
 * are available; after that {@link #body} returns null and the run stops.
 */
public final class RequestPool {

  static final String NDJSON = "application/x-ndjson";
  static final String JSON = "application/json";
  static final int MAX_CYCLES = 36 * 36;

  /** One request body ready to send. */
  record Body(byte[] bytes, int lines, int cycle) {}

  private final byte[][] bodies;
  private final int[][] cycleOffsets;
  private final int[] lines;
  private final String contentType;
  private final long events;
  private final long totalBytes;
  private final int largestBody;
  private final int cycles;

  private RequestPool(byte[][] bodies, int[][] cycleOffsets, int[] lines, String contentType, int cycles) {
    this.bodies = bodies;
    this.cycleOffsets = cycleOffsets;
    this.lines = lines;
    this.contentType = contentType;
    this.events = Arrays.stream(lines).asLongStream().sum();
    this.totalBytes = Arrays.stream(bodies).mapToLong(b -> b.length).sum();
    this.largestBody = Arrays.stream(bodies).mapToInt(b -> b.length).max().orElse(0);
    this.cycles = cycles;
  }

  /**
   * Draws {@code events} events from {@code generator} (whose namespace must be {@code runId + "00"})
   * into bodies of {@code eventsPerBody} lines; with {@code eventsPerBody == 1} and {@code
   * singleEvent} each body is one JSON object without a newline.
   */
  static RequestPool generate(TrafficGenerator generator, String runId, long events, int eventsPerBody,
      boolean singleEvent) {
    String namespace = generator.config().namespace();
    if (!namespace.equals(runId + "00")) {
      throw new IllegalArgumentException("generator namespace must be " + runId + "00, was " + namespace);
    }
    String population = generator.config().population();
    if (!population.equals(namespace) && (population + "-").contains(namespace)) {
      throw new IllegalArgumentException("population " + population + " must not contain the namespace " + namespace);
    }
    byte[] marker = namespace.getBytes(StandardCharsets.US_ASCII);
    int count = (int) Math.min(Integer.MAX_VALUE - 8, (events + eventsPerBody - 1) / eventsPerBody);
    List<byte[]> bodies = new ArrayList<>(count);
    List<int[]> offsets = new ArrayList<>(count);
    int[] lines = new int[count];
    ByteArrayOutputStream out = new ByteArrayOutputStream(eventsPerBody * 256);
    long remaining = events;
    for (int b = 0; b < count; b++) {
      out.reset();
      int n = (int) Math.min(eventsPerBody, remaining);
      for (int i = 0; i < n; i++) {
        IngestEvent event = generator.next();
        out.writeBytes(EventJson.toBytes(event));
        if (!singleEvent) out.write('\n');
      }
      remaining -= n;
      byte[] body = out.toByteArray();
      bodies.add(body);
      offsets.add(cycleOffsets(body, marker, runId.length()));
      lines[b] = n;
    }
    return new RequestPool(bodies.toArray(new byte[0][]), offsets.toArray(new int[0][]), lines,
        singleEvent ? JSON : NDJSON, MAX_CYCLES);
  }

  /**
   * A pool of ready NDJSON bodies sent once each (no cycles: {@link #body} returns null past the
   * end), e.g. a labelled population that must reach the node exactly as generated.
   */
  static RequestPool ofBodies(List<byte[]> bodies, List<Integer> linesPerBody) {
    if (bodies.size() != linesPerBody.size()) throw new IllegalArgumentException("one line count per body");
    int[][] noPatches = new int[bodies.size()][];
    java.util.Arrays.fill(noPatches, new int[0]);
    return new RequestPool(bodies.toArray(new byte[0][]), noPatches,
        linesPerBody.stream().mapToInt(Integer::intValue).toArray(), NDJSON, 1);
  }

  /** Positions of the two cycle characters after each occurrence of the namespace. */
  private static int[] cycleOffsets(byte[] body, byte[] marker, int runIdLength) {
    int[] found = new int[64];
    int size = 0;
    outer:
    for (int i = 0; i <= body.length - marker.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (body[i + j] != marker[j]) continue outer;
      }
      if (size == found.length) found = Arrays.copyOf(found, size * 2);
      found[size++] = i + runIdLength;
      i += marker.length - 1;
    }
    return Arrays.copyOf(found, size);
  }

  /**
   * The body for the {@code requestIndex}-th request of the run, or null when all cycles are used
   * (after {@link #MAX_CYCLES}, or after one for {@link #ofBodies}).
   */
  Body body(long requestIndex) {
    int index = (int) (requestIndex % bodies.length);
    long cycle = requestIndex / bodies.length;
    if (cycle >= cycles) return null;
    if (cycle == 0) return new Body(bodies[index], lines[index], 0);
    byte[] copy = bodies[index].clone();
    byte high = (byte) Character.forDigit((int) (cycle / 36), 36);
    byte low = (byte) Character.forDigit((int) (cycle % 36), 36);
    for (int offset : cycleOffsets[index]) {
      copy[offset] = high;
      copy[offset + 1] = low;
    }
    return new Body(copy, lines[index], (int) cycle);
  }

  public int size() {
    return bodies.length;
  }

  long events() {
    return events;
  }

  long totalBytes() {
    return totalBytes;
  }

  int largestBody() {
    return largestBody;
  }

  String contentType() {
    return contentType;
  }
}
