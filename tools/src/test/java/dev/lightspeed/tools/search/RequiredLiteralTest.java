package dev.lightspeed.tools.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredLiteralTest {
  @Test
  void aPlainPatternIsItsOwnLiteral() {
    assertThat(RequiredLiteral.of("reconcileLedgerShards")).contains(new RequiredLiteral("reconcileLedgerShards", true));
    assertThat(RequiredLiteral.of("a\\.b\\(c")).contains(new RequiredLiteral("a.b(c", true));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', value = {
      "fetch[A-Z]\\w*Async\\(~Async(",
      "^\\s*def\\s+main_loop\\(~main_loop(",
      "TODO:?\\s+fixme~fixme",
      "colou?r_table~r_table",
      "(foo|bar)_handler\\b~_handler",
      "x{2,}yyyy~yyyy",
      "abcd+efg~abc",
      "[abc]+xyz.*end_of_it$~end_of_it",
      "\\p{Lu}ower_case_tail~ower_case_tail",
  })
  void theLongestRunEveryMatchMustHoldIsFound(String regex, String literal) {
    assertThat(RequiredLiteral.of(regex)).contains(new RequiredLiteral(literal, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "foo|barbaz", "(?i)hello", "hello(?=world)", "\\Qa.b\\E", "(abc)\\1", "\\x41BCD", "tab\\there", "ab", "a.b.c",
      "*abc", "abc)", "[abc", "(abc", "a{2", "\\"})
  void anythingNotFullyUnderstoodGivesNoLiteral(String regex) {
    assertThat(RequiredLiteral.of(regex)).isEmpty();
  }

  @Test
  void aQuantifiedCodePointIsDroppedWhole() {
    // U+1F600 is two chars; "?" makes the whole code point optional, so neither half may stay in the run.
    assertThat(RequiredLiteral.of("abc\uD83D\uDE00?def")).contains(new RequiredLiteral("abc", false));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "fetch[A-Z]\\w*Async\\(", "colou?r_table", "(foo|bar)_handler\\b", "abcd+efg", "x{2,}yyyy", "TODO:?\\s+fixme"})
  void everyMatchContainsTheLiteral(String regex) {
    String literal = RequiredLiteral.of(regex).orElseThrow().text();
    String[] samples = {"fetchUserAsync(", "color_table", "colour_table", "bar_handler x", "abcdddefg", "xxxyyyy", "TODO fixme", "TODO: fixme"};
    Pattern p = Pattern.compile(regex);
    for (String s : samples) {
      if (p.matcher(s).find()) assertThat(s).as("%s matches %s", regex, s).contains(literal);
    }
  }

  @Test
  void shortRunsAreNotWorthIt() {
    assertThat(RequiredLiteral.of("a\\w+b")).isEqualTo(Optional.empty());
  }
}
