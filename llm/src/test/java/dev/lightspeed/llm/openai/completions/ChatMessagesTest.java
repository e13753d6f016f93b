package dev.lightspeed.llm.openai.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatMessagesTest {
  private final Map<BlobRef, byte[]> blobs = new HashMap<>();
  private final List<ContextEntry> context = new ArrayList<>();

  @Test
  void plainAssistantSystemAndDeveloperTextsBecomeMessagesOfTheirRoleInPlace() throws Exception {
    add(EntryKind.MESSAGE, EntryRole.USER, "text/plain", null, null, "Hi");
    add(EntryKind.MESSAGE, EntryRole.ASSISTANT, "text/plain", null, null, "Hello.");
    add(EntryKind.MESSAGE, EntryRole.DEVELOPER, "text/plain", null, null, "Answer in French.");
    add(EntryKind.MESSAGE, EntryRole.SYSTEM, "text/markdown; charset=utf-8", null, null, "*Be kind.*");
    add(EntryKind.SKILL_ACTIVATION, EntryRole.NONE, "text/plain", null, null, "Skill: translate.");

    assertThat(render()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello.\"},"
        + "{\"role\":\"system\",\"content\":\"Answer in French.\"},{\"role\":\"system\",\"content\":\"*Be kind.*\"},"
        + "{\"role\":\"user\",\"content\":\"Skill: translate.\"}]");
  }

  @Test
  void nativeItemsOfOtherApiKindsAreSkipped() throws Exception {
    add(EntryKind.MESSAGE, EntryRole.USER, "text/plain", null, null, "Hi");
    add(EntryKind.REASONING_STATE, EntryRole.NONE, "application/json", "openai:responses:reasoning", null, "{\"type\":\"reasoning\"}");
    add(EntryKind.TOOL_CALL, EntryRole.NONE, "application/json", "anthropic:messages:tool_use", "t1", "{\"type\":\"tool_use\"}");
    add(EntryKind.MESSAGE, EntryRole.ASSISTANT, "application/json", "openai:completions:message", null, "{\"role\":\"assistant\", \"content\":\"Yo\"}");

    assertThat(render()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\", \"content\":\"Yo\"}]");
  }

  @Test
  void parallelToolResultsBecomeConsecutiveToolMessagesAndABinaryResultIsDescribed() throws Exception {
    add(EntryKind.TOOL_RESULT, EntryRole.NONE, "text/plain", null, "call_a", "42");
    add(EntryKind.TOOL_RESULT, EntryRole.NONE, "image/png", null, "call_b", "PNG");

    assertThat(render()).isEqualTo("[{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":\"42\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_b\",\"content\":\"(the tool returned image/png content, which cannot be shown through this API)\"}]");
  }

  @Test
  void aToolResultWithoutACallIdIsUnsupported() {
    ContextEntry result = add(EntryKind.TOOL_RESULT, EntryRole.NONE, "text/plain", null, null, "42");

    assertThatThrownBy(this::render).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error())
        .isEqualTo(new ProviderError.Terminal("p", ProviderError.Terminal.Kind.UNSUPPORTED, 0, "", "tool result entry " + result.id() + " has no call id")));
  }

  @Test
  void withoutInstructionsThereIsNoSystemMessage() throws Exception {
    assertThat(render()).isEqualTo("[]");
  }

  private ContextEntry add(EntryKind kind, EntryRole role, String mediaType, String providerKind, String callId, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = BlobRef.sha256(bytes);
    blobs.put(ref, bytes);
    ContextEntry entry = new ContextEntry(context.size() + 1, new EntrySource.RunInput(1, 0),
        new ContextItem(null, kind, role, ref, mediaType, providerKind, null, 1, callId, false));
    context.add(entry);
    return entry;
  }

  private String render() throws ProviderException {
    byte[] json = ChatJson.write(g -> {
      g.writeStartArray();
      ChatMessages.write(g, context, "p", blobs::get, false);
      g.writeEndArray();
    });
    return new String(json, StandardCharsets.UTF_8);
  }
}
