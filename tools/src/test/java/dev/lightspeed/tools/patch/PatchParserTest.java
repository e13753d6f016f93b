package dev.lightspeed.tools.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.tools.patch.Patch.Chunk;
import dev.lightspeed.tools.patch.Patch.Hunk;
import dev.lightspeed.tools.patch.Patch.Line;
import dev.lightspeed.tools.patch.Patch.LineKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatchParserTest {
  @Test
  void parsesEveryKindOfOperation() throws PatchException {
    Patch patch = PatchParser.parse("""
        *** Begin Patch
        *** Add File: a.txt
        +one
        +
        +two
        *** Delete File: b.txt
        *** Update File: c.txt
        *** Move to: d.txt
        @@ class C
         keep
        -old
        +new
        @@
        +tail
        *** End of File
        *** End Patch
        """);

    assertThat(patch.hunks()).containsExactly(
        new Hunk.AddFile("a.txt", List.of("one", "", "two")),
        new Hunk.DeleteFile("b.txt"),
        new Hunk.UpdateFile("c.txt", Optional.of("d.txt"), List.of(
            new Chunk(Optional.of("class C"), List.of(new Line(LineKind.KEEP, "keep"), new Line(LineKind.REMOVE, "old"),
                new Line(LineKind.ADD, "new")), false),
            new Chunk(Optional.empty(), List.of(new Line(LineKind.ADD, "tail")), true))));
  }

  @Test
  void heredocWrappersAreUnwrapped() throws PatchException {
    String body = "*** Begin Patch\n*** Delete File: x\n*** End Patch\n";
    Patch expected = new Patch(List.of(new Hunk.DeleteFile("x")));

    assertThat(PatchParser.parse("<<'EOF'\n" + body + "EOF\n")).isEqualTo(expected);
    assertThat(PatchParser.parse("apply_patch <<\"PATCH\"\n" + body + "PATCH")).isEqualTo(expected);
    assertThat(PatchParser.parse("<<EOF\n" + body + "EOF")).isEqualTo(expected);
  }

  @Test
  void paddedMarkersAndCrlfLineEndsAreAccepted() throws PatchException {
    Patch patch = PatchParser.parse(" *** Begin Patch \r\n  *** Update File: f.txt\r\n@@\r\n-a\r\n+b\r\n *** End Patch\r\n");

    assertThat(patch.hunks()).containsExactly(new Hunk.UpdateFile("f.txt", Optional.empty(),
        List.of(new Chunk(Optional.empty(), List.of(new Line(LineKind.REMOVE, "a"), new Line(LineKind.ADD, "b")), false))));
  }

  @Test
  void theFirstChunkMayOmitItsAtAtAndEmptyLinesAreEmptyContext() throws PatchException {
    Patch patch = PatchParser.parse("*** Begin Patch\n*** Update File: f\n x\n\n-y\n*** End Patch");

    assertThat(((Hunk.UpdateFile) patch.hunks().get(0)).chunks().get(0).lines())
        .containsExactly(new Line(LineKind.KEEP, "x"), new Line(LineKind.KEEP, ""), new Line(LineKind.REMOVE, "y"));
  }

  @Test
  void mistakesNameTheLine() {
    assertThatThrownBy(() -> PatchParser.parse("*** Update File: f\n@@\n-a\n+b\n*** End Patch"))
        .isInstanceOf(PatchException.class).hasMessage("the patch must start with '*** Begin Patch' (line 1)");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** Delete File: f\n"))
        .hasMessage("the patch must end with '*** End Patch' (line 2)");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** End Patch"))
        .hasMessage("the patch contains no file operations");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** Remove File: f\n*** End Patch"))
        .hasMessage("invalid patch, line 2: '*** Remove File: f' is not a valid hunk header; expected '*** Add File: PATH',"
            + " '*** Delete File: PATH' or '*** Update File: PATH'");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** Add File: f\nno plus\n*** End Patch"))
        .hasMessage("invalid patch, line 3: every line of an added file must start with '+' (adding f), got 'no plus'");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** Update File: f\n@@\n*x\n*** End Patch"))
        .hasMessage("invalid patch, line 4: unexpected line in the update of f: '*x' (chunk lines start with ' ' to keep,"
            + " '-' to remove or '+' to add)");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** Update File: f\n*** End Patch"))
        .hasMessage("invalid patch, line 3: the update of f has no changes; add a chunk starting with @@");
    assertThatThrownBy(() -> PatchParser.parse("*** Begin Patch\n*** Delete File:   \n*** End Patch"))
        .hasMessage("invalid patch, line 2: '*** Delete File:' needs a path");
  }
}
