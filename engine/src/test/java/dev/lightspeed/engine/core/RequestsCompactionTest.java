package dev.lightspeed.engine.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.ContextState.PendingCompaction;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.session.ConfigState;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionConfigParser;
import dev.lightspeed.engine.session.SessionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone compaction request rebuilt from state: what it compacts, with which model and policy, and when there is none. */
class RequestsCompactionTest {
  private static final Json.Obj CONFIG = CanonicalJson.parseObject("{\"model\":{\"providerId\":\"p\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":800,\"target_tokens\":200}}}");

  private static ContextItem message(EntryRole role, String text) {
    return ContextItem.message(role, BlobRef.sha256(text.getBytes(UTF_8)), text, 1);
  }

  /**
   * Entries 1 (keyed instructions), 2-4 (user, assistant, user: unkeyed messages), 5 (an unconsumed user
   * message); the model has seen everything through 4.
   */
  private static SessionState state(Json.Obj config) {
    ContextItem instructions = new ContextItem("inst", EntryKind.INSTRUCTIONS, EntryRole.NONE, BlobRef.sha256(new byte[] {1}), "text/plain", null, null, 1,
        null, false);
    ContextState context = ContextState.EMPTY
        .place(List.of(instructions, message(EntryRole.USER, "a"), message(EntryRole.ASSISTANT, "b"), message(EntryRole.USER, "c"),
            message(EntryRole.USER, "d")), i -> EntrySource.CONTEXT_EDIT)
        .withConsumedThrough(4);
    return SessionState.INITIAL.withLifecycle(Lifecycle.OPEN)
        .withConfig(new ConfigState(config, 1, SessionConfigParser.parseSession(config)))
        .withContext(context);
  }

  private static SessionState pending(SessionState s, long pruneBeforeId) {
    return s.withContext(s.context().withPendingCompaction(new PendingCompaction(1, CompactionTrigger.MANUAL, 0, pruneBeforeId)));
  }

  @Test
  void thereIsNoRequestWithoutAPendingCompaction() {
    assertThat(Requests.compaction(SessionState.INITIAL)).isEmpty();
    assertThat(Requests.compaction(state(CONFIG))).isEmpty();
  }

  @Test
  void thereIsNoRequestWithoutAModel() {
    assertThat(Requests.compaction(pending(state(Json.Obj.EMPTY), 6))).isEmpty();
  }

  @Test
  void theRequestCompactsThePrunableEntriesBeforeTheMarkInTheLightOfTheWholeContext() {
    SessionState s = pending(state(CONFIG), 4);
    List<ContextEntry> entries = s.context().entries();
    assertThat(Requests.compaction(s)).contains(new CompactionRequest(1, new ModelRef("p", "openai:responses", "m"),
        new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 800, 200), s.context().ordered(), entries.subList(1, 3)));

    SessionState all = pending(state(CONFIG), 6);
    assertThat(Requests.compaction(all).orElseThrow().compactable()).extracting(ContextEntry::id).containsExactly(2L, 3L, 4L);
  }
}
