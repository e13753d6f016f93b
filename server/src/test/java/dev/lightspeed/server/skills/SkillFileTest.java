package dev.lightspeed.server.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SkillFileTest {
  @Test
  void frontMatterGivesNameDescriptionAndShortDescriptionAndTheRestIsTheBody() throws Exception {
    SkillFile f = SkillFile.parse("---\nname: pdf\ndescription: >\n  Read and fill\n  PDF forms.\nmetadata:\n  short-description: PDF forms\n---\n# PDF\nUse pdftotext.\n");
    assertThat(f).isEqualTo(new SkillFile("pdf", "Read and fill PDF forms.", Optional.of("PDF forms"), "# PDF\nUse pdftotext.\n"));
  }

  @Test
  void crlfAndAByteOrderMarkAreRead() throws Exception {
    SkillFile f = SkillFile.parse("\uFEFF---\r\nname: \"xlsx\"\r\ndescription: 'Edit: spreadsheets'\r\n---\r\nbody\r\n");
    assertThat(f.name()).isEqualTo("xlsx");
    assertThat(f.description()).isEqualTo("Edit: spreadsheets");
    assertThat(f.body()).isEqualTo("body\n");
  }

  @Test
  void unusableFilesSayWhy() {
    assertThatThrownBy(() -> SkillFile.parse("# no front matter\n")).hasMessage("no front matter: the file must start with a --- line");
    assertThatThrownBy(() -> SkillFile.parse("---\nname: a\n")).hasMessage("the front matter is not closed with a --- line");
    assertThatThrownBy(() -> SkillFile.parse("---\nname: [a\n---\n")).hasMessageStartingWith("the front matter is not valid YAML: ");
    assertThatThrownBy(() -> SkillFile.parse("---\nname: a\n---\n")).hasMessage("the front matter has no description");
    assertThatThrownBy(() -> SkillFile.parse("---\nname: a\ndescription: [1, 2]\n---\n")).hasMessage("description must be non-empty text");
    assertThatThrownBy(() -> SkillFile.parse("---\nname: a b/c\ndescription: d\n---\n"))
        .hasMessage("name \"a b/c\" must be 1-64 letters, digits, '.', '_' or '-'");
    assertThatThrownBy(() -> SkillFile.parse("---\n- a\n---\n")).hasMessage("the front matter must be a YAML mapping with name and description");
  }
}
