package dev.lightspeed.store.vfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An absolute, normalized POSIX path in the virtual file system: {@code /} or {@code /a/b} with no {@code .},
 * {@code ..} or empty components and no trailing slash. Tools hand model-supplied text to {@link #resolve} with
 * the session's working directory; everything after that deals only in normalized paths, so two spellings of
 * one file are one key.
 *
 * <p>Rules: the text must be non-empty and free of NUL; {@code .} components are dropped; {@code ..} removes
 * the previous component and is refused when there is none (it would climb above the root); an empty
 * component ({@code a//b}) is refused, while one trailing slash is accepted and dropped; each component is at
 * most {@value #MAX_NAME_BYTES} UTF-8 bytes and the whole path at most {@value #MAX_PATH_BYTES}. Ordering is
 * component by component, each compared as a {@link String}, so a directory sorts right before its contents.
 */
public final class VfsPath implements Comparable<VfsPath> {
  /** The longest component, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 255;
  /** The longest path, in UTF-8 bytes. */
  public static final int MAX_PATH_BYTES = 4096;

  public static final VfsPath ROOT = new VfsPath(List.of());

  private final List<String> segments;

  private VfsPath(List<String> segments) {
    this.segments = segments;
  }

  /**
   * Parses an absolute path.
   *
   * @throws VfsPathException quoting {@code text} when it is not absolute or breaks a rule of this class
   */
  public static VfsPath parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith("/")) throw new VfsPathException(text, "path \"" + text + "\" is not absolute (it must start with /)");
    return ROOT.resolve(text);
  }

  /**
   * Resolves {@code text} against this path as a working directory: absolute text stands alone, relative text
   * is appended, and the result is normalized.
   *
   * @throws VfsPathException quoting {@code text} when it breaks a rule of this class
   */
  public VfsPath resolve(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) throw new VfsPathException(text, "path is empty");
    if (text.indexOf('\0') >= 0) throw new VfsPathException(text, "path \"" + printable(text) + "\" contains a NUL character");
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new VfsPathException(text, "path is longer than " + MAX_PATH_BYTES + " bytes");
    }
    boolean absolute = text.startsWith("/");
    String body = absolute ? text.substring(1) : text;
    if (body.endsWith("/")) body = body.substring(0, body.length() - 1);
    List<String> out = new ArrayList<>(absolute ? List.of() : segments);
    if (!body.isEmpty()) {
      for (String part : body.split("/", -1)) {
        switch (part) {
          case "" -> throw new VfsPathException(text, "path \"" + text + "\" has an empty component");
          case "." -> { }
          case ".." -> {
            if (out.isEmpty()) throw new VfsPathException(text, "path \"" + text + "\" goes above the root /");
            out.remove(out.size() - 1);
          }
          default -> {
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
              throw new VfsPathException(text, "a component of path \"" + text + "\" is longer than " + MAX_NAME_BYTES + " bytes");
            }
            out.add(part);
          }
        }
      }
    }
    VfsPath result = new VfsPath(Collections.unmodifiableList(out));
    if (result.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new VfsPathException(text, "path is longer than " + MAX_PATH_BYTES + " bytes");
    }
    return result;
  }

  /** {@return the path made of these components} @throws VfsPathException when a component is not a valid name */
  public static VfsPath of(List<String> segments) {
    for (String s : segments) checkName(s);
    return new VfsPath(List.copyOf(segments));
  }

  /**
   * Checks that {@code name} can be one component of a path: non-empty, not {@code .} or {@code ..}, free of
   * {@code /} and NUL, and at most {@value #MAX_NAME_BYTES} UTF-8 bytes.
   *
   * @throws VfsPathException saying which rule {@code name} breaks
   */
  public static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) throw new VfsPathException(name, "empty file name");
    if (name.equals(".") || name.equals("..")) throw new VfsPathException(name, "invalid file name \"" + name + "\"");
    if (name.indexOf('/') >= 0) throw new VfsPathException(name, "file name \"" + name + "\" contains /");
    if (name.indexOf('\0') >= 0) throw new VfsPathException(name, "file name \"" + printable(name) + "\" contains a NUL character");
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new VfsPathException(name, "file name \"" + name + "\" is longer than " + MAX_NAME_BYTES + " bytes");
    }
  }

  /** {@return the components, root first; empty for the root} */
  public List<String> segments() {
    return segments;
  }

  /** {@return the number of components: 0 for the root} */
  public int depth() {
    return segments.size();
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** {@return the last component, or empty for the root} */
  public Optional<String> name() {
    return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
  }

  /** {@return the parent directory, or empty for the root} */
  public Optional<VfsPath> parent() {
    return segments.isEmpty() ? Optional.empty() : Optional.of(new VfsPath(segments.subList(0, segments.size() - 1)));
  }

  /** {@return this path with one more component} @throws VfsPathException when {@code name} is not valid */
  public VfsPath child(String name) {
    checkName(name);
    List<String> out = new ArrayList<>(segments.size() + 1);
    out.addAll(segments);
    out.add(name);
    return new VfsPath(Collections.unmodifiableList(out));
  }

  /** {@return true when {@code prefix} is this path or one of its ancestors} */
  public boolean startsWith(VfsPath prefix) {
    return prefix.segments.size() <= segments.size() && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  /**
   * {@return the components of this path below {@code ancestor}}
   *
   * @throws IllegalArgumentException when {@code ancestor} is not this path or one of its ancestors
   */
  public List<String> relativeTo(VfsPath ancestor) {
    if (!startsWith(ancestor)) throw new IllegalArgumentException(this + " is not under " + ancestor);
    return segments.subList(ancestor.segments.size(), segments.size());
  }

  /** {@return {@code ancestor} extended by {@code relative} components, which must be valid names} */
  public static VfsPath join(VfsPath ancestor, List<String> relative) {
    List<String> out = new ArrayList<>(ancestor.segments.size() + relative.size());
    out.addAll(ancestor.segments);
    for (String s : relative) {
      checkName(s);
      out.add(s);
    }
    return new VfsPath(Collections.unmodifiableList(out));
  }

  private static String printable(String text) {
    return text.replace("\0", "\\0");
  }

  @Override
  public int compareTo(VfsPath other) {
    int n = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < n; i++) {
      int c = segments.get(i).compareTo(other.segments.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(segments.size(), other.segments.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VfsPath other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** {@return the path as text: {@code /} for the root, else {@code /a/b}} */
  @Override
  public String toString() {
    return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
  }
}
