package dev.lightspeed.tools.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VfsFeatureTest {
  private static final String REF = BlobRef.sha256(new byte[0]).toString();

  private static VfsFeature parse(String json) {
    return VfsFeature.parse(CanonicalJson.parse(json));
  }

  @Test
  void theContractShapeParses() {
    VfsFeature feature = parse("{\"version\":1,\"tools\":\"edit\",\"workspaceLinks\":["
        + "{\"path\":\"/refs\",\"target\":{\"type\":\"snapshot\",\"snapshotRef\":\"" + REF + "\"},\"access\":\"readOnly\"},"
        + "{\"path\":\"/workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"ws-1\"},\"access\":\"readWrite\"}],"
        + "\"prompts\":{},\"skills\":{\"roots\":[\"/workspace/skills\"]}}");

    assertThat(feature.workspaceLinks()).containsExactly(
        new WorkspaceLink(VfsPath.parse("/refs"), new LinkTarget.Snapshot(BlobRef.parse(REF)), LinkAccess.READ_ONLY),
        new WorkspaceLink(VfsPath.parse("/workspace"), new LinkTarget.Workspace(WorkspaceId.of("ws-1")), LinkAccess.READ_WRITE));
    assertThat(feature.tools()).contains(ToolSurface.EDIT);
    assertThat(feature.prompts()).contains(new VfsFeature.Sourcing(Optional.empty()));
    assertThat(feature.skills()).contains(new VfsFeature.Sourcing(Optional.of(List.of(VfsPath.parse("/workspace/skills")))));
    assertThat(feature.workingDirectory()).isEqualTo(VfsPath.parse("/workspace"));
  }

  @Test
  void anEmptyObjectGrantsAVfsWithNoToolsAndNoLinks() {
    VfsFeature feature = parse("{}");

    assertThat(feature).isEqualTo(new VfsFeature(1, List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(feature.workingDirectory()).isEqualTo(VfsPath.ROOT);
  }

  @Test
  void itIsFoundUnderFeaturesInASessionConfig() {
    assertThat(VfsFeature.fromConfig(CanonicalJson.parseObject("{\"model\":{},\"features\":{\"vfs\":{\"tools\":\"readOnly\"}}}")))
        .hasValueSatisfying(f -> assertThat(f.tools()).contains(ToolSurface.READ_ONLY));
    assertThat(VfsFeature.fromConfig(CanonicalJson.parseObject("{\"features\":{}}"))).isEmpty();
    assertThat(VfsFeature.fromConfig(CanonicalJson.parseObject("{}"))).isEmpty();
  }

  @Test
  void mistakesAreNamedByField() {
    assertThatThrownBy(() -> parse("{\"mounts\":[]}")).hasMessage("features.vfs has an unknown field \"mounts\"");
    assertThatThrownBy(() -> parse("{\"tools\":\"all\"}"))
        .hasMessage("features.vfs.tools: unknown tool surface \"all\" (expected readOnly or edit)");
    assertThatThrownBy(() -> parse("{\"workspaceLinks\":[{\"path\":\"workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"w\"},\"access\":\"readWrite\"}]}"))
        .hasMessage("features.vfs.workspaceLinks[0].path: path \"workspace\" is not absolute (it must start with /)");
    assertThatThrownBy(() -> parse("{\"workspaceLinks\":[{\"path\":\"/w\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"w\"},\"access\":\"rw\"}]}"))
        .hasMessage("features.vfs.workspaceLinks[0].access: unknown access \"rw\" (expected readOnly or readWrite)");
    assertThatThrownBy(() -> parse("{\"workspaceLinks\":[{\"path\":\"/w\",\"target\":{\"type\":\"bucket\"},\"access\":\"readOnly\"}]}"))
        .hasMessage("features.vfs.workspaceLinks[0].target.type \"bucket\" is not workspace or snapshot");
    assertThatThrownBy(() -> parse("{\"workspaceLinks\":[{\"path\":\"/w\",\"target\":{\"type\":\"snapshot\",\"snapshotRef\":\"x\"},\"access\":\"readOnly\"}]}"))
        .hasMessage("features.vfs.workspaceLinks[0].target.snapshotRef \"x\" is not a sha256 ref");
    assertThatThrownBy(() -> parse("{\"workspaceLinks\":[{\"path\":\"/w\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"a\"},\"access\":\"readOnly\"},"
        + "{\"path\":\"/w/\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"b\"},\"access\":\"readOnly\"}]}"))
        .hasMessage("features.vfs.workspaceLinks[1].path /w is linked twice");
    assertThatThrownBy(() -> parse("{\"workspaceLinks\":[{\"path\":\"/w\",\"access\":\"readOnly\"}]}"))
        .hasMessage("features.vfs.workspaceLinks[0].target is required");
    assertThatThrownBy(() -> parse("{\"skills\":{\"roots\":[]}}"))
        .hasMessage("features.vfs.skills.roots must not be empty (leave it out for the conventional roots)");
    assertThatThrownBy(() -> parse("{\"version\":2}")).hasMessage("features.vfs.version 2 is not supported (expected 1)");
  }
}
