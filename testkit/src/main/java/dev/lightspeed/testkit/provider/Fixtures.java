package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded provider traffic in {@code shared/fixtures/providers}, read at test time and turned into
 * {@link FakeResponse}s. Fixture ids are the {@code id}s of that folder's {@code index.json}, e.g.
 * {@code "openai-responses/text-stream"} or {@code "anthropic-messages/errors/error-529-overloaded"}.
 *
 * <p>Where the folder is: the system property {@value #DIRECTORY_PROPERTY} if set; otherwise the first
 * {@code shared/fixtures/providers} holding an {@code index.json} found in the working directory or one of
 * its ancestors. Maven runs tests in the module directory ({@code <repo>/testkit}), so a {@code shared}
 * folder beside the repository ({@code <repo>/../shared}) is found.
 *
 * <p>What {@link #response} serves, by the files the index lists for an id:
 * <ul>
 *   <li>{@code sse}: the {@code .sse} file byte for byte as an SSE body, cut into events at blank lines;
 *   <li>{@code response.json}, or {@code body.json} for the bare error bodies in {@code errors/} (which are
 *       named {@code <id>.json}): the file byte for byte as a JSON body;
 *   <li>status: {@code status} of the {@code .http.json} file when there is one, else the index's
 *       {@code status};
 *   <li>headers: {@code response_headers} of the {@code .http.json} file (array values become repeated
 *       headers), minus the hop-by-hop and framing ones the fake sets itself or cannot honour
 *       ({@code connection}, {@code keep-alive}, {@code transfer-encoding}, {@code content-length},
 *       {@code content-encoding}, {@code te}, {@code trailer}, {@code upgrade}, {@code proxy-connection},
 *       {@code alt-svc}); without one, just the index's {@code response_content_type}. Recorded headers
 *       such as {@code x-request-id}, {@code request-id}, {@code retry-after}, {@code x-should-retry} and
 *       the rate-limit headers are kept.
 * </ul>
 * Every id in the index has a response except {@code anthropic-messages/cache-control-blocks.docs}, which
 * is a request body only; {@link Entry#hasResponse()} tells. That includes every id under {@code errors/}:
 * <ul>
 *   <li>{@code openai-responses/errors/}: {@code error-400-invalid-value}, {@code error-401-invalid-api-key},
 *       {@code error-404-item-not-found-store-false}, {@code error-429-insufficient-quota},
 *       {@code error-429-rate-limit-exceeded}, {@code error-500-server-error}, and the 200 streams
 *       {@code stream-error-insufficient-quota}, {@code stream-error-server-error.event},
 *       {@code stream-failed-context-length-exceeded.assembled};
 *   <li>{@code openai-chat-completions/errors/}: {@code error-400-context-length-exceeded},
 *       {@code error-401-invalid-api-key}, {@code error-429-insufficient-quota},
 *       {@code error-429-rate-limit-exceeded}, {@code error-500-server-error};
 *   <li>{@code anthropic-messages/errors/}: {@code count-tokens-error-404-not-found},
 *       {@code error-400-invalid-request}, {@code error-401-authentication}, {@code error-404-docs-example},
 *       {@code error-429-rate-limit}, {@code error-500-api-error}, {@code error-529-overloaded},
 *       {@code error-529-overloaded.legacy-no-request-id}, and the 200 streams
 *       {@code stream-error-overloaded.assembled}, {@code stream-error-overloaded.event}.
 * </ul>
 * None of the bare {@code <id>.json} error files holds a status or headers; the status is the index's. Note
 * that {@code anthropic-messages/errors/error-529-overloaded} pairs the 2026 body with the headers recorded
 * for the 2024 legacy body, so its {@code request-id} header differs from the body's {@code request_id}.
 * Files are read on each call; nothing is cached but the index.
 */
public final class Fixtures {
  /** System property naming the fixtures directory, overriding the search. */
  public static final String DIRECTORY_PROPERTY = "lightspeed.fixtures.dir";

  private static final String RELATIVE = "shared/fixtures/providers";
  private static final Set<String> DROPPED_HEADERS = Set.of(
      "connection",
      "keep-alive",
      "transfer-encoding",
      "content-length",
      "content-encoding",
      "te",
      "trailer",
      "upgrade",
      "proxy-connection",
      "alt-svc");

  private static Index cachedIndex; // guarded by Fixtures.class; stays null while loading fails, so errors repeat

  private Fixtures() {}

  /**
   * One fixture as {@code index.json} lists it. {@code files} maps a file kind ({@code sse},
   * {@code response.json}, {@code body.json}, {@code request.json}, {@code http.json}) to its path relative to
   * the fixtures directory. {@code path} is the request target the recording used, query included.
   */
  public record Entry(
      String id,
      String method,
      String path,
      int status,
      String contentType,
      String provenance,
      Map<String, String> files) {
    public Entry {
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** {@return whether there is a response body to serve} */
    public boolean hasResponse() {
      return responseFile().isPresent();
    }

    /** {@return whether the response is an SSE stream} */
    public boolean isSse() {
      return files.containsKey("sse");
    }

    /** {@return whether the recorded request body is available} */
    public boolean hasRequest() {
      return files.containsKey("request.json");
    }

    Optional<String> responseFile() {
      for (String kind : List.of("sse", "response.json", "body.json")) {
        if (files.containsKey(kind)) return Optional.of(files.get(kind));
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * {@return the fixtures directory}
   *
   * @throws IllegalStateException when it cannot be found; the message names every place looked at
   */
  public static Path directory() {
    return loaded().directory;
  }

  /** {@return every fixture in {@code index.json}, in its order} */
  public static List<Entry> index() {
    return loaded().entries;
  }

  /**
   * {@return the index entry for {@code id}}
   *
   * @throws IllegalArgumentException for an id not in {@code index.json}
   */
  public static Entry entry(String id) {
    for (Entry entry : index()) {
      if (entry.id().equals(id)) return entry;
    }
    throw new IllegalArgumentException("unknown fixture id \"" + id + "\"; see " + directory().resolve("index.json"));
  }

  /**
   * {@return the recorded response for {@code id}, ready to enqueue}
   *
   * @throws IllegalArgumentException for an unknown id or one without a response body
   */
  public static FakeResponse response(String id) {
    Entry entry = entry(id);
    byte[] body = read(responseFile(entry));
    FakeResponse response = entry.isSse() ? FakeResponse.sse(body) : FakeResponse.json(body);
    int status = entry.status();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (entry.files().containsKey("http.json")) {
      String httpJson = new String(read(entry.files().get("http.json")), StandardCharsets.UTF_8);
      Json.Obj http = CanonicalJson.parseObject(httpJson);
      status = http.findNumber("status").map(Long::intValue).orElse(status);
      for (Map.Entry<String, Json> header : http.object("response_headers").members().entrySet()) {
        if (DROPPED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) continue;
        switch (header.getValue()) {
          case Json.Str value -> headers.add(Map.entry(header.getKey(), value.value()));
          case Json.Arr values -> {
            for (Json value : values.items()) headers.add(Map.entry(header.getKey(), ((Json.Str) value).value()));
          }
          default -> throw new IllegalStateException(
              "header " + header.getKey() + " of fixture " + id + " is neither a string nor an array");
        }
      }
    }
    if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("content-type"))) {
      headers.add(0, Map.entry("Content-Type", entry.contentType()));
    }
    return response.withStatus(status).withHeaders(headers);
  }

  /**
   * {@return the response body file of {@code id}, byte for byte}
   *
   * @throws IllegalArgumentException for an unknown id or one without a response body
   */
  public static byte[] responseBody(String id) {
    return read(responseFile(entry(id)));
  }

  /**
   * {@return the recorded request body of {@code id}, byte for byte}
   *
   * @throws IllegalArgumentException for an unknown id or one without a request body
   */
  public static byte[] requestBody(String id) {
    Entry entry = entry(id);
    String file = entry.files().get("request.json");
    if (file == null) {
      throw new IllegalArgumentException(
          "fixture \"" + id + "\" has no request body; it has " + entry.files().keySet());
    }
    return read(file);
  }

  private static synchronized Index loaded() {
    if (cachedIndex == null) cachedIndex = Index.load();
    return cachedIndex;
  }

  private static String responseFile(Entry entry) {
    return entry.responseFile()
        .orElseThrow(() -> new IllegalArgumentException(
            "fixture \"" + entry.id() + "\" has no response body; it has " + entry.files().keySet()));
  }

  private static byte[] read(String relative) {
    Path file = directory().resolve(relative);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture file " + file, e);
    }
  }

  /** The located directory and its parsed index, loaded once on first use. */
  private static final class Index {
    final Path directory;
    final List<Entry> entries;

    private Index(Path directory, List<Entry> entries) {
      this.directory = directory;
      this.entries = List.copyOf(entries);
    }

    static Index load() {
      Path directory = locate(System.getProperty(DIRECTORY_PROPERTY), Path.of(""), null);
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(directory.resolve("index.json"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + directory.resolve("index.json"), e);
      }
      List<Entry> entries = new ArrayList<>();
      for (Json item : CanonicalJson.parseObject(new String(bytes, StandardCharsets.UTF_8)).array("fixtures")) {
        Json.Obj fixture = (Json.Obj) item;
        Map<String, String> files = new LinkedHashMap<>();
        fixture.object("files").members().forEach((kind, path) -> files.put(kind, ((Json.Str) path).value()));
        entries.add(new Entry(
            fixture.string("id"),
            fixture.string("method"),
            fixture.string("path"),
            (int) fixture.number("status"),
            fixture.string("response_content_type"),
            fixture.string("provenance"),
            files));
      }
      return new Index(directory, entries);
    }
  }

  /**
   * Finds the fixtures directory: {@code property} (the value of {@value #DIRECTORY_PROPERTY}, may be null)
   * if set, else the first {@code shared/fixtures/providers} with an {@code index.json} in {@code start} or
   * an ancestor, going no higher than {@code top} (null: the file system root).
   */
  static Path locate(String property, Path start, Path top) {
    if (property != null && !property.isBlank()) {
      Path directory = Path.of(property).toAbsolutePath().normalize();
      if (!Files.isRegularFile(directory.resolve("index.json"))) {
        throw new IllegalStateException(
            "-D" + DIRECTORY_PROPERTY + "=" + property + " does not name a directory with an index.json");
      }
      return directory;
    }
    Path from = start.toAbsolutePath().normalize();
    List<Path> looked = new ArrayList<>();
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      looked.add(candidate);
      if (Files.isRegularFile(candidate.resolve("index.json"))) return candidate;
      if (dir.equals(top)) break;
    }
    throw new IllegalStateException("provider fixtures not found: no " + RELATIVE + "/index.json in " + from
        + " or any ancestor (looked in " + looked + "); put the shared folder beside the repository or set -D"
        + DIRECTORY_PROPERTY);
  }
}
