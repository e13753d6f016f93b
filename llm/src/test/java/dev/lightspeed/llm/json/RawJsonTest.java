package dev.lightspeed.llm.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RawJsonTest {

  // ---- member --------------------------------------------------------------------------------------------

  @Test
  void memberReturnsANestedObjectWithItsWhitespace() {
    String json = "{ \"a\" : {  \"b\" :\n [ 1 ,\t2 ] ,\"c\":{}  } , \"d\":3}";
    assertThat(RawJson.member(json, "a")).contains("{  \"b\" :\n [ 1 ,\t2 ] ,\"c\":{}  }");
  }

  @Test
  void memberReturnsStringsWithQuotesAndEscapesUntouched() {
    String json = "{\"s\":\"say \\\"hi\\\"\\n\\\\ \\u00e9\\ud83d\\ude00 \\/\",\"t\":1}";
    assertThat(RawJson.member(json, "s")).contains("\"say \\\"hi\\\"\\n\\\\ \\u00e9\\ud83d\\ude00 \\/\"");
  }

  @Test
  void memberKeepsUnicodeCharactersVerbatim() {
    String json = "{\"u\":\"h\u00e9llo \u4e16\u754c \uD83D\uDE00\",\"after\":\"\u00e9\"}";
    assertThat(RawJson.member(json, "u")).contains("\"h\u00e9llo \u4e16\u754c \uD83D\uDE00\"");
    assertThat(RawJson.member(json, "after")).contains("\"\u00e9\"");
  }

  @Test
  void memberReturnsNumbersAsWritten() {
    String json = "{\"e\":1e3,\"negZero\":-0.0,\"trailing\":1.50,\"big\":123456789012345678901234567890,\"exp\":-2.5E-7,\"last\":42}";
    assertThat(RawJson.member(json, "e")).contains("1e3");
    assertThat(RawJson.member(json, "negZero")).contains("-0.0");
    assertThat(RawJson.member(json, "trailing")).contains("1.50");
    assertThat(RawJson.member(json, "big")).contains("123456789012345678901234567890");
    assertThat(RawJson.member(json, "exp")).contains("-2.5E-7");
    assertThat(RawJson.member(json, "last")).contains("42");
  }

  @Test
  void memberReturnsLiteralsAndScalarsFollowedByWhitespace() {
    String json = "{\"t\":true ,\"f\": false\n,\"n\":null\t, \"x\" : 7   }";
    assertThat(RawJson.member(json, "t")).contains("true");
    assertThat(RawJson.member(json, "f")).contains("false");
    assertThat(RawJson.member(json, "n")).contains("null");
    assertThat(RawJson.member(json, "x")).contains("7");
  }

  @Test
  void memberReturnsAnArrayWithItsWhitespace() {
    assertThat(RawJson.member("{\"a\":[ 1, [ ], {\"k\" : \"v\"} ]}", "a")).contains("[ 1, [ ], {\"k\" : \"v\"} ]");
  }

  @Test
  void anAbsentMemberIsEmpty() {
    assertThat(RawJson.member("{\"a\":1}", "b")).isEmpty();
    assertThat(RawJson.member("{}", "a")).isEmpty();
  }

  @Test
  void memberLooksOnlyAtTheTopLevel() {
    String json = "{\"outer\":{\"id\":\"inner\"},\"list\":[{\"id\":\"in-array\"}],\"id\":\"top\"}";
    assertThat(RawJson.member(json, "id")).contains("\"top\"");
    assertThat(RawJson.member("{\"outer\":{\"id\":1}}", "id")).isEmpty();
  }

  @Test
  void theFirstOfDuplicateMembersWins() {
    assertThat(RawJson.member("{\"a\":1,\"a\":2}", "a")).contains("1");
  }

  @Test
  void memberNamesAreMatchedAfterUnescaping() {
    assertThat(RawJson.member("{\"\\u0069d\":\"x\"}", "id")).contains("\"x\"");
  }

  @Test
  void memberOfSomethingOtherThanAnObjectIsRejected() {
    for (String notAnObject : List.of("[1,2]", "\"text\"", "42", "true", "null", "", "   ")) {
      assertThatThrownBy(() -> RawJson.member(notAnObject, "a")).as("member of %s", notAnObject)
          .isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON object");
    }
  }

  @Test
  void memberOfMalformedJsonIsRejected() {
    assertThatThrownBy(() -> RawJson.member("{\"a\":", "b")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed JSON: ");
    assertThatThrownBy(() -> RawJson.member("{\"a\" 1}", "a")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed JSON: ");
    assertThatThrownBy(() -> RawJson.member("{\"a\":\"unterminated", "a")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed JSON: ");
  }

  @Test
  void memberWorksPastTheParsersBufferSize() {
    String padding = "p".repeat(100_000);
    String json = "{\"pad\":\"" + padding + "\",\"nested\":{\"deep\" : [1e3, \"\u00e9\"]},\"n\":-0.0}";
    assertThat(RawJson.member(json, "nested")).contains("{\"deep\" : [1e3, \"\u00e9\"]}");
    assertThat(RawJson.member(json, "n")).contains("-0.0");
    assertThat(RawJson.member(json, "pad")).contains("\"" + padding + "\"");
  }

  @Test
  void memberCutsOutAStringLongerThanJacksonsDefaultLimit() {
    String huge = "g".repeat(21_000_000);
    String json = "{\"type\":\"compaction\",\"encrypted_content\":\"" + huge + "\",\"id\":\"cmp_1\"}";
    assertThat(RawJson.member(json, "encrypted_content").orElseThrow()).hasSize(huge.length() + 2).startsWith("\"ggg").endsWith("gg\"");
    assertThat(RawJson.member(json, "id")).contains("\"cmp_1\"");
    assertThat(RawJson.elements("[" + json + "]")).containsExactly(json);
  }

  // ---- elements ------------------------------------------------------------------------------------------

  @Test
  void withoutMemberRemovesTheMemberAndOneCommaKeepingEveryOtherCharacter() {
    String json = "{ \"a\" : 1 , \"b\":{\"x\":[1, 2]},\n \"c\": \"s\\\"t\" }";
    assertThat(RawJson.withoutMember(json, "a")).isEqualTo("{ \"b\":{\"x\":[1, 2]},\n \"c\": \"s\\\"t\" }");
    assertThat(RawJson.withoutMember(json, "b")).isEqualTo("{ \"a\" : 1 , \"c\": \"s\\\"t\" }");
    assertThat(RawJson.withoutMember(json, "c")).isEqualTo("{ \"a\" : 1 , \"b\":{\"x\":[1, 2]} }");
    assertThat(RawJson.withoutMember(json, "x")).isSameAs(json);
    assertThat(RawJson.withoutMember("{\"only\":null}", "only")).isEqualTo("{}");
    for (String name : List.of("a", "b", "c")) {
      assertThat(RawJson.member(RawJson.withoutMember(json, name), name)).isEmpty();
    }
    assertThatThrownBy(() -> RawJson.withoutMember("[1]", "a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void elementsReturnsEachElementAsWritten() {
    String json = "[ 1e3 , \"two\\n\" ,{ \"three\" : 3 },[4,[ ]] , null,true ,false, -0.0 ,\"\u00e9\"]";
    assertThat(RawJson.elements(json))
        .containsExactly("1e3", "\"two\\n\"", "{ \"three\" : 3 }", "[4,[ ]]", "null", "true", "false", "-0.0", "\"\u00e9\"");
  }

  @Test
  void elementsOfAnEmptyArrayIsEmpty() {
    assertThat(RawJson.elements("[]")).isEmpty();
    assertThat(RawJson.elements(" [ \n ] ")).isEmpty();
  }

  @Test
  void elementsOfSomethingOtherThanAnArrayIsRejected() {
    for (String notAnArray : List.of("{\"a\":[1]}", "\"[1]\"", "1", "null", "")) {
      assertThatThrownBy(() -> RawJson.elements(notAnArray)).as("elements of %s", notAnArray)
          .isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON array");
    }
  }

  @Test
  void elementsOfAnUnterminatedArrayIsRejected() {
    assertThatThrownBy(() -> RawJson.elements("[1, 2")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed JSON: ");
    assertThatThrownBy(() -> RawJson.elements("[\"a\", \"b")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed JSON: ");
  }

  // ---- arrayMember ---------------------------------------------------------------------------------------

  @Test
  void arrayMemberReturnsTheElementsOfANamedArray() {
    String json = "{\"id\":\"resp_1\",\"output\":[{\"type\":\"reasoning\",\"summary\":[]} , {\"type\":\"message\",\"content\":[{\"text\":\"hi \\\"there\\\"\"}]}]}";
    assertThat(RawJson.arrayMember(json, "output"))
        .containsExactly("{\"type\":\"reasoning\",\"summary\":[]}", "{\"type\":\"message\",\"content\":[{\"text\":\"hi \\\"there\\\"\"}]}");
  }

  @Test
  void anAbsentArrayMemberIsAnEmptyList() {
    assertThat(RawJson.arrayMember("{\"other\":[1]}", "output")).isEmpty();
  }

  @Test
  void anArrayMemberThatIsNotAnArrayIsRejected() {
    assertThatThrownBy(() -> RawJson.arrayMember("{\"output\":{}}", "output")).isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON array");
    assertThatThrownBy(() -> RawJson.arrayMember("{\"output\":null}", "output")).isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON array");
  }

  @Test
  void parseCuttingParsesTheObjectAndCutsTheMemberExactlyInOnePass() {
    String json = "{\"type\":\"done\", \"response\" : { \"id\":\"r1\",\"output\":[{\"a\" :1}, 2],\"usage\":{\"n\":3} } ,\"seq\":7}";

    RawJson.Cut cut = RawJson.parseCutting(new ObjectMapper(), json, "response", Set.of("output"));

    assertThat(cut.raw()).contains("{ \"id\":\"r1\",\"output\":[{\"a\" :1}, 2],\"usage\":{\"n\":3} }");
    assertThat(cut.tree().path("response").has("output")).isFalse();
    assertThat(cut.tree().path("response").path("usage").path("n").asInt()).isEqualTo(3);
    assertThat(cut.tree().path("seq").asInt()).isEqualTo(7);
    assertThat(cut.tree().path("type").asText()).isEqualTo("done");
  }

  @Test
  void parseCuttingCutsNonObjectMembersAndReportsAbsentOnes() {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(RawJson.parseCutting(mapper, "{\"item\": [1, \"x\" ]}", "item", Set.of()).raw()).contains("[1, \"x\" ]");
    assertThat(RawJson.parseCutting(mapper, "{\"item\":\"s\\\"q\"}", "item", Set.of()).raw()).contains("\"s\\\"q\"");
    assertThat(RawJson.parseCutting(mapper, "{\"other\":1}", "item", Set.of()).raw()).isEmpty();
  }

  @Test
  void parseCuttingRejectsWhatIsNotAWellFormedObject() {
    ObjectMapper mapper = new ObjectMapper();
    assertThatThrownBy(() -> RawJson.parseCutting(mapper, "[1]", "a", Set.of())).hasMessage("not a JSON object");
    assertThatThrownBy(() -> RawJson.parseCutting(mapper, "{\"a\":{\"b\":1", "a", Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed JSON");
  }
}
