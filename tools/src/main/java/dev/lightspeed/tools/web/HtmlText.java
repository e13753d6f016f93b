package dev.lightspeed.tools.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reduces an HTML page to readable plain text in a light Markdown style: headings as {@code #} lines,
 * paragraphs separated by blank lines, list items as {@code -} or {@code 1.} lines (nested ones indented),
 * links as {@code text [absolute url]}, inline code in backticks, {@code pre} blocks fenced with their
 * whitespace kept, table rows as cells joined by {@code |}, and block quotes prefixed by {@code >}. Scripts,
 * styles, forms' controls, embedded frames and other non-text elements are dropped. Stateless.
 */
final class HtmlText {
  private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
      "object", "embed", "head", "select", "textarea", "input", "button", "meta", "link", "audio", "video", "picture", "source", "map");
  private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
      "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
      "tt", "u", "var", "wbr", "br");
  private static final Set<String> CODE = Set.of("code", "kbd", "samp", "tt");

  private HtmlText() {}

  /** A page reduced to text: its title ("" when it has none) and its body text. */
  record Page(String title, String text) {}

  /**
   * {@return the page in {@code html}}
   *
   * @param charset the charset the server declared, or null to detect it from the page (BOM, {@code meta}), else UTF-8
   * @param baseUri the page's URL, against which relative links are made absolute
   */
  static Page reduce(byte[] html, String charset, String baseUri) {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(html), charset, baseUri);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array failed", e);
    }
    List<String> blocks = new ArrayList<>();
    container(doc.body(), blocks);
    return new Page(normalize(doc.title()), String.join("\n\n", blocks));
  }

  /** Renders the children of a block container: runs of inline content become paragraphs, block children render themselves. */
  private static void container(Element parent, List<String> blocks) {
    StringBuilder run = new StringBuilder();
    for (Node child : parent.childNodes()) {
      if (child instanceof Element e && !INLINE.contains(e.normalName())) {
        flush(run, blocks);
        block(e, blocks);
      } else {
        inline(child, run);
      }
    }
    flush(run, blocks);
  }

  private static void flush(StringBuilder run, List<String> blocks) {
    String text = tidy(run.toString());
    if (!text.isEmpty()) blocks.add(text);
    run.setLength(0);
  }

  private static void block(Element e, List<String> blocks) {
    String tag = e.normalName();
    if (DROPPED.contains(tag)) return;
    switch (tag) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> add(blocks, "#".repeat(tag.charAt(1) - '0') + " ", inlineText(e));
      case "p", "caption", "figcaption", "dt", "dd", "summary", "address", "legend" -> add(blocks, "", inlineText(e));
      case "pre" -> {
        String code = e.wholeText().replaceAll("\\s+$", "");
        if (!code.isBlank()) blocks.add("```\n" + code.replaceFirst("^\n", "") + "\n```");
      }
      case "ul", "ol", "menu" -> {
        List<String> lines = new ArrayList<>();
        list(e, 0, lines);
        if (!lines.isEmpty()) blocks.add(String.join("\n", lines));
      }
      case "blockquote" -> {
        List<String> inner = new ArrayList<>();
        container(e, inner);
        if (!inner.isEmpty()) blocks.add(("> " + String.join("\n\n", inner)).replace("\n", "\n> "));
      }
      case "table" -> {
        List<String> rows = new ArrayList<>();
        for (Element row : e.select("tr")) {
          List<String> cells = new ArrayList<>();
          for (Element cell : row.children()) {
            if (cell.normalName().equals("td") || cell.normalName().equals("th")) cells.add(inlineText(cell).replace('\n', ' '));
          }
          if (cells.stream().anyMatch(c -> !c.isEmpty())) rows.add(String.join(" | ", cells));
        }
        if (!rows.isEmpty()) blocks.add(String.join("\n", rows));
      }
      case "hr" -> blocks.add("---");
      default -> container(e, blocks);
    }
  }

  private static void add(List<String> blocks, String prefix, String text) {
    if (!text.isEmpty()) blocks.add(prefix + text);
  }

  private static void list(Element list, int depth, List<String> lines) {
    boolean ordered = list.normalName().equals("ol");
    int number = ordered && list.attr("start").matches("-?\\d{1,9}") ? Integer.parseInt(list.attr("start")) : 1;
    String indent = "  ".repeat(depth);
    for (Element item : list.children()) {
      if (!item.normalName().equals("li")) continue;
      StringBuilder own = new StringBuilder();
      List<Element> nested = new ArrayList<>();
      for (Node child : item.childNodes()) {
        if (child instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))) nested.add(e);
        else inline(child, own);
      }
      String marker = ordered ? (number++) + ". " : "- ";
      lines.add(indent + marker + tidy(own.toString()).replace("\n", "\n" + indent + "  "));
      for (Element sub : nested) list(sub, depth + 1, lines);
    }
  }

  private static String inlineText(Element e) {
    StringBuilder out = new StringBuilder();
    for (Node child : e.childNodes()) inline(child, out);
    return tidy(out.toString());
  }

  /** Appends a node as running text; block elements met here (a div in a span) are run in with spaces. */
  private static void inline(Node node, StringBuilder out) {
    if (node instanceof TextNode t) {
      out.append(t.getWholeText().replaceAll("[\\s\\u00a0]+", " ")); // source line breaks are spaces; only <br> breaks a line
      return;
    }
    if (!(node instanceof Element e)) return;
    String tag = e.normalName();
    if (DROPPED.contains(tag)) return;
    switch (tag) {
      case "br" -> out.append('\n');
      case "img" -> {
        String alt = normalize(e.attr("alt"));
        if (!alt.isEmpty()) out.append("[image: ").append(alt).append(']');
      }
      case "a" -> {
        String text = inlineText(e);
        String href = e.absUrl("href");
        boolean useful = !href.isEmpty() && !href.toLowerCase(Locale.ROOT).startsWith("javascript:") && !href.equals(text);
        if (text.isEmpty()) {
          if (useful) out.append('[').append(href).append(']');
        } else {
          out.append(text);
          if (useful) out.append(" [").append(href).append(']');
        }
      }
      default -> {
        if (CODE.contains(tag)) {
          String code = normalize(e.text());
          if (!code.isEmpty()) out.append('`').append(code).append('`');
          return;
        }
        boolean block = !INLINE.contains(tag);
        if (block) out.append(' ');
        for (Node child : e.childNodes()) inline(child, out);
        if (block) out.append(' ');
      }
    }
  }

  /** Collapses runs of whitespace other than explicit line breaks, and trims every line. */
  private static String tidy(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String clean = normalize(line);
      if (clean.isEmpty()) continue;
      if (!out.isEmpty()) out.append('\n');
      out.append(clean);
    }
    return out.toString();
  }

  private static String normalize(String text) {
    return text.replaceAll("[\\s\\u00a0]+", " ").strip();
  }
}
