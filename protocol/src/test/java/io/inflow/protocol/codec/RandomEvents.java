package io.inflow.protocol.codec;

import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.OrderItem;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of valid events of every type, optional fields randomly absent or present. */
final class RandomEvents {

  private static final String ID_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:./";
  private static final String[] TEXT_PIECES = {
    "love it", "😍", "🔥🔥", "so \"good\"", "line\nbreak", "tab\there", "ça va", "日本語",
    "back\\slash", "<b>html</b>", " ", "#ad", "@anna", "€100", "\u2028"
  };
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "JPY", "CHF", "SEK", "BRL"};
  private static final String[] FORMATS = {"post", "reel", "story", "video", "short", "live"};

  private final Random random;
  private int counter;

  RandomEvents(long seed) {
    this.random = new Random(seed);
  }

  IngestEvent next() {
    return switch (random.nextInt(8)) {
      case 0 -> postPublished();
      case 1 -> postMetrics();
      case 2 -> commentPosted();
      case 3 -> followersObserved();
      case 4 -> audienceSample(1 + random.nextInt(5));
      case 5 -> click();
      case 6 -> conversion();
      default -> spend();
    };
  }

  PostPublished postPublished() {
    List<String> hashtags = new ArrayList<>();
    int tags = random.nextInt(4);
    for (int i = 0; i < tags; i++) {
      hashtags.add(id(12));
    }
    return new PostPublished(eventId(), id(20), platform(), id(24), maybe(id(16)), instant(),
        FORMATS[random.nextInt(FORMATS.length)], maybe(text(200)), hashtags);
  }

  PostMetrics postMetrics() {
    return new PostMetrics(eventId(), id(20), platform(), id(24), maybe(id(16)), instant(),
        counter(), maybeCounter(), maybeCounter(), counter(), counter(), maybeCounter(),
        maybeCounter());
  }

  CommentPosted commentPosted() {
    return new CommentPosted(eventId(), id(20), id(24), maybe(id(16)), id(24), id(24),
        text(300), instant());
  }

  FollowersObserved followersObserved() {
    return new FollowersObserved(eventId(), id(20), platform(), instant(), counter(), counter());
  }

  AudienceSample audienceSample(int accounts) {
    List<AudienceAccount> sample = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      int usernameLength = 1 + random.nextInt(30);
      sample.add(new AudienceAccount(id(20), counter(), counter(), counter(), random.nextInt(150),
          random.nextBoolean(), random.nextBoolean(), usernameLength,
          random.nextInt(usernameLength + 1),
          random.nextBoolean() ? null : random.nextBoolean()));
    }
    return new AudienceSample(eventId(), id(20), platform(), instant(), sample);
  }

  Click click() {
    return new Click(eventId(), id(16), id(20), instant(), maybe(id(32)));
  }

  Conversion conversion() {
    List<OrderItem> items = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      items.add(new OrderItem(id(12), random.nextInt(10), money()));
    }
    Attribution attribution = random.nextBoolean()
        ? null
        : new Attribution(Attribution.Kind.values()[random.nextInt(3)], id(30));
    return new Conversion(eventId(), id(16), maybe(id(20)), id(20), maybe(id(20)), money(),
        CURRENCIES[random.nextInt(CURRENCIES.length)],
        ConversionStatus.values()[random.nextInt(3)], attribution, items, instant());
  }

  Spend spend() {
    return new Spend(eventId(), id(16), maybe(id(20)), money(),
        CURRENCIES[random.nextInt(CURRENCIES.length)],
        Spend.Kind.values()[random.nextInt(Spend.Kind.values().length)], instant());
  }

  private String eventId() {
    return "ev-" + (counter++) + "-" + id(8);
  }

  private String id(int maxLength) {
    int length = 1 + random.nextInt(maxLength);
    var id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }

  private String text(int maxPieces) {
    int pieces = random.nextInt(Math.min(maxPieces, 12));
    var text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
    }
    return text.toString();
  }

  private Platform platform() {
    return Platform.values()[random.nextInt(Platform.values().length)];
  }

  private Instant instant() {
    long seconds = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond()
        + (long) (random.nextDouble() * 10 * 365 * 86_400);
    int nanos = switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1000;
      default -> random.nextInt(1_000_000_000);
    };
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private long counter() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(100);
      case 1 -> random.nextInt(1_000_000);
      case 2 -> Math.abs(random.nextLong() % 10_000_000_000_000L);
      default -> random.nextBoolean() ? 0 : Long.MAX_VALUE;
    };
  }

  private Long maybeCounter() {
    return random.nextBoolean() ? null : counter();
  }

  private BigDecimal money() {
    int scale = random.nextInt(5);
    BigInteger unscaled = BigInteger.valueOf(Math.abs(random.nextLong() % 100_000_000_000L));
    return new BigDecimal(unscaled, scale);
  }

  private <T> T maybe(T value) {
    return random.nextBoolean() ? null : value;
  }
}
