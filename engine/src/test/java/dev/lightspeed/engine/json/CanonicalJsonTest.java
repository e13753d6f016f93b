package dev.lightspeed.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

  private static final String EVERYTHING =
      "{\"s\":\"text\",\"n\":-42,\"f\":3.25,\"t\":true,\"F\":false,\"z\":null,"
          + "\"a\":[1,\"two\",[],{}],\"o\":{\"k\":{\"deep\":[null]}}}";

  // ---- round trips -------------------------------------------------------------------------------------

  @Test
  void parsingWhatWasWrittenGivesAnEqualValue() {
    Json value = CanonicalJson.parse(EVERYTHING);
    Json again = CanonicalJson.parse(CanonicalJson.write(value));
    assertThat(again).isEqualTo(value);
  }

  @Test
  void writingIsIdempotent() {
    String once = CanonicalJson.write(CanonicalJson.parse(EVERYTHING));
    String twice = CanonicalJson.write(CanonicalJson.parse(once));
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void canonicalFormHasNoWhitespaceAndSortedKeys() {
    Json value = CanonicalJson.parse(" {\n \"b\" : [ 1 , 2 , { \"d\" : null , \"c\" : true } ] ,\t\"a\" : \"x y\" }\r\n");
    assertThat(CanonicalJson.write(value)).isEqualTo("{\"a\":\"x y\",\"b\":[1,2,{\"c\":true,\"d\":null}]}");
  }

  @Test
  void scalarsAtTheTopLevelAreDocuments() {
    assertThat(CanonicalJson.parse("null")).isSameAs(Json.NULL);
    assertThat(CanonicalJson.parse(" true ")).isSameAs(Json.TRUE);
    assertThat(CanonicalJson.parse("false")).isSameAs(Json.FALSE);
    assertThat(CanonicalJson.parse("\"s\"")).isEqualTo(Json.of("s"));
    assertThat(CanonicalJson.parse("7")).isEqualTo(Json.of(7));
    assertThat(CanonicalJson.write(Json.NULL)).isEqualTo("null");
    assertThat(CanonicalJson.write(Json.TRUE)).isEqualTo("true");
    assertThat(CanonicalJson.write(Json.FALSE)).isEqualTo("false");
  }

  @Test
  void emptyContainersRoundTrip() {
    assertThat(CanonicalJson.parse("{ }")).isEqualTo(Json.Obj.EMPTY);
    assertThat(CanonicalJson.parse("[ ]")).isEqualTo(new Json.Arr(List.of()));
    assertThat(CanonicalJson.write(CanonicalJson.parse("[{},[],{ },[ ]]"))).isEqualTo("[{},[],{},[]]");
  }

  @Test
  void parsedObjectsKeepTheirInsertionOrder() {
    Json.Obj obj = CanonicalJson.parseObject("{\"c\":1,\"a\":2,\"b\":3}");
    assertThat(obj.members().keySet()).containsExactly("c", "a", "b");
  }

  @Test
  void utf8BytesRoundTrip() {
    Json value = CanonicalJson.parse("{\"k\":\"é😀\u2028\"}");
    byte[] utf8 = CanonicalJson.writeUtf8(value);
    assertThat(utf8).isEqualTo(CanonicalJson.write(value).getBytes(StandardCharsets.UTF_8));
    assertThat(CanonicalJson.parse(utf8)).isEqualTo(value);
  }

  @Test
  void parseObjectRejectsOtherValues() {
    assertThatThrownBy(() -> CanonicalJson.parseObject("[1]"))
        .isInstanceOf(JsonShapeException.class)
        .hasMessage("expected a JSON object");
  }

  // ---- key order ---------------------------------------------------------------------------------------

  @Test
  void objectMembersAreWrittenInKeyOrder() {
    Json.Obj obj = Json.Obj.builder().put("zeta", 1).put("alpha", 2).put("mid", 3).put("", 4).build();
    assertThat(CanonicalJson.write(obj)).isEqualTo("{\"\":4,\"alpha\":2,\"mid\":3,\"zeta\":1}");
  }

  @Test
  void keysCompareByUtf16CodeUnitsNotByCodePointOrLocale() {
    // U+1F600 is encoded as D83D DE00, which sorts before U+FB01 in code-unit order (but after it by code point).
    Json.Obj obj = Json.Obj.builder()
        .put("\uFB01", 1)
        .put("😀", 2)
        .put("é", 3)
        .put("z", 4)
        .put("a", 5)
        .put("B", 6)
        .put("ab", 7)
        .build();
    assertThat(CanonicalJson.write(obj)).isEqualTo("{\"B\":6,\"a\":5,\"ab\":7,\"z\":4,\"é\":3,\"😀\":2,\"\uFB01\":1}");
  }

  @Test
  void nestedObjectsAreSortedToo() {
    Json value = CanonicalJson.parse("[{\"b\":{\"y\":1,\"x\":2},\"a\":[{\"q\":1,\"p\":2}]}]");
    assertThat(CanonicalJson.write(value)).isEqualTo("[{\"a\":[{\"p\":2,\"q\":1}],\"b\":{\"x\":2,\"y\":1}}]");
  }

  @Test
  void equalValuesGiveEqualBytesWhateverTheirInsertionOrder() {
    Json.Obj one = Json.Obj.builder().put("a", 1).put("b", Json.Obj.builder().put("x", "1").put("y", "2").build()).build();
    Json.Obj two = Json.Obj.builder().put("b", Json.Obj.builder().put("y", "2").put("x", "1").build()).put("a", 1).build();
    assertThat(CanonicalJson.writeUtf8(one)).isEqualTo(CanonicalJson.writeUtf8(two));

    Json parsedOne = CanonicalJson.parse("{\"a\" : 1, \"b\" : {\"x\":\"1\",\"y\":\"2\"}}");
    Json parsedTwo = CanonicalJson.parse("{\"b\":{\"y\":\"\\u0032\",\"x\":\"1\"},\"a\":1}");
    assertThat(CanonicalJson.write(parsedOne)).isEqualTo(CanonicalJson.write(parsedTwo)).isEqualTo(CanonicalJson.write(one));
  }

  // ---- strings and escapes -----------------------------------------------------------------------------

  @Test
  void stringsAreWrittenWithOnlyTheMinimalEscapes() {
    String value = "q\" b\\ \b\f\n\r\t / é \u2028 \u2029 😀 \u007f";
    assertThat(CanonicalJson.write(Json.of(value)))
        .isEqualTo("\"q\\\" b\\\\ \\b\\f\\n\\r\\t / é \u2028 \u2029 😀 \u007f\"");
  }

  @Test
  void otherControlCharactersAreWrittenAsLowercaseUnicodeEscapes() {
    assertThat(CanonicalJson.write(Json.of("\u0000\u0001\u000b\u001a\u001f")))
        .isEqualTo("\"\\u0000\\u0001\\u000b\\u001a\\u001f\"");
  }

  @Test
  void escapesAtTheEdgesOfAStringAreWrittenCorrectly() {
    assertThat(CanonicalJson.write(Json.of("\n"))).isEqualTo("\"\\n\"");
    assertThat(CanonicalJson.write(Json.of("\nab"))).isEqualTo("\"\\nab\"");
    assertThat(CanonicalJson.write(Json.of("ab\n"))).isEqualTo("\"ab\\n\"");
    assertThat(CanonicalJson.write(Json.of(""))).isEqualTo("\"\"");
  }

  @Test
  void keysAreEscapedLikeValues() {
    Json.Obj obj = Json.Obj.builder().put("a\"b\n", "v").build();
    assertThat(CanonicalJson.write(obj)).isEqualTo("{\"a\\\"b\\n\":\"v\"}");
    assertThat(CanonicalJson.parse(CanonicalJson.write(obj))).isEqualTo(obj);
  }

  @Test
  void parserDecodesEveryEscape() {
    Json value = CanonicalJson.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\\u2028\\u0000\"");
    assertThat(value).isEqualTo(Json.of("\"\\/\b\f\n\r\t\u0041éé\u2028\u0000"));
  }

  @Test
  void escapedSolidusIsWrittenLiterally() {
    assertThat(CanonicalJson.write(CanonicalJson.parse("\"a\\/b\""))).isEqualTo("\"a/b\"");
  }

  @Test
  void unnecessaryEscapesAreNormalizedAway() {
    assertThat(CanonicalJson.write(CanonicalJson.parse("\"\\u0041\\u00e9\\u2028\""))).isEqualTo("\"Aé\u2028\"");
  }

  @Test
  void surrogatePairEscapesCombineIntoOneCodePointWrittenLiterally() {
    Json value = CanonicalJson.parse("\"x\\uD83D\\uDE00y\"");
    assertThat(value).isEqualTo(Json.of("x😀y"));
    assertThat(((Json.Str) value).value().codePointAt(1)).isEqualTo(0x1F600);
    assertThat(CanonicalJson.write(value)).isEqualTo("\"x😀y\"");
  }

  @Test
  void literalNonAsciiIsAcceptedAsIs() {
    assertThat(CanonicalJson.parse("\"日本 😀 \u2028\"")).isEqualTo(Json.of("日本 😀 \u2028"));
  }

  // ---- numbers -----------------------------------------------------------------------------------------

  @Test
  void longExtremesRoundTripExactly() {
    Json min = CanonicalJson.parse("-9223372036854775808");
    Json max = CanonicalJson.parse("9223372036854775807");
    assertThat(min).isEqualTo(new Json.Num(Long.MIN_VALUE, null));
    assertThat(max).isEqualTo(new Json.Num(Long.MAX_VALUE, null));
    assertThat(CanonicalJson.write(Json.of(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    assertThat(CanonicalJson.write(Json.of(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
  }

  @Test
  void smallIntegersAreExactLongs() {
    assertThat(CanonicalJson.parse("[0,-1,123456789012345678,-123456789012345678,1000000000000000000]"))
        .isEqualTo(Json.Arr.of(Json.of(0), Json.of(-1), Json.of(123456789012345678L), Json.of(-123456789012345678L),
            Json.of(1_000_000_000_000_000_000L)));
  }

  @Test
  void integersOutsideLongRangeKeepTheirLiteral() {
    for (String literal : List.of("12345678901234567890", "9223372036854775808", "-9223372036854775809",
        "100000000000000000000000000000")) {
      Json value = CanonicalJson.parse(literal);
      assertThat(value).isEqualTo(new Json.Num(0, literal));
      assertThat(CanonicalJson.write(value)).isEqualTo(literal);
    }
  }

  @Test
  void fractionsAndExponentsKeepTheirLiteral() {
    for (String literal : List.of("1e3", "-0.5", "1.5E+10", "2e-7", "0.0", "-0e-0", "1.000", "3.14159")) {
      Json value = CanonicalJson.parse(literal);
      assertThat(value).isEqualTo(new Json.Num(0, literal));
      assertThat(((Json.Num) value).isIntegral()).isFalse();
      assertThat(CanonicalJson.write(value)).isEqualTo(literal);
    }
  }

  @Test
  void negativeZeroIsTheIntegerZero() {
    assertThat(CanonicalJson.parse("-0")).isEqualTo(Json.of(0));
    assertThat(CanonicalJson.write(CanonicalJson.parse("-0"))).isEqualTo("0");
  }

  @Test
  void nonIntegralNumbersAreWrittenAsTheirTextUnchanged() {
    assertThat(CanonicalJson.write(new Json.Num(0, "1.50"))).isEqualTo("1.50");
  }

  @Test
  void numbersEndRightBeforeTheNextToken() {
    assertThat(CanonicalJson.write(CanonicalJson.parse("[1,-2,3.5e1,0]"))).isEqualTo("[1,-2,3.5e1,0]");
    assertThat(CanonicalJson.write(CanonicalJson.parse("{\"a\":0}"))).isEqualTo("{\"a\":0}");
  }

  // ---- rejections --------------------------------------------------------------------------------------

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        Arguments.of("", "unexpected end of input, expected a JSON value", 0),
        Arguments.of("   ", "unexpected end of input, expected a JSON value", 3),
        Arguments.of("{\"a\":", "unexpected end of input, expected a JSON value", 5),
        Arguments.of("{\"a\":1,}", "trailing comma in object", 6),
        Arguments.of("[1,2,]", "trailing comma in array", 4),
        Arguments.of("[1,2 , ]", "trailing comma in array", 5),
        Arguments.of("[1 2]", "expected ',' or ']' after array element", 3),
        Arguments.of("{\"a\" 1}", "expected ':' after object key", 5),
        Arguments.of("{\"a\"", "expected ':' after object key", 4),
        Arguments.of("{\"a\":1 \"b\":2}", "expected ',' or '}' after object member", 7),
        Arguments.of("{a:1}", "expected '\"' to start an object key", 1),
        Arguments.of("{\"a\":1,,}", "expected '\"' to start an object key", 7),
        Arguments.of("{\"a\":1,\"a\":2}", "duplicate key \"a\"", 7),
        Arguments.of("{\"a\":1,\"\\u0061\":2}", "duplicate key \"a\"", 7),
        Arguments.of("{", "unterminated object", 0),
        Arguments.of("{\"a\":1,", "unterminated object", 0),
        Arguments.of("[", "unterminated array", 0),
        Arguments.of("[1,", "unterminated array", 0),
        Arguments.of("\"abc", "unterminated string", 0),
        Arguments.of("[\"a\\n", "unterminated string", 1),
        Arguments.of("\"a\\", "unterminated string", 0),
        Arguments.of("\"a\nb\"", "control character U+000A in string must be escaped", 2),
        Arguments.of("\"\\n\tb\"", "control character U+0009 in string must be escaped", 3),
        Arguments.of("\"\u0000\"", "control character U+0000 in string must be escaped", 1),
        Arguments.of("\"\\x\"", "invalid escape '\\x'", 1),
        Arguments.of("\"\\U0041\"", "invalid escape '\\U'", 1),
        Arguments.of("\"\\u12\"", "invalid \\u escape, expected 4 hex digits", 1),
        Arguments.of("\"\\u12g4\"", "invalid \\u escape, expected 4 hex digits", 1),
        Arguments.of("\"\\u", "invalid \\u escape, expected 4 hex digits", 1),
        Arguments.of("\"\\uD83D\"", "unpaired surrogate escape \\uD83D", 1),
        Arguments.of("\"\\uD83Dx\"", "unpaired surrogate escape \\uD83D", 1),
        Arguments.of("\"\\uD83D\\u0041\"", "unpaired surrogate escape \\uD83D", 1),
        Arguments.of("\"\\uD83D\\uD83D\"", "unpaired surrogate escape \\uD83D", 1),
        Arguments.of("\"a\\uDE00\"", "unpaired surrogate escape \\uDE00", 2),
        Arguments.of("\"\\uD83D\\uDE0", "invalid \\u escape, expected 4 hex digits", 7),
        Arguments.of("01", "leading zeros are not allowed in numbers", 0),
        Arguments.of("-01", "leading zeros are not allowed in numbers", 1),
        Arguments.of("[00]", "leading zeros are not allowed in numbers", 1),
        Arguments.of("+1", "unexpected character '+', expected a JSON value", 0),
        Arguments.of(".5", "unexpected character '.', expected a JSON value", 0),
        Arguments.of("5.", "expected digit after decimal point", 2),
        Arguments.of("5.e3", "expected digit after decimal point", 2),
        Arguments.of("1e", "expected digit in exponent", 2),
        Arguments.of("1e+", "expected digit in exponent", 3),
        Arguments.of("1E-x", "expected digit in exponent", 3),
        Arguments.of("-", "expected digit after '-'", 1),
        Arguments.of("-Infinity", "expected digit after '-'", 1),
        Arguments.of("- 1", "expected digit after '-'", 1),
        Arguments.of("NaN", "unexpected character 'N', expected a JSON value", 0),
        Arguments.of("Infinity", "unexpected character 'I', expected a JSON value", 0),
        Arguments.of("nul", "invalid literal, expected 'null'", 0),
        Arguments.of("[tru]", "invalid literal, expected 'true'", 1),
        Arguments.of("fals", "invalid literal, expected 'false'", 0),
        Arguments.of("True", "unexpected character 'T', expected a JSON value", 0),
        Arguments.of("'a'", "unexpected character ''', expected a JSON value", 0),
        Arguments.of("[1] x", "trailing characters after JSON value", 4),
        Arguments.of("1 2", "trailing characters after JSON value", 2),
        Arguments.of("{}{}", "trailing characters after JSON value", 2),
        Arguments.of("truex", "trailing characters after JSON value", 4),
        Arguments.of("0x10", "trailing characters after JSON value", 1),
        Arguments.of("1.5.2", "trailing characters after JSON value", 3),
        Arguments.of("// c\n1", "unexpected character '/', expected a JSON value", 0),
        Arguments.of("/* c */ 1", "unexpected character '/', expected a JSON value", 0),
        Arguments.of("[1,/*c*/2]", "unexpected character '/', expected a JSON value", 3),
        Arguments.of("1 // c", "trailing characters after JSON value", 2),
        Arguments.of("\u00a01", "unexpected character U+00A0, expected a JSON value", 0),
        Arguments.of("\f1", "unexpected character U+000C, expected a JSON value", 0),
        Arguments.of("\uFEFF{}", "unexpected character U+FEFF, expected a JSON value", 0));
  }

  @ParameterizedTest
  @MethodSource("invalidDocuments")
  void invalidDocumentsAreRejectedWithAMessageAndOffset(String text, String message, int offset) {
    JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> CanonicalJson.parse(text));
    assertThat(e).as("parse(%s)", text).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message + " at offset " + offset);
    assertThat(e.offset()).isEqualTo(offset);
  }

  @ParameterizedTest
  @ValueSource(strings = {" 1", "1 ", "\t\n\r 1 \r\n\t", "\n[\n1\n,\n2\n]\n", "{ \"a\" :\t1 }"})
  void theFourJsonWhitespaceCharactersAreAllowedAroundTokens(String text) {
    assertThat(CanonicalJson.parse(text)).isNotNull();
  }

  // ---- depth -------------------------------------------------------------------------------------------

  @Test
  void nestingUpTo512LevelsIsAccepted() {
    String arrays = "[".repeat(512) + "]".repeat(512);
    assertThat(CanonicalJson.write(CanonicalJson.parse(arrays))).isEqualTo(arrays);
    String objects = "{\"a\":".repeat(511) + "[]" + "}".repeat(511);
    assertThat(CanonicalJson.write(CanonicalJson.parse(objects))).isEqualTo(objects);
  }

  @Test
  void nestingDeeperThan512LevelsIsASyntaxError() {
    assertThatThrownBy(() -> CanonicalJson.parse("[".repeat(513) + "]".repeat(513)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage("nesting deeper than 512 levels at offset 512");
    assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":".repeat(512) + "{}" + "}".repeat(512)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage("nesting deeper than 512 levels at offset " + 512 * 5);
  }

  @Test
  void pathologicallyDeepInputFailsCleanlyInsteadOfOverflowingTheStack() {
    assertThatThrownBy(() -> CanonicalJson.parse("[".repeat(1_000_000)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageStartingWith("nesting deeper than 512 levels");
  }

  // ---- seeded random trees (plain JUnit, independent of the property engine) -----------------------------

  @Test
  void seededRandomTreesRoundTripThroughTheCanonicalForm() {
    SplittableRandom random = new SplittableRandom(20240611L);
    for (int i = 0; i < 2_000; i++) {
      Json value = randomTree(random, 0);
      String written = CanonicalJson.write(value);
      Json parsed = CanonicalJson.parse(written);
      assertThat(parsed).as("tree #%d: %s", i, written).isEqualTo(value);
      assertThat(CanonicalJson.write(parsed)).isEqualTo(written);
      assertThat(CanonicalJson.write(reverseMembers(value))).isEqualTo(written);
    }
  }

  private static final String SPECIAL_CHARS = "\\\"/\u2028\u2029\u007f";

  private static Json randomTree(SplittableRandom random, int depth) {
    int pick = random.nextInt(depth >= 4 ? 5 : 7);
    return switch (pick) {
      case 0 -> Json.NULL;
      case 1 -> Json.of(random.nextBoolean());
      case 2 -> random.nextInt(4) == 0
          ? new Json.Num(0, random.nextInt(-999, 1000) + "." + random.nextInt(10_000) + "e" + random.nextInt(-30, 31))
          : Json.of(random.nextInt(3) == 0 ? random.nextLong() : random.nextLong(-1000, 1000));
      case 3, 4 -> Json.of(randomString(random));
      case 5 -> {
        List<Json> items = new ArrayList<>();
        for (int n = random.nextInt(6); n > 0; n--) items.add(randomTree(random, depth + 1));
        yield new Json.Arr(items);
      }
      default -> {
        LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        for (int n = random.nextInt(6); n > 0; n--) members.put(randomString(random), randomTree(random, depth + 1));
        yield new Json.Obj(members);
      }
    };
  }

  /** Mixes ASCII, control characters, escapable characters, BMP text, U+2028 and supplementary code points. */
  private static String randomString(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    for (int n = random.nextInt(10); n > 0; n--) {
      switch (random.nextInt(6)) {
        case 0 -> sb.append((char) random.nextInt(0x20));
        case 1 -> sb.append(SPECIAL_CHARS.charAt(random.nextInt(SPECIAL_CHARS.length())));
        case 2 -> sb.appendCodePoint(random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
        case 3 -> {
          int cp = random.nextInt(0x80, 0x10000);
          sb.append((char) (Character.isSurrogate((char) cp) ? 'x' : cp));
        }
        default -> sb.append((char) random.nextInt(0x20, 0x7f));
      }
    }
    return sb.toString();
  }

  private static Json reverseMembers(Json value) {
    return switch (value) {
      case Json.Obj obj -> {
        List<Map.Entry<String, Json>> entries = new ArrayList<>(obj.members().entrySet());
        LinkedHashMap<String, Json> reversed = new LinkedHashMap<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
          reversed.put(entries.get(i).getKey(), reverseMembers(entries.get(i).getValue()));
        }
        yield new Json.Obj(reversed);
      }
      case Json.Arr arr -> new Json.Arr(arr.items().stream().map(CanonicalJsonTest::reverseMembers).toList());
      default -> value;
    };
  }
}
