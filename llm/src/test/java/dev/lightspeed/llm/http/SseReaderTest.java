package dev.lightspeed.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SseReaderTest {
  private static final ObjectMapper STRICT_JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  // ---- framing -------------------------------------------------------------------------------------------

  @Test
  void linesMayEndWithLf() throws IOException {
    assertThat(readAll("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n"))
        .containsExactly(new SseEvent("a", "1", null), new SseEvent("b", "2", null));
  }

  @Test
  void linesMayEndWithCrLf() throws IOException {
    assertThat(readAll("event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n"))
        .containsExactly(new SseEvent("a", "1", null), new SseEvent("b", "2", null));
  }

  @Test
  void linesMayEndWithCr() throws IOException {
    assertThat(readAll("event: a\rdata: 1\r\revent: b\rdata: 2\r\r"))
        .containsExactly(new SseEvent("a", "1", null), new SseEvent("b", "2", null));
  }

  @Test
  void lineEndingsMayBeMixedInOneStream() throws IOException {
    assertThat(readAll("data: 1\r\n\ndata: 2\r\rdata: 3\n\r\n"))
        .containsExactly(new SseEvent("message", "1", null), new SseEvent("message", "2", null), new SseEvent("message", "3", null));
  }

  @Test
  void aCrLfSplitAcrossReadsIsOneLineEnding() throws IOException {
    try (SseReader reader = new SseReader(new OneByteAtATime("data: 1\r\n\r\ndata: 2\r\n\r\n"))) {
      assertThat(reader.next()).contains(new SseEvent("message", "1", null));
      assertThat(reader.next()).contains(new SseEvent("message", "2", null));
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void anEventCutOffByTheEndOfTheStreamIsDiscarded() throws IOException {
    assertThat(readAll("data: whole\n\nevent: cut\ndata: half")).containsExactly(new SseEvent("message", "whole", null));
    assertThat(readAll("data: whole\n\ndata: half\n")).containsExactly(new SseEvent("message", "whole", null));
  }

  @Test
  void anEmptyStreamHasNoEvents() throws IOException {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\n\n\r\n")).isEmpty();
  }

  @Test
  void nextKeepsReturningEmptyAtTheEnd() throws IOException {
    try (SseReader reader = reader("data: x\n\n")) {
      assertThat(reader.next()).isPresent();
      assertThat(reader.next()).isEmpty();
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void aLeadingByteOrderMarkIsIgnored() throws IOException {
    assertThat(readAll("\uFEFFevent: a\ndata: 1\n\n")).containsExactly(new SseEvent("a", "1", null));
  }

  // ---- fields --------------------------------------------------------------------------------------------

  @Test
  void linesStartingWithAColonAreComments() throws IOException {
    assertThat(readAll(": keep-alive\n\n:\ndata: 1\n: between\ndata: 2\n\n"))
        .containsExactly(new SseEvent("message", "1\n2", null));
  }

  @Test
  void dataLinesAreJoinedWithNewlines() throws IOException {
    assertThat(readAll("data: a\ndata: b\ndata:\ndata: c\n\n")).containsExactly(new SseEvent("message", "a\nb\n\nc", null));
  }

  @Test
  void anEmptyDataLineDispatchesAnEventWithEmptyData() throws IOException {
    assertThat(readAll("data:\n\n")).containsExactly(new SseEvent("message", "", null));
  }

  @Test
  void theEventNameDefaultsToMessage() throws IOException {
    assertThat(readAll("data: x\n\n")).containsExactly(new SseEvent("message", "x", null));
  }

  @Test
  void anEmptyEventNameMeansMessage() throws IOException {
    assertThat(readAll("event:\ndata: x\n\nevent\ndata: y\n\n"))
        .containsExactly(new SseEvent("message", "x", null), new SseEvent("message", "y", null));
  }

  @Test
  void theEventNameDoesNotCarryOverToTheNextEvent() throws IOException {
    assertThat(readAll("event: first\ndata: 1\n\ndata: 2\n\n"))
        .containsExactly(new SseEvent("first", "1", null), new SseEvent("message", "2", null));
  }

  @Test
  void anEventNameWithoutDataDispatchesNothingAndIsForgotten() throws IOException {
    assertThat(readAll("event: lonely\n\ndata: 2\n\n")).containsExactly(new SseEvent("message", "2", null));
  }

  @Test
  void theLastEventIdCarriesOverUntilChanged() throws IOException {
    assertThat(readAll("id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\nid\ndata: d\n\n")).containsExactly(
        new SseEvent("message", "a", "7"),
        new SseEvent("message", "b", "7"),
        new SseEvent("message", "c", "8"),
        new SseEvent("message", "d", ""));
  }

  @Test
  void anIdContainingNulIsIgnored() throws IOException {
    assertThat(readAll("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n"))
        .containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "b", "1"));
  }

  @Test
  void onlyOneLeadingSpaceIsStripped() throws IOException {
    assertThat(readAll("data:  two spaces\n\ndata:none\n\ndata:\ttab\n\nevent:   spaced\ndata: trailing  \n\n")).containsExactly(
        new SseEvent("message", " two spaces", null),
        new SseEvent("message", "none", null),
        new SseEvent("message", "\ttab", null),
        new SseEvent("  spaced", "trailing  ", null));
  }

  @Test
  void colonsAfterTheFirstBelongToTheValue() throws IOException {
    assertThat(readAll("data: {\"a\":\"b:c\"}\n\n")).containsExactly(new SseEvent("message", "{\"a\":\"b:c\"}", null));
  }

  @Test
  void aFieldWithNoColonHasAnEmptyValue() throws IOException {
    assertThat(readAll("data\ndata\n\n")).containsExactly(new SseEvent("message", "\n", null));
  }

  @Test
  void unknownFieldsAndRetryAreIgnored() throws IOException {
    assertThat(readAll("retry: 1000\nfoo: bar\nDATA: shouted\ndata: kept\n\n")).containsExactly(new SseEvent("message", "kept", null));
  }

  @Test
  void doneSentinelIsRecognised() throws IOException {
    List<SseEvent> events = readAll("data: {\"x\":1}\n\ndata: [DONE]\n\n");
    assertThat(events).extracting(SseEvent::isDone).containsExactly(false, true);
    assertThat(new SseEvent("message", " [DONE]", null).isDone()).isFalse();
  }

  @Test
  void anthropicDataWithSpacesBeforeTheClosingBraceIsKeptVerbatimAndIsValidJson() throws IOException {
    String data = "{\"type\":\"content_block_stop\",\"index\":0        }";
    List<SseEvent> events = readAll("event: content_block_stop\ndata: " + data + "\n\n");
    assertThat(events).containsExactly(new SseEvent("content_block_stop", data, null));
    assertThat(STRICT_JSON.readTree(events.get(0).data()).get("index").asInt()).isZero();
  }

  @Test
  void utf8IsDecodedAcrossReadBoundaries() throws IOException {
    try (SseReader reader = new SseReader(new OneByteAtATime("data: h\u00e9llo \u4e16\u754c \uD83D\uDE00\n\n"))) {
      assertThat(reader.next()).contains(new SseEvent("message", "h\u00e9llo \u4e16\u754c \uD83D\uDE00", null));
    }
  }

  @Test
  void eventsAreReturnedAsSoonAsTheirBlankLineArrives() throws IOException {
    InputStream never = new InputStream() {
      private final byte[] first = "data: 1\n\n".getBytes(StandardCharsets.UTF_8);
      private int at;

      @Override
      public int read() throws IOException {
        if (at < first.length) return first[at++];
        throw new IOException("the test read past the first event");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (at >= first.length) throw new IOException("the test read past the first event");
        int n = Math.min(len, first.length - at);
        System.arraycopy(first, at, b, off, n);
        at += n;
        return n;
      }
    };
    try (SseReader reader = new SseReader(never)) {
      assertThat(reader.next()).contains(new SseEvent("message", "1", null));
      assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessage("the test read past the first event");
    }
  }

  @Test
  void theRecordRejectsNullNameAndData() {
    assertThatThrownBy(() -> new SseEvent(null, "", null)).isInstanceOf(NullPointerException.class).hasMessage("event");
    assertThatThrownBy(() -> new SseEvent("message", null, null)).isInstanceOf(NullPointerException.class).hasMessage("data");
  }

  // ---- recorded streams ------------------------------------------------------------------------------------

  @Test
  void everyRecordedStreamYieldsOneJsonOrDoneEventPerTerminatedBlock() throws IOException {
    Path root = ProviderFixtures.require();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".sse")).sorted().toList();
    }
    assertThat(files).as("recorded .sse files under %s", root).hasSizeGreaterThan(20);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      List<SseEvent> events;
      try (SseReader reader = new SseReader(new ByteArrayInputStream(bytes))) {
        events = new ArrayList<>();
        for (Optional<SseEvent> e = reader.next(); e.isPresent(); e = reader.next()) events.add(e.get());
      }
      String name = root.relativize(file).toString();
      assertThat(events).as("events of %s", name).hasSize(terminatedEventBlocks(new String(bytes, StandardCharsets.UTF_8)));
      for (SseEvent e : events) {
        if (e.isDone()) continue;
        assertThat(STRICT_JSON.readTree(e.data())).as("data of a %s event in %s", e.event(), name).isNotNull();
        if (!e.event().equals("message")) {
          assertThat(STRICT_JSON.readTree(e.data()).path("type").asText()).as("type of a %s event in %s", e.event(), name).isEqualTo(e.event());
        }
      }
    }
  }

  /** Counts blocks of lines that contain a data field and are ended by a blank line that is itself terminated. */
  private static int terminatedEventBlocks(String text) {
    int count = 0;
    boolean hasData = false;
    int at = 0;
    while (at < text.length()) {
      int end = at;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
      if (end == text.length()) break; // an unterminated last line
      String line = text.substring(at, end);
      at = end + (text.startsWith("\r\n", end) ? 2 : 1);
      if (line.isEmpty()) {
        if (hasData) count++;
        hasData = false;
      } else if (line.equals("data") || line.startsWith("data:")) {
        hasData = true;
      }
    }
    return count;
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private static SseReader reader(String text) {
    return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<SseEvent> readAll(String text) throws IOException {
    List<SseEvent> out = new ArrayList<>();
    try (SseReader reader = reader(text)) {
      for (Optional<SseEvent> e = reader.next(); e.isPresent(); e = reader.next()) out.add(e.get());
    }
    return out;
  }

  /** Hands out one byte per read, like a network that splits every line ending and every UTF-8 sequence. */
  private static final class OneByteAtATime extends InputStream {
    private final byte[] bytes;
    private int at;

    OneByteAtATime(String text) {
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) return 0;
      if (at >= bytes.length) return -1;
      b[off] = bytes[at++];
      return 1;
    }
  }
}
