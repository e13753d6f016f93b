package dev.lightspeed.engine.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.LogEntryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored form of every event kind: {@code golden/events/<kind>.json} holds the canonical JSON of
 * the encoded envelope of the {@link EventSamples} instance, with no trailing newline. A failure here means
 * the stored format changed, which breaks every existing log: bump the kind's version and keep reading
 * the old one instead. To regenerate after an intended change to a new kind, run with
 * {@code -Dgolden.update=true} (from the engine module directory) and review the diff.
 */
class EventGoldenTest {
  private static final String RESOURCE_DIR = "golden/events";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Event> samples() {
    return EventSamples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void encodingMatchesTheGoldenFile(Event event) {
    assertThat(golden(event)).isEqualTo(encoded(event));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theGoldenFileDecodesToTheSample(Event event) {
    EventEnvelope envelope = LogEntryJson.envelopeFromJson(CanonicalJson.parseObject(golden(event)));
    assertThat(envelope.kind()).isEqualTo(event.kind());
    assertThat(envelope.version()).isEqualTo(event.version());
    assertThat(EventCodec.decode(envelope)).isEqualTo(event);
  }

  @Test
  void everyGoldenFileBelongsToAKind() throws IOException {
    if (UPDATE) return;
    List<String> expected = EventSamples.all().stream().map(e -> e.kind() + ".json").toList();
    try (Stream<Path> files = Files.list(resourceDir())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static String encoded(Event event) {
    return CanonicalJson.write(LogEntryJson.envelopeToJson(EventCodec.encode(event)));
  }

  /** {@return the golden text for the sample's kind; in update mode, first (re)writes it from the sample} */
  private static String golden(Event event) {
    String kind = event.kind();
    if (UPDATE) {
      String text = encoded(event);
      write(kind, text);
      return text;
    }
    try (InputStream in = EventGoldenTest.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + "/" + kind + ".json")) {
      if (in == null) throw new AssertionError("no golden file for " + kind + "; generate it with -Dgolden.update=true");
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourceDir() {
    URL url = EventGoldenTest.class.getClassLoader().getResource(RESOURCE_DIR);
    if (url == null) throw new AssertionError("no " + RESOURCE_DIR + " on the test classpath; generate with -Dgolden.update=true");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The source tree copy, which {@code -Dgolden.update=true} rewrites; tests run in the module directory. */
  private static Path sourceDir() {
    Path dir = Path.of("src", "test", "resources", RESOURCE_DIR);
    if (!Files.isDirectory(Path.of("src", "test", "java"))) {
      throw new IllegalStateException("run the golden update from the engine module directory, not " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static void write(String kind, String content) {
    try {
      Path dir = Files.createDirectories(sourceDir());
      Files.writeString(dir.resolve(kind + ".json"), content, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
