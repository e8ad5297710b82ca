package io.inflow.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inflow.protocol.event.IngestEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The load harness's own JSON settings, written the way a source would send events: ISO-8601
 * timestamps, no null fields, plain decimals for money, {@code type} carrying the wire name.
 * Deliberately independent of the node's codec, so a mismatch between the two shows up as
 * rejected lines instead of being hidden by shared code.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final ObjectWriter EVENT_WRITER = MAPPER.writerFor(IngestEvent.class);
  private static final ObjectReader EVENT_READER = MAPPER.readerFor(IngestEvent.class);

  private EventJson() {}

  /** The shared mapper (also used for bench reports and node replies; ignores unknown fields). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One event as UTF-8 JSON without a trailing newline. */
  public static byte[] toBytes(IngestEvent event) {
    try {
      return EVENT_WRITER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One event as a JSON string without a trailing newline. */
  public static String toLine(IngestEvent event) {
    return new String(toBytes(event), StandardCharsets.UTF_8);
  }

  /** Reads one event back (used by tests to prove the lines round-trip). */
  public static IngestEvent parse(String line) {
    try {
      return EVENT_READER.readValue(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any value (e.g. a bench result) as one JSON line. */
  static String write(Object value) {
    try {
      return mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A JSON line read back as {@code type}. */
  static <T> T read(String line, Class<T> type) {
    try {
      return mapper().readValue(line, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
