package dev.lightspeed.store.fs;

import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.json.JsonSyntaxException;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.store.log.LogCorruptedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing a session's {@code events.jsonl}: one canonical JSON entry per line, each line ended by
 * {@code \n}, line {@code n} holding seq {@code n}. Every line read is checked: strict UTF-8, valid entry JSON,
 * and the seq its position implies; anything else is a {@link LogCorruptedException} naming the line.
 */
final class EventsFile {
  private EventsFile() {}

  /**
   * Opens the session's events file.
   *
   * @throws LogCorruptedException when it is missing although the session exists
   */
  static FileChannel open(SessionFiles files, OpenOption... options) throws IOException {
    try {
      return FileChannel.open(files.events(), options);
    } catch (NoSuchFileException e) {
      throw new LogCorruptedException(files.universe(), files.session(), 0, "events.jsonl is missing", e);
    }
  }

  /** {@return the bytes of the lines of seqs {@code afterSeq + 1 .. toSeq}} */
  static byte[] readLines(FileChannel channel, SessionIndex index, long afterSeq, long toSeq) throws IOException {
    long from = index.startOf(afterSeq + 1);
    long to = index.endOf(toSeq);
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(to - from));
    long position = from;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position);
      if (read < 0) throw new IOException("events.jsonl ended at " + position + " before " + to);
      position += read;
    }
    return buffer.array();
  }

  /**
   * Parses lines read by {@link #readLines}, the first holding {@code firstSeq}.
   *
   * @throws LogCorruptedException at the first line that is not the entry its position calls for
   */
  static List<LogEntry> parse(SessionFiles files, byte[] lines, long firstSeq) {
    List<LogEntry> entries = new ArrayList<>();
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    long seq = firstSeq;
    int lineStart = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i] != '\n') continue;
      entries.add(parseLine(files, utf8, ByteBuffer.wrap(lines, lineStart, i - lineStart), seq));
      seq++;
      lineStart = i + 1;
    }
    if (lineStart != lines.length) {
      throw new LogCorruptedException(files.universe(), files.session(), seq, "line has no terminating newline");
    }
    return entries;
  }

  private static LogEntry parseLine(SessionFiles files, CharsetDecoder utf8, ByteBuffer line, long seq) {
    LogEntry entry;
    try {
      entry = LogEntryJson.parse(utf8.decode(line).toString());
    } catch (CharacterCodingException e) {
      throw new LogCorruptedException(files.universe(), files.session(), seq, "line is not valid UTF-8", e);
    } catch (JsonSyntaxException | JsonShapeException | IllegalArgumentException e) {
      throw new LogCorruptedException(files.universe(), files.session(), seq, "line is not a log entry: " + e.getMessage(), e);
    }
    if (entry.seq() != seq) {
      throw new LogCorruptedException(files.universe(), files.session(), seq, "line holds seq " + entry.seq());
    }
    return entry;
  }

  /** Writes {@code lines} at the index's end, forces them to the device, then records them in the index. */
  static void append(FileChannel channel, SessionIndex index, List<byte[]> lines) throws IOException {
    int total = 0;
    for (byte[] line : lines) total = Math.addExact(total, line.length);
    ByteBuffer buffer = ByteBuffer.allocate(total);
    for (byte[] line : lines) buffer.put(line);
    buffer.flip();
    AtomicFileWrite.writeFully(channel, buffer, index.end());
    channel.force(true);
    for (byte[] line : lines) index.appended(line.length);
  }
}
