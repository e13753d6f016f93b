package dev.lightspeed.engine.event;

import static dev.lightspeed.engine.event.EventSamples.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

  static Stream<Event> samples() {
    return EventSamples.all().stream();
  }

  // ---- round trips -----------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyVariantRoundTrips(Event event) {
    EventEnvelope envelope = EventCodec.encode(event);
    assertThat(envelope.kind()).isEqualTo(event.kind());
    assertThat(envelope.version()).isEqualTo(event.version()).isEqualTo(1);
    assertThat(EventCodec.decode(envelope)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyVariantRoundTripsThroughCanonicalText(Event event) {
    String text = CanonicalJson.write(EventCodec.encode(event).payload());
    EventEnvelope reread = new EventEnvelope(event.kind(), event.version(), CanonicalJson.parseObject(text));
    assertThat(EventCodec.decode(reread)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void payloadMembersAreExactlyTheRecordComponents(Event event) {
    List<String> components = new ArrayList<>();
    for (RecordComponent c : event.getClass().getRecordComponents()) components.add(c.getName());
    assertThat(EventCodec.encode(event).payload().members().keySet()).containsExactlyInAnyOrderElementsOf(components);
  }

  @Test
  void aToolSpecWritesItsApprovalOnlyWhenCallsNeedOne() {
    ToolSpec plain = new ToolSpec("read", ref("spec"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
    ToolSpec gated = new ToolSpec("deploy", ref("spec"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE, Approval.ALWAYS);
    assertThat(EventCodec.toolSpec(plain).has("approval")).isFalse();
    assertThat(EventCodec.toolSpec(gated).string("approval")).isEqualTo("always");
    assertThat(EventCodec.toolSpec(EventCodec.toolSpec(plain))).isEqualTo(plain);
    assertThat(EventCodec.toolSpec(EventCodec.toolSpec(gated))).isEqualTo(gated);
  }

  @Test
  void anEmptyOptionalIsOmittedAndReadsBackEmpty() {
    RunEvent.Completed noOutput = new RunEvent.Completed(7, Optional.empty());
    EventEnvelope envelope = EventCodec.encode(noOutput);
    assertThat(CanonicalJson.write(envelope.payload())).isEqualTo("{\"run\":7}");
    assertThat(EventCodec.decode(envelope)).isEqualTo(noOutput);
  }

  @Test
  void aJsonNullOptionalReadsAsEmpty() {
    Json.Obj payload = Json.Obj.builder().put("run", 7).put("output", Json.NULL).build();
    assertThat(EventCodec.decode(new EventEnvelope(RunEvent.Completed.KIND, 1, payload))).isEqualTo(new RunEvent.Completed(7, Optional.empty()));
  }

  @Test
  void aPresentOptionalRefIsItsString() {
    BlobRef output = ref("output: done");
    assertThat(CanonicalJson.write(EventCodec.encode(new RunEvent.Completed(7, Optional.of(output))).payload()))
        .isEqualTo("{\"output\":\"" + output + "\",\"run\":7}");
  }

  @Test
  void everyEntrySourceRoundTrips() {
    List<EntrySource> sources = List.of(
        EntrySource.CONTEXT_EDIT,
        new EntrySource.RunInput(7, 1),
        new EntrySource.Steering(7, 2, 1),
        new EntrySource.AssistantOutput(7, 11),
        new EntrySource.Tool(7, 11, 4),
        new EntrySource.Runtime("skills"));
    for (EntrySource source : sources) {
      roundTrips(new ContextEvent.EntriesApplied(source, List.of(EventSamples.KEYED_NOTE)));
      roundTrips(new ContextEvent.KeyPrefixReplaced("skills/", source, List.of(EventSamples.INSTRUCTIONS_ROOT)));
    }
  }

  @Test
  void everyEnumValueRoundTrips() {
    for (FailureKind failure : FailureKind.values()) roundTrips(new RunEvent.Failed(1, failure, ref("r"), "m"));
    for (CallOutcome outcome : CallOutcome.values()) roundTrips(new ToolEvent.CallCompleted(1, 2, 3, "c", outcome, ref("o"), 0, ""));
    for (CompactionTrigger trigger : CompactionTrigger.values()) roundTrips(new ContextEvent.CompactionRequested(1, trigger, 2, 3));
    for (Parallelism parallelism : Parallelism.values()) {
      for (RetrySafety retrySafety : RetrySafety.values()) {
        roundTrips(new ToolsEvent.Replaced(List.of(new ToolSpec("t", ref("t"), parallelism, retrySafety))));
      }
    }
  }

  @Test
  void enumsAreStoredAsTheirWireNames() {
    Json.Obj payload = EventCodec.encode(new ContextEvent.CompactionRequested(1, CompactionTrigger.HIGH_WATER, 0, 9)).payload();
    assertThat(CanonicalJson.write(payload)).isEqualTo("{\"compaction\":1,\"pruneBeforeId\":9,\"run\":0,\"trigger\":\"highWater\"}");
    assertThat(EventCodec.encode(new RunEvent.Failed(1, FailureKind.LIMIT_EXCEEDED, ref("r"), "m")).payload().string("failure"))
        .isEqualTo("limit_exceeded");
  }

  @Test
  void emptyListsRoundTrip() {
    roundTrips(new RunEvent.Accepted(1, "s", List.of(), Json.Obj.EMPTY, "d"));
    roundTrips(new RunEvent.SteeringAccepted(1, 1, List.of()));
    roundTrips(new TurnEvent.GenerationCompleted(1, 1, ref("r"), "stop", Usage.ZERO, List.of(), List.of(), ""));
    roundTrips(new ContextEvent.EntriesApplied(EntrySource.CONTEXT_EDIT, List.of()));
    roundTrips(new ContextEvent.EntriesRemoved(List.of()));
    roundTrips(new ContextEvent.KeysRemoved(List.of()));
    roundTrips(new ContextEvent.KeyPrefixReplaced("", EntrySource.CONTEXT_EDIT, List.of()));
    roundTrips(new ContextEvent.CompactionFinished(1, 0, List.of(), Usage.ZERO));
    roundTrips(new ToolsEvent.Replaced(List.of()));
    roundTrips(new ToolsEvent.Patched(List.of(), List.of()));
  }

  @Test
  void extremeNumbersRoundTrip() {
    roundTrips(new TurnEvent.Started(Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE));
    roundTrips(new TurnEvent.Started(0, 0, Integer.MIN_VALUE));
    roundTrips(new ContextEvent.EntriesRemoved(List.of(Long.MAX_VALUE, 0L, -1L)));
    roundTrips(new TurnEvent.GenerationCompleted(
        1, 1, ref("r"), "stop", new Usage(Long.MAX_VALUE, 0, Long.MAX_VALUE, 1), List.of(), List.of(), "id"));
  }

  @Test
  void configDocumentsPassThroughUnchanged() {
    Json.Obj config = EventSamples.SESSION_CONFIG;
    assertThat(EventCodec.encode(new LifecycleEvent.Opened(config)).payload().object("config")).isSameAs(config);
    assertThat(EventCodec.encode(new RunEvent.Accepted(1, "s", List.of(), config, "d")).payload().object("config")).isSameAs(config);
  }

  @Test
  void unknownPayloadMembersAreIgnored() {
    Json.Obj payload = Json.Obj.builder().put("run", 7).put("addedLater", "x").build();
    assertThat(EventCodec.decode(new EventEnvelope(RunEvent.Started.KIND, 1, payload))).isEqualTo(new RunEvent.Started(7));
  }

  // ---- value types -----------------------------------------------------------------------------------

  @Test
  void valueTypesHaveTheirDocumentedShapes() {
    BlobRef content = ref("c");
    assertThat(CanonicalJson.write(EventCodec.inputItem(new InputItem(content, "image/png", 12, "shot.png"))))
        .isEqualTo("{\"content\":\"" + content + "\",\"mediaType\":\"image/png\",\"preview\":\"shot.png\",\"size\":12}");
    assertThat(CanonicalJson.write(EventCodec.toolCall(new ToolCall("call-1", "shell", content))))
        .isEqualTo("{\"arguments\":\"" + content + "\",\"callId\":\"call-1\",\"name\":\"shell\"}");
    assertThat(CanonicalJson.write(EventCodec.toolSpec(new ToolSpec("shell", content, Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE))))
        .isEqualTo("{\"name\":\"shell\",\"parallelism\":\"exclusive\",\"retrySafety\":\"notRetrySafe\",\"spec\":\"" + content + "\"}");
    assertThat(CanonicalJson.write(EventCodec.usage(new Usage(1, 2, 3, 4))))
        .isEqualTo("{\"cachedInputTokens\":3,\"inputTokens\":1,\"outputTokens\":2,\"reasoningTokens\":4}");
  }

  @Test
  void valueTypesRoundTrip() {
    assertThat(EventCodec.inputItem(EventCodec.inputItem(EventSamples.IMAGE_INPUT))).isEqualTo(EventSamples.IMAGE_INPUT);
    assertThat(EventCodec.toolCall(EventCodec.toolCall(EventSamples.SHELL_CALL))).isEqualTo(EventSamples.SHELL_CALL);
    assertThat(EventCodec.toolSpec(EventCodec.toolSpec(EventSamples.WEB_FETCH))).isEqualTo(EventSamples.WEB_FETCH);
    assertThat(EventCodec.usage(EventCodec.usage(EventSamples.GENERATION_USAGE))).isEqualTo(EventSamples.GENERATION_USAGE);
  }

  // ---- vocabulary ------------------------------------------------------------------------------------

  @Test
  void everyVariantOfEveryFamilyHasExactlyOneSample() {
    List<Class<?>> variants = new ArrayList<>();
    for (Class<?> family : Event.class.getPermittedSubclasses()) {
      assertThat(family.isSealed()).as("%s is sealed", family.getSimpleName()).isTrue();
      variants.addAll(List.of(family.getPermittedSubclasses()));
    }
    List<Class<?>> sampled = EventSamples.all().stream().<Class<?>>map(Object::getClass).toList();
    assertThat(sampled).as("EventSamples.all() must hold one instance of each variant, in permits order").containsExactlyElementsOf(variants);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void kindIsFamilyAndSnakeCaseVariant(Event event) throws ReflectiveOperationException {
    Class<?> variant = event.getClass();
    Class<?> family = variant.getInterfaces()[0];
    String familyName = family.getSimpleName().substring(0, family.getSimpleName().length() - "Event".length()).toLowerCase(Locale.ROOT);
    assertThat(event.kind()).isEqualTo("lightspeed.core." + familyName + "." + snakeCase(variant.getSimpleName()));

    var kindConstant = variant.getField("KIND");
    assertThat(Modifier.isStatic(kindConstant.getModifiers()) && Modifier.isFinal(kindConstant.getModifiers())).isTrue();
    assertThat(kindConstant.get(null)).isEqualTo(event.kind());
  }

  @Test
  void kindsAreUniqueAndAreExactlyWhatTheCodecReads() {
    List<String> kinds = EventSamples.all().stream().map(Event::kind).toList();
    assertThat(new HashSet<>(kinds)).hasSameSizeAs(kinds);
    assertThat(EventCodec.kinds()).containsExactlyInAnyOrderElementsOf(kinds);
  }

  @Test
  void snakeCaseSplitsWordsAtCapitals() {
    assertThat(snakeCase("KeyPrefixReplaced")).isEqualTo("key_prefix_replaced");
    assertThat(snakeCase("Opened")).isEqualTo("opened");
  }

  // ---- errors ----------------------------------------------------------------------------------------

  @Test
  void anUnknownKindIsRejected() {
    EventEnvelope envelope = new EventEnvelope("lightspeed.core.run.exploded", 1, Json.Obj.EMPTY);
    assertThatThrownBy(() -> EventCodec.decode(envelope))
        .isInstanceOfSatisfying(EventDecodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.UNKNOWN_KIND);
          assertThat(e.kind()).isEqualTo("lightspeed.core.run.exploded");
          assertThat(e.version()).isEqualTo(1);
          assertThat(e.getCause()).isNull();
        })
        .hasMessage("unknown event kind \"lightspeed.core.run.exploded\"");
  }

  @Test
  void anUnsupportedVersionIsRejected() {
    EventEnvelope envelope = new EventEnvelope(RunEvent.Started.KIND, 7, Json.Obj.builder().put("run", 1).build());
    assertThatThrownBy(() -> EventCodec.decode(envelope))
        .isInstanceOfSatisfying(EventDecodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.UNSUPPORTED_VERSION);
          assertThat(e.kind()).isEqualTo(RunEvent.Started.KIND);
          assertThat(e.version()).isEqualTo(7);
        })
        .hasMessage("unsupported version 7 of event kind \"lightspeed.core.run.started\" (this build reads version 1)");
  }

  @Test
  void aMissingFieldIsAMalformedPayload() {
    EventEnvelope envelope = new EventEnvelope(RunEvent.Started.KIND, 1, Json.Obj.EMPTY);
    assertThatThrownBy(() -> EventCodec.decode(envelope))
        .isInstanceOfSatisfying(EventDecodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED_PAYLOAD);
          assertThat(e.kind()).isEqualTo(RunEvent.Started.KIND);
          assertThat(e.version()).isEqualTo(1);
        })
        .hasMessage("malformed payload of event kind \"lightspeed.core.run.started\": missing field \"run\"")
        .hasCauseInstanceOf(JsonShapeException.class);
  }

  @Test
  void aMistypedFieldIsAMalformedPayload() {
    assertMalformed(RunEvent.Started.KIND, Json.Obj.builder().put("run", "7").build(), "field \"run\" must be an integer");
    assertMalformed(RunEvent.Started.KIND, Json.Obj.builder().put("run", Json.Num.parse("7.5")).build(), "field \"run\" must be an integer");
    assertMalformed(LifecycleEvent.Closed.KIND, Json.Obj.builder().put("forced", "yes").build(), "field \"forced\" must be a boolean");
    assertMalformed(LifecycleEvent.Opened.KIND, Json.Obj.builder().put("config", Json.Arr.of()).build(), "field \"config\" must be an object");
  }

  @Test
  void aBadBlobRefIsAMalformedPayload() {
    Json.Obj payload = EventCodec.encode(new RunEvent.Failed(7, FailureKind.INTERNAL, ref("r"), "boom")).payload();
    Json.Obj bad = with(payload, "reason", Json.of("sha256:NOPE"));
    assertMalformed(RunEvent.Failed.KIND, bad, "field \"reason\" must be a blob ref (sha256:<64 lowercase hex>): \"sha256:NOPE\"");
  }

  @Test
  void aBadOptionalBlobRefIsAMalformedPayload() {
    assertMalformed(RunEvent.Completed.KIND, Json.Obj.builder().put("run", 7).put("output", "").build(),
        "field \"output\" must be a blob ref (sha256:<64 lowercase hex>): \"\"");
  }

  @Test
  void anUnknownWireNameIsAMalformedPayload() {
    Json.Obj payload = EventCodec.encode(new RunEvent.Failed(7, FailureKind.INTERNAL, ref("r"), "boom")).payload();
    EventDecodeException e = assertMalformed(RunEvent.Failed.KIND, with(payload, "failure", Json.of("exploded")),
        "field \"failure\": unknown failure kind: \"exploded\"");
    assertThat(e.getCause()).isInstanceOf(JsonShapeException.class).hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anErrorInsideANestedObjectNamesTheField() {
    Event sample = sampleOf(TurnEvent.GenerationCompleted.class);
    Json.Obj payload = EventCodec.encode(sample).payload();
    Json.Obj usage = payload.object("usage");
    Json.Obj noInput = new Json.Obj(usage.members().entrySet().stream()
        .filter(m -> !m.getKey().equals("inputTokens"))
        .collect(Collectors.toMap(m -> m.getKey(), m -> m.getValue())));
    assertMalformed(sample.kind(), with(payload, "usage", noInput), "in \"usage\": missing field \"inputTokens\"");

    EventDecodeException negative = assertMalformed(sample.kind(), with(payload, "usage", with(usage, "outputTokens", Json.of(-1))),
        "in \"usage\": negative token count: 12000/-1/9000/120");
    assertThat(negative).hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anErrorInsideAListElementNamesTheFieldAndIndex() {
    Event sample = sampleOf(ContextEvent.EntriesApplied.class);
    Json.Obj payload = EventCodec.encode(sample).payload();
    List<Json> items = new ArrayList<>(payload.array("items"));
    items.set(1, with((Json.Obj) items.get(1), "content", Json.of("not-a-ref")));
    assertMalformed(sample.kind(), with(payload, "items", new Json.Arr(items)), "in \"items\"[1]: invalid blob ref \"not-a-ref\"");

    items.set(1, Json.of("item"));
    assertMalformed(sample.kind(), with(payload, "items", new Json.Arr(items)), "field \"items\"[1] must be an object");
  }

  @Test
  void anInvalidToolNameIsAMalformedPayload() {
    Json.Obj spec = with(EventCodec.toolSpec(EventSamples.SHELL), "name", Json.of("bad name"));
    EventDecodeException e = assertMalformed(ToolsEvent.Replaced.KIND, Json.Obj.builder().put("tools", Json.Arr.of(spec)).build(),
        "in \"tools\"[0]: invalid tool name: \"bad name\" (expected 1-64 of [A-Za-z0-9_-])");
    assertThat(e).hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMistypedListElementIsAMalformedPayload() {
    assertMalformed(ContextEvent.EntriesRemoved.KIND, Json.Obj.builder().put("ids", Json.Arr.of(Json.of(4), Json.of("9"))).build(),
        "field \"ids\"[1] must be an integer");
    assertMalformed(ContextEvent.KeysRemoved.KIND, Json.Obj.builder().put("keys", Json.Arr.of(Json.NULL)).build(),
        "field \"keys\"[0] must be a string");
    assertMalformed(ContextEvent.KeysRemoved.KIND, Json.Obj.builder().put("keys", "a").build(), "field \"keys\" must be an array");
  }

  @Test
  void anIntFieldOutOfRangeIsAMalformedPayload() {
    Json.Obj payload = Json.Obj.builder().put("run", 1).put("turn", 2).put("index", 1L + Integer.MAX_VALUE).build();
    assertMalformed(TurnEvent.Started.KIND, payload, "field \"index\" out of int range: 2147483648");
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private static void roundTrips(Event event) {
    assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
  }

  private static EventDecodeException assertMalformed(String kind, Json.Obj payload, String causeMessage) {
    try {
      EventCodec.decode(new EventEnvelope(kind, 1, payload));
    } catch (EventDecodeException e) {
      assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED_PAYLOAD);
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e).hasMessage("malformed payload of event kind \"" + kind + "\": " + causeMessage);
      assertThat(e.getCause()).isNotNull().hasMessage(causeMessage);
      return e;
    }
    throw new AssertionError("expected " + kind + " to be rejected: " + CanonicalJson.write(payload));
  }

  private static Json.Obj with(Json.Obj obj, String name, Json value) {
    var members = new LinkedHashMap<>(obj.members());
    members.put(name, value);
    return new Json.Obj(members);
  }

  private static Event sampleOf(Class<? extends Event> variant) {
    return EventSamples.all().stream().filter(variant::isInstance).findFirst().orElseThrow();
  }

  private static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) out.append('_');
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
