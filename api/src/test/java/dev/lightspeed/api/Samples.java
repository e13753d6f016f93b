package dev.lightspeed.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.blobs.BlobHasItem;
import dev.lightspeed.api.blobs.BlobHasParams;
import dev.lightspeed.api.blobs.BlobHasResponse;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobPutResponse;
import dev.lightspeed.api.blobs.BlobPutResult;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.blobs.BlobReadResponse;
import dev.lightspeed.api.context.ContextAppendEntry;
import dev.lightspeed.api.context.ContextAppendParams;
import dev.lightspeed.api.context.ContextAppendResponse;
import dev.lightspeed.api.context.ContextAppendResult;
import dev.lightspeed.api.context.ContextAppendStatus;
import dev.lightspeed.api.context.ContextCompactParams;
import dev.lightspeed.api.context.ContextCompactResponse;
import dev.lightspeed.api.context.ContextEntryInputView;
import dev.lightspeed.api.context.ContextEntryKindView;
import dev.lightspeed.api.context.ContextEntryView;
import dev.lightspeed.api.context.ContextMessageRoleView;
import dev.lightspeed.api.context.ContextRemoveParams;
import dev.lightspeed.api.context.ContextRemoveResponse;
import dev.lightspeed.api.context.ContextRemoveResult;
import dev.lightspeed.api.context.ContextRemoveStatus;
import dev.lightspeed.api.context.ContextView;
import dev.lightspeed.api.context.TokenEstimateQualityView;
import dev.lightspeed.api.context.TokenEstimateView;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.EventJoinsView;
import dev.lightspeed.api.events.EventLogGap;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.events.SessionEventsReadResponse;
import dev.lightspeed.api.initialize.ClientCapabilities;
import dev.lightspeed.api.initialize.ClientInfo;
import dev.lightspeed.api.initialize.InitializeParams;
import dev.lightspeed.api.initialize.InitializeResponse;
import dev.lightspeed.api.initialize.ServerCapabilities;
import dev.lightspeed.api.initialize.ServerInfo;
import dev.lightspeed.api.input.InputAdmissionFailureKind;
import dev.lightspeed.api.input.InputAdmissionFailureView;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.input.MediaKind;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerDeleteResponse;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerListResponse;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerPutResponse;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.mcp.McpServerReadResponse;
import dev.lightspeed.api.mcp.McpServerStatus;
import dev.lightspeed.api.mcp.McpServerLoginCompleteParams;
import dev.lightspeed.api.mcp.McpServerLoginCompleteResponse;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerLoginStartResponse;
import dev.lightspeed.api.mcp.McpServerLoginView;
import dev.lightspeed.api.mcp.McpServerView;
import dev.lightspeed.api.mcp.RemoteMcpApprovalPolicy;
import dev.lightspeed.api.mcp.RemoteMcpTransport;
import dev.lightspeed.api.models.ModelCapabilitiesView;
import dev.lightspeed.api.models.ModelConfig;
import dev.lightspeed.api.models.ModelListParams;
import dev.lightspeed.api.models.ModelListResponse;
import dev.lightspeed.api.models.ModelProviderCredentialSource;
import dev.lightspeed.api.models.ModelProviderCredentialStatus;
import dev.lightspeed.api.models.ModelProviderDiscoveryView;
import dev.lightspeed.api.models.ModelSource;
import dev.lightspeed.api.models.ModelView;
import dev.lightspeed.api.profile.AgentProfile;
import dev.lightspeed.api.profile.AgentProfileInput;
import dev.lightspeed.api.profile.AgentProfileSummary;
import dev.lightspeed.api.profile.InlineAgentProfile;
import dev.lightspeed.api.profile.ProfileApplyParams;
import dev.lightspeed.api.profile.ProfileApplyResponse;
import dev.lightspeed.api.profile.ProfileApplySummary;
import dev.lightspeed.api.profile.ProfileCreateParams;
import dev.lightspeed.api.profile.ProfileCreateResponse;
import dev.lightspeed.api.profile.ProfileDeleteParams;
import dev.lightspeed.api.profile.ProfileDeleteResponse;
import dev.lightspeed.api.profile.ProfileInstructions;
import dev.lightspeed.api.profile.ProfileListParams;
import dev.lightspeed.api.profile.ProfileListResponse;
import dev.lightspeed.api.profile.ProfilePutParams;
import dev.lightspeed.api.profile.ProfilePutResponse;
import dev.lightspeed.api.profile.ProfileReadParams;
import dev.lightspeed.api.profile.ProfileReadResponse;
import dev.lightspeed.api.profile.ProfileSource;
import dev.lightspeed.api.run.RunApproveParams;
import dev.lightspeed.api.run.RunApproveResponse;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunCancelResponse;
import dev.lightspeed.api.run.RunLimitsConfig;
import dev.lightspeed.api.run.RunStartConfig;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartResponse;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.api.run.RunSteerParams;
import dev.lightspeed.api.run.RunSteerResponse;
import dev.lightspeed.api.run.RunTerminalNotificationInput;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.api.session.ActiveToolsView;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionCloseResponse;
import dev.lightspeed.api.session.SessionConfigPutParams;
import dev.lightspeed.api.session.SessionConfigPutResponse;
import dev.lightspeed.api.session.SessionDeleteParams;
import dev.lightspeed.api.session.SessionDeleteResponse;
import dev.lightspeed.api.session.SessionLifecycleStatus;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionListResponse;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionRenameParams;
import dev.lightspeed.api.session.SessionRenameResponse;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionStartResponse;
import dev.lightspeed.api.session.SessionStatus;
import dev.lightspeed.api.session.SessionSummaryView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.api.session.ToolParallelismView;
import dev.lightspeed.api.session.ToolView;
import dev.lightspeed.api.skills.SkillActivateParams;
import dev.lightspeed.api.skills.SkillActivateResponse;
import dev.lightspeed.api.skills.SkillActivationScope;
import dev.lightspeed.api.skills.SkillActivationSource;
import dev.lightspeed.api.skills.SkillActivationView;
import dev.lightspeed.api.skills.SkillActiveParams;
import dev.lightspeed.api.skills.SkillActiveResponse;
import dev.lightspeed.api.skills.SkillDeactivateParams;
import dev.lightspeed.api.skills.SkillDeactivateResponse;
import dev.lightspeed.api.skills.SkillListItem;
import dev.lightspeed.api.skills.SkillListParams;
import dev.lightspeed.api.skills.SkillListResponse;
import dev.lightspeed.api.vfs.VfsSnapshotCommitParams;
import dev.lightspeed.api.vfs.VfsSnapshotCommitResponse;
import dev.lightspeed.api.vfs.VfsSnapshotReadParams;
import dev.lightspeed.api.vfs.VfsSnapshotReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteParams;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceListParams;
import dev.lightspeed.api.vfs.VfsWorkspaceListResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceReadParams;
import dev.lightspeed.api.vfs.VfsWorkspaceReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realistic instances of every wire type: for each served method a full params, a minimal params and a
 * result, plus the views in their fullest and barest forms. Shared through the test-jar so server tests can
 * start from values the contract is known to accept.
 */
public final class Samples {
  private Samples() {}

  public static final String SESSION_ID = "ses_01JD5Q8Z3N7W";
  public static final String RUN_ID = "run_01JD5QA4M2KX";
  public static final String TURN_ID = "turn_01JD5QA4Q0";
  public static final String BLOB_REF = "blob:sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  public static final long CREATED_AT_MS = 1_764_000_000_000L;

  /** {@return {@code json} parsed with {@link ApiJson} as an object tree} */
  public static ObjectNode json(String json) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  // ---- views ---------------------------------------------------------------------------------------------

  public static ModelConfig modelConfig() {
    return new ModelConfig("openai", "openai-responses", "gpt-5.1");
  }

  /** A {@code SessionConfig} document: a model and a context policy. */
  public static ObjectNode sessionConfig() {
    return json("{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai-responses\",\"model\":\"gpt-5.1\"},"
        + "\"generation\":{\"maxOutputTokens\":4096,\"reasoningEffort\":\"medium\"}}");
  }

  public static TokenEstimateView tokenEstimate() {
    return new TokenEstimateView(12, TokenEstimateQualityView.ESTIMATED);
  }

  public static ContextEntryView userMessage() {
    return new ContextEntryView(
        "ent_0001",
        new ContextEntryKindView.Message(ContextMessageRoleView.USER),
        BLOB_REF,
        "run." + RUN_ID + ".input.0",
        "Summarise the failing test.",
        "Summarise the failing test.",
        "text/plain",
        null,
        null,
        tokenEstimate(),
        json("{\"type\":\"runInput\",\"runId\":\"" + RUN_ID + "\",\"inputIndex\":0}"),
        null);
  }

  public static ContextEntryView assistantMessage() {
    return new ContextEntryView("ent_0004", new ContextEntryKindView.Message(ContextMessageRoleView.ASSISTANT),
        BLOB_REF, null, "The assertion compares ids in the wrong order.", "The assertion compares ids…", null,
        "msg_68a1", "message", new TokenEstimateView(9, TokenEstimateQualityView.PROVIDER_COUNTED),
        json("{\"type\":\"assistantOutput\",\"runId\":\"" + RUN_ID + "\",\"turnId\":\"" + TURN_ID + "\"}"), null);
  }

  public static ContextEntryView toolCall() {
    return new ContextEntryView("ent_0002", new ContextEntryKindView.ToolCall("call_1", "read_file"), BLOB_REF,
        null, "{\"path\":\"src/test/FooTest.java\"}", null, null, "fc_1", "function_call", null,
        json("{\"type\":\"assistantOutput\",\"runId\":\"" + RUN_ID + "\",\"turnId\":\"" + TURN_ID + "\"}"),
        json("{\"summary\":{\"group\":\"explore\",\"verb\":\"Read\",\"target\":\"src/test/FooTest.java\"},"
            + "\"toolName\":\"read_file\",\"status\":\"succeeded\",\"arguments\":\"{}\",\"isError\":false}"));
  }

  public static ContextEntryView toolResult() {
    return new ContextEntryView("ent_0003", new ContextEntryKindView.ToolResult("call_1", false), BLOB_REF, null,
        "class FooTest {}", null, null, null, null, null,
        json("{\"type\":\"tool\",\"runId\":\"" + RUN_ID + "\",\"turnId\":\"" + TURN_ID + "\",\"batchId\":\"tb_1\"}"),
        null);
  }

  /** One entry of every {@link ContextEntryKindView} variant, with only the required members. */
  public static List<ContextEntryView> entryOfEveryKind() {
    List<ContextEntryKindView> kinds = List.of(
        new ContextEntryKindView.Message(ContextMessageRoleView.USER),
        new ContextEntryKindView.Instructions(),
        new ContextEntryKindView.VfsCatalog(),
        new ContextEntryKindView.SkillCatalog(),
        new ContextEntryKindView.SkillActivation("builtin", "pdf"),
        new ContextEntryKindView.ToolCall("call_2", "shell"),
        new ContextEntryKindView.ToolResult("call_2", true),
        new ContextEntryKindView.ReasoningState(),
        new ContextEntryKindView.ProviderOpaque());
    return kinds.stream().map(k -> ContextEntryView.of("ent_k" + k.getClass().getSimpleName(), k, BLOB_REF)).toList();
  }

  public static ContextView context() {
    return new ContextView(7, List.of(userMessage(), toolCall(), toolResult(), assistantMessage()));
  }

  public static ObjectNode toolBatch() {
    return json("{\"id\":\"tb_1\",\"turnId\":\"" + TURN_ID + "\",\"status\":\"succeeded\",\"calls\":[{"
        + "\"callId\":\"call_1\",\"toolName\":\"read_file\",\"argumentsRef\":\"" + BLOB_REF + "\","
        + "\"status\":\"succeeded\",\"arguments\":\"{}\",\"output\":\"class FooTest {}\",\"isError\":false,"
        + "\"effects\":[{\"kind\":\"vfs.read\",\"data\":{\"path\":\"src/test/FooTest.java\"}}]}]}");
  }

  public static RunView run() {
    return new RunView(RUN_ID, RunStatus.COMPLETED,
        RunStartSource.input(InputItem.text("Summarise the failing test.")),
        List.of(userMessage(), toolCall(), toolResult(), assistantMessage()), List.of(toolBatch()));
  }

  public static RunView queuedRun() {
    return new RunView("run_01JD5QB000", RunStatus.QUEUED, RunStartSource.context("notes.todo"), null, null);
  }

  public static ActiveToolsView activeTools() {
    return new ActiveToolsView(3, List.of(
        new ToolView("read_file", json("{\"type\":\"function\",\"inputSchemaRef\":\"" + BLOB_REF + "\",\"strict\":true}"),
            ToolParallelismView.PARALLEL_SAFE),
        new ToolView("shell", json("{\"type\":\"function\",\"inputSchemaRef\":\"" + BLOB_REF + "\"}"),
            ToolParallelismView.EXCLUSIVE)));
  }

  public static SessionView session() {
    return new SessionView(SESSION_ID, "Fix flaky test", SessionStatus.ACTIVE, false, 2, sessionConfig(),
        CREATED_AT_MS, CREATED_AT_MS + 42_000, context(), activeTools(), List.of(run(), queuedRun()), "env_local",
        null);
  }

  public static SessionView minimalSession() {
    return new SessionView(SESSION_ID, null, SessionStatus.NOT_LOADED, false, 0, null, CREATED_AT_MS, CREATED_AT_MS,
        new ContextView(0, null), null, null, null, null);
  }

  public static SessionSummaryView summary() {
    return new SessionSummaryView(SESSION_ID, "Fix flaky test", SessionLifecycleStatus.OPEN, false, CREATED_AT_MS,
        CREATED_AT_MS + 42_000);
  }

  public static SessionEventView event() {
    return new SessionEventView(new EventCursor(41), SESSION_ID, CREATED_AT_MS + 41_000,
        new EventJoinsView(RUN_ID, null, null, null, "sub_7", null),
        json("{\"type\":\"runCompleted\",\"runId\":\"" + RUN_ID + "\",\"outputRef\":\"" + BLOB_REF + "\"}"));
  }

  public static SessionEventView contextEvent() {
    ObjectNode kind = json("{\"type\":\"contextEntriesApplied\",\"baseRevision\":6,\"revision\":7}");
    kind.set("entries", ApiJson.toTree(List.of(assistantMessage())));
    return new SessionEventView(new EventCursor(42), SESSION_ID, CREATED_AT_MS + 41_500,
        new EventJoinsView(RUN_ID, TURN_ID, null, null, null, null), kind);
  }

  public static ContextEntryInputView entryInput() {
    return new ContextEntryInputView(new ContextEntryKindView.Message(ContextMessageRoleView.USER), BLOB_REF,
        "Project notes", "text/markdown", null, null, tokenEstimate());
  }

  public static InputAdmissionFailureView admissionFailure() {
    return new InputAdmissionFailureView(InputAdmissionFailureKind.BLOB_MISSING, "blob " + BLOB_REF + " is not stored");
  }

  public static ModelView model() {
    return new ModelView("openai", "openai-responses", "gpt-5.1", "GPT-5.1",
        new ModelCapabilitiesView(400_000L, 128_000L, true, List.of("low", "medium", "high")), ModelSource.PROVIDER,
        CREATED_AT_MS, 1_762_000_000_000L);
  }

  public static ModelProviderDiscoveryView provider() {
    return new ModelProviderDiscoveryView("openai", List.of("openai-responses", "openai-chat-completions"),
        ModelProviderCredentialStatus.CONFIGURED, ModelProviderCredentialSource.DEPLOYMENT, CREATED_AT_MS, null);
  }

  public static ModelProviderDiscoveryView failedProvider() {
    return new ModelProviderDiscoveryView("anthropic", List.of("anthropic-messages"),
        ModelProviderCredentialStatus.MISSING, ModelProviderCredentialSource.NONE, null, "no ANTHROPIC_API_KEY");
  }

  /** Every input item variant, fullest first. */
  public static List<InputItem> inputItems() {
    return List.of(
        InputItem.text("Summarise the failing test."),
        new InputItem.TextRef(BLOB_REF),
        new InputItem.Media(BLOB_REF, "image/png", MediaKind.IMAGE, "screenshot.png"),
        new InputItem.Media(BLOB_REF, "application/pdf", MediaKind.DOCUMENT, null));
  }

  static SkillActivationView activation() {
    return new SkillActivationView("vfs", "pdf", BLOB_REF, "pdf", "Read and fill PDF forms.", "PDF forms", SkillActivationScope.SESSION,
        new SkillActivationSource.DirectContext(BLOB_REF));
  }

  static SkillActivationView readActivation() {
    return new SkillActivationView("vfs", "xlsx", BLOB_REF, null, null, null, SkillActivationScope.RUN,
        new SkillActivationSource.ToolResult("call_1"));
  }

  // ---- per method ----------------------------------------------------------------------------------------

  /** One served method's sample values. */
  public record MethodSample(String method, Object params, Object minimalParams, Object result) {
    @Override
    public String toString() {
      return method;
    }
  }

  /** {@return a sample for each of {@link Methods#ALL}, in that order} */
  public static List<MethodSample> methods() {
    Map<String, MethodSample> byMethod = Map.ofEntries(
        sample(Methods.INITIALIZE,
            new InitializeParams(new ClientInfo("lightspeed-cli", "0.1.0"), new ClientCapabilities(false)),
            new InitializeParams(null, null),
            new InitializeResponse(Protocol.VERSION, new ServerInfo("lightspeed", "0.1.0-SNAPSHOT"),
                new ServerCapabilities(false, true, true, true))),
        sample(Methods.SESSION_START,
            new SessionStartParams(SESSION_ID, "Fix flaky test", sessionConfig(), new ProfileSource.Named("coder")),
            SessionStartParams.empty(),
            new SessionStartResponse(minimalSession())),
        sample(Methods.SESSION_READ, new SessionReadParams(SESSION_ID), new SessionReadParams(SESSION_ID),
            new SessionReadResponse(session())),
        sample(Methods.SESSION_LIST, new SessionListParams("c2Vz", 20L), new SessionListParams(null, null),
            new SessionListResponse(List.of(summary()), "c2VzXzAy")),
        sample(Methods.SESSION_CONFIG_PUT, new SessionConfigPutParams(SESSION_ID, sessionConfig(), 1L),
            new SessionConfigPutParams(SESSION_ID, json("{}"), null), new SessionConfigPutResponse(session())),
        sample(Methods.SESSION_RENAME, new SessionRenameParams(SESSION_ID, "Flaky test"),
            new SessionRenameParams(SESSION_ID, null), new SessionRenameResponse(summary())),
        sample(Methods.SESSION_CLOSE, new SessionCloseParams(SESSION_ID, true), new SessionCloseParams(SESSION_ID, false),
            new SessionCloseResponse(minimalSession())),
        sample(Methods.SESSION_DELETE, new SessionDeleteParams(SESSION_ID), new SessionDeleteParams(SESSION_ID),
            new SessionDeleteResponse(new SessionSummaryView(SESSION_ID, null, SessionLifecycleStatus.CLOSED, false,
                CREATED_AT_MS, CREATED_AT_MS + 90_000))),
        sample(Methods.EVENTS_READ, new SessionEventsReadParams(SESSION_ID, new EventCursor(40), 100L, 25_000L),
            new SessionEventsReadParams(SESSION_ID, null, null, null),
            new SessionEventsReadResponse(List.of(event(), contextEvent()), new EventCursor(42), new EventCursor(42),
                true, new EventLogGap(new EventCursor(3), new EventCursor(40), new EventCursor(41)))),
        sample(Methods.CONTEXT_APPEND,
            new ContextAppendParams(SESSION_ID, List.of(
                new ContextAppendEntry("notes.todo", InputItem.text("Check the CI log")),
                new ContextAppendEntry("notes.screenshot", inputItems().get(2)))),
            new ContextAppendParams(SESSION_ID, List.of()),
            new ContextAppendResponse(8, List.of(
                new ContextAppendResult("notes.todo", ContextAppendStatus.APPLIED, entryInput(), null, null, null),
                new ContextAppendResult("notes.screenshot", ContextAppendStatus.FAILED, null, admissionFailure(),
                    null, null),
                new ContextAppendResult("skills.pdf", ContextAppendStatus.UNCHANGED, null, null, "Use pdftotext.",
                    false)))),
        sample(Methods.CONTEXT_REMOVE, new ContextRemoveParams(SESSION_ID, List.of("notes.todo", "notes.gone")),
            new ContextRemoveParams(SESSION_ID, List.of()),
            new ContextRemoveResponse(9, List.of(
                new ContextRemoveResult("notes.todo", ContextRemoveStatus.REMOVED, null),
                new ContextRemoveResult("notes.gone", ContextRemoveStatus.ABSENT, null)))),
        sample(Methods.CONTEXT_COMPACT, new ContextCompactParams(SESSION_ID), new ContextCompactParams(SESSION_ID),
            new ContextCompactResponse(session())),
        sample(Methods.RUN_START,
            new RunStartParams(SESSION_ID, new RunStartSource.Input(inputItems()),
                new RunStartConfig(modelConfig(), json("{\"maxOutputTokens\":2048,\"toolChoice\":{\"type\":\"auto\"}}"),
                    new RunLimitsConfig(8L, 32L)),
                "sub_7", new RunTerminalNotificationInput("tok_1")),
            RunStartParams.of(SESSION_ID, RunStartSource.context("notes.todo")),
            new RunStartResponse(queuedRun())),
        sample(Methods.RUN_CANCEL, new RunCancelParams(SESSION_ID, RUN_ID), new RunCancelParams(SESSION_ID, RUN_ID),
            new RunCancelResponse(new RunView(RUN_ID, RunStatus.CANCELLING,
                RunStartSource.input(InputItem.text("go")), null, null))),
        sample(Methods.RUN_STEER,
            new RunSteerParams(SESSION_ID, RUN_ID, List.of(InputItem.text("Also check the CI log."))),
            new RunSteerParams(SESSION_ID, RUN_ID, List.of()),
            new RunSteerResponse("steer_1", new RunView(RUN_ID, RunStatus.RUNNING,
                RunStartSource.input(InputItem.text("go")), null, null))),
        sample(Methods.SKILLS_LIST, new SkillListParams(SESSION_ID), new SkillListParams(SESSION_ID),
            new SkillListResponse(BLOB_REF, List.of(new SkillListItem("pdf", "pdf", "Read and fill PDF forms.", "PDF forms", true, true),
                new SkillListItem("xlsx", "xlsx", "Edit spreadsheets.", null, true, false)))),
        sample(Methods.SKILLS_ACTIVE, new SkillActiveParams(SESSION_ID), new SkillActiveParams(SESSION_ID),
            new SkillActiveResponse(List.of(activation(), readActivation()), BLOB_REF)),
        sample(Methods.SKILLS_ACTIVATE, new SkillActivateParams(SESSION_ID, "pdf", SkillActivationScope.SESSION),
            new SkillActivateParams(SESSION_ID, "pdf", null), new SkillActivateResponse(activation(), List.of(activation()))),
        sample(Methods.SKILLS_DEACTIVATE, new SkillDeactivateParams(SESSION_ID, "pdf"), new SkillDeactivateParams(SESSION_ID, "pdf"),
            new SkillDeactivateResponse("pdf", List.of())),
        sample(Methods.PROFILES_APPLY,
            new ProfileApplyParams(SESSION_ID, new ProfileSource.Inline(inlineProfile()), 2L, 1L),
            ProfileApplyParams.of(SESSION_ID, new ProfileSource.Named("coder")),
            new ProfileApplyResponse(session(), new ProfileApplySummary(true, true, false, false))),
        sample(Methods.MODELS_LIST, new ModelListParams(true), new ModelListParams(null),
            new ModelListResponse(List.of(model()), List.of(provider(), failedProvider()))),
        sample(Methods.PROFILES_CREATE, new ProfileCreateParams(profileInput()), new ProfileCreateParams(AgentProfileInput.of("coder")),
            new ProfileCreateResponse(profile())),
        sample(Methods.PROFILES_READ, new ProfileReadParams("coder"), new ProfileReadParams("coder"), new ProfileReadResponse(profile())),
        sample(Methods.PROFILES_LIST, new ProfileListParams(), new ProfileListParams(),
            new ProfileListResponse(List.of(new AgentProfileSummary("coder", "Coder", "Writes code", 2, CREATED_AT_MS + 5_000),
                new AgentProfileSummary("plain", null, null, 1, CREATED_AT_MS)))),
        sample(Methods.PROFILES_PUT, new ProfilePutParams(profileInput(), 1L), new ProfilePutParams(AgentProfileInput.of("coder"), null),
            new ProfilePutResponse(profile())),
        sample(Methods.PROFILES_DELETE, new ProfileDeleteParams("coder"), new ProfileDeleteParams("coder"),
            new ProfileDeleteResponse(minimalProfile())),
        sample(Methods.BLOBS_PUT, new BlobPutParams(List.of(new BlobPutItem("aGVsbG8="))), new BlobPutParams(null),
            new BlobPutResponse(List.of(new BlobPutResult(BLOB_REF, 5)))),
        sample(Methods.BLOBS_READ, new BlobReadParams(BLOB_REF), new BlobReadParams(BLOB_REF),
            new BlobReadResponse(BLOB_REF, "aGVsbG8=", 5)),
        sample(Methods.BLOBS_HAS, new BlobHasParams(List.of(BLOB_REF, "blob:sha256:00")), new BlobHasParams(null),
            new BlobHasResponse(List.of(new BlobHasItem(BLOB_REF, true), new BlobHasItem("blob:sha256:00", false)))),
        sample(Methods.VFS_SNAPSHOTS_COMMIT, new VfsSnapshotCommitParams(json(MANIFEST)), new VfsSnapshotCommitParams(json(MANIFEST)),
            new VfsSnapshotCommitResponse(SNAPSHOT_REF, 1, 5)),
        sample(Methods.VFS_SNAPSHOTS_READ, new VfsSnapshotReadParams(SNAPSHOT_REF), new VfsSnapshotReadParams(SNAPSHOT_REF),
            new VfsSnapshotReadResponse(SNAPSHOT_REF, json(MANIFEST), 1, 5)),
        sample(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws_1", "Project", SNAPSHOT_REF),
            new VfsWorkspaceCreateParams(null, null, null), new VfsWorkspaceCreateResponse(workspace())),
        sample(Methods.VFS_WORKSPACES_READ, new VfsWorkspaceReadParams("ws_1"), new VfsWorkspaceReadParams("ws_1"),
            new VfsWorkspaceReadResponse(workspace())),
        sample(Methods.VFS_WORKSPACES_LIST, new VfsWorkspaceListParams(), new VfsWorkspaceListParams(),
            new VfsWorkspaceListResponse(List.of(workspace(), minimalWorkspace()))),
        sample(Methods.VFS_WORKSPACES_UPDATE, new VfsWorkspaceUpdateParams("ws_1", SNAPSHOT_REF, 3L, "Renamed"),
            new VfsWorkspaceUpdateParams("ws_1", SNAPSHOT_REF, null, null), new VfsWorkspaceUpdateResponse(workspace())),
        sample(Methods.VFS_WORKSPACES_DELETE, new VfsWorkspaceDeleteParams("ws_1"), new VfsWorkspaceDeleteParams("ws_1"),
            new VfsWorkspaceDeleteResponse(minimalWorkspace())),
        sample(Methods.MCP_SERVERS_PUT, new McpServerPutParams(mcpServerInput(), 2L),
            new McpServerPutParams(new McpServerInput("docs", "https://mcp.example.com/mcp", "docs", null, null, null, null, null, null,
                null, null, null, null, null, null), null),
            new McpServerPutResponse(mcpServer())),
        sample(Methods.MCP_SERVERS_READ, new McpServerReadParams("docs"), new McpServerReadParams("docs"),
            new McpServerReadResponse(mcpServer())),
        sample(Methods.MCP_SERVERS_LIST, new McpServerListParams(McpServerStatus.ACTIVE), new McpServerListParams(null),
            new McpServerListResponse(List.of(mcpServer(), stdioMcpServer()))),
        sample(Methods.MCP_SERVERS_DELETE, new McpServerDeleteParams("docs"), new McpServerDeleteParams("docs"),
            new McpServerDeleteResponse(stdioMcpServer())));
    return Methods.ALL.stream().map(byMethod::get).toList();
  }

  static final String SNAPSHOT_REF = "sha256:" + "ab".repeat(32);
  static final String MANIFEST =
      "{\"schemaVersion\":1,\"root\":{\"entries\":{\"a.txt\":{\"type\":\"file\",\"blob\":\"sha256:" + "cd".repeat(32) + "\",\"size\":5}}}}";

  static InlineAgentProfile inlineProfile() {
    return new InlineAgentProfile("Reviewer", "Reviews diffs", json("{\"limits\":{\"maxTurns\":8}}"),
        new ProfileInstructions.Text("Review carefully."), null);
  }

  static AgentProfileInput profileInput() {
    return new AgentProfileInput("coder", "Coder", "Writes code", sessionConfig(), new ProfileInstructions.TextRef(BLOB_REF), null);
  }

  static AgentProfile profile() {
    return new AgentProfile("coder", "Coder", "Writes code", sessionConfig(), new ProfileInstructions.TextRef(BLOB_REF), null, 2,
        CREATED_AT_MS, CREATED_AT_MS + 5_000);
  }

  static AgentProfile minimalProfile() {
    return new AgentProfile("coder", null, null, null, null, null, 1, CREATED_AT_MS, CREATED_AT_MS);
  }

  static VfsWorkspaceView workspace() {
    return new VfsWorkspaceView("ws_1", "Project", SNAPSHOT_REF, SNAPSHOT_REF, 1, 5, 3, 1_000, 2_000);
  }

  static VfsWorkspaceView minimalWorkspace() {
    return new VfsWorkspaceView("ws_2", null, SNAPSHOT_REF, null, 0, 0, 1, 1_000, 1_000);
  }

  static McpServerInput mcpServerInput() {
    return new McpServerInput("docs", "https://mcp.example.com/mcp", "docs", "Docs", "Searches the manuals.",
        RemoteMcpTransport.STREAMABLE_HTTP, List.of("search"), RemoteMcpApprovalPolicy.NEVER, json("{\"type\":\"requiredBearer\"}"),
        null, false, McpServerStatus.ACTIVE, "harness", Map.of("Authorization", "Bearer secret"), null);
  }

  static McpServerView mcpServer() {
    return new McpServerView("docs", "https://mcp.example.com/mcp", RemoteMcpTransport.STREAMABLE_HTTP, "docs", "Docs",
        "Searches the manuals.", List.of("search"), RemoteMcpApprovalPolicy.NEVER, json("{\"type\":\"requiredBearer\"}"), null, false,
        McpServerStatus.ACTIVE, 3, 1_000, 2_000, "harness", List.of("Authorization"), null, null);
  }

  static McpServerView oauthMcpServer() {
    return new McpServerView("linear", "https://mcp.example.com/mcp", RemoteMcpTransport.AUTO, "linear", null, null, null,
        RemoteMcpApprovalPolicy.NEVER, json("{\"type\":\"requiredOAuth\",\"resource\":\"https://mcp.example.com/mcp\"}"), null, null,
        McpServerStatus.ACTIVE, 2, 1_000, 2_000, "harness", List.of(), null,
        new McpServerLoginView("loggedIn", "https://auth.example.com", List.of("mcp:tools"), 5_000L, true, null));
  }

  static McpServerView stdioMcpServer() {
    return new McpServerView("everything", "stdio:everything", RemoteMcpTransport.AUTO, "everything", null, null, null,
        RemoteMcpApprovalPolicy.NEVER, json("{\"type\":\"none\"}"), null, null, McpServerStatus.ACTIVE, 1, 1_000, 1_000, "harness",
        List.of(), List.of("npx", "-y", "@modelcontextprotocol/server-everything"), null);
  }

  private static Map.Entry<String, MethodSample> sample(String method, Object params, Object minimal, Object result) {
    return Map.entry(method, new MethodSample(method, params, minimal, result));
  }

  /** {@return every view sample, keyed by the contract definition it must satisfy} */
  public static List<Map.Entry<String, Object>> views() {
    List<Map.Entry<String, Object>> views = new ArrayList<>(List.of(
        Map.entry("SessionView", session()),
        Map.entry("SessionView", minimalSession()),
        Map.entry("SessionSummaryView", summary()),
        Map.entry("ActiveToolsView", activeTools()),
        Map.entry("RunView", run()),
        Map.entry("RunView", queuedRun()),
        Map.entry("ContextView", context()),
        Map.entry("ContextEntryInputView", entryInput()),
        Map.entry("TokenEstimateView", tokenEstimate()),
        Map.entry("InputAdmissionFailureView", admissionFailure()),
        Map.entry("SessionEventView", event()),
        Map.entry("SessionEventView", contextEvent()),
        Map.entry("EventCursor", new EventCursor(0)),
        Map.entry("EventJoinsView", EventJoinsView.NONE),
        Map.entry("EventLogGap", new EventLogGap(null, new EventCursor(10), null)),
        Map.entry("ModelView", model()),
        Map.entry("ModelCapabilitiesView", ModelCapabilitiesView.UNKNOWN),
        Map.entry("ModelProviderDiscoveryView", provider()),
        Map.entry("ModelProviderDiscoveryView", failedProvider()),
        Map.entry("ModelConfig", modelConfig()),
        Map.entry("RunStartSource", RunStartSource.context("a", "b")),
        Map.entry("RunViewSource", RunStartSource.input(InputItem.text("hi"))),
        Map.entry("ProfileSource", new ProfileSource.Named("coder")),
        Map.entry("ProfileSource", new ProfileSource.Inline(inlineProfile())),
        Map.entry("ProfileSource", new ProfileSource.Inline(new InlineAgentProfile(null, null, null, null, null))),
        Map.entry("InlineAgentProfile", inlineProfile()),
        Map.entry("AgentProfile", profile()),
        Map.entry("AgentProfile", minimalProfile()),
        Map.entry("AgentProfileInput", profileInput()),
        Map.entry("ProfileInstructions", new ProfileInstructions.Text("Be terse.")),
        Map.entry("ProfileInstructions", new ProfileInstructions.TextRef(BLOB_REF)),
        Map.entry("ProfileApplySummary", ProfileApplySummary.NONE),
        Map.entry("ToolBatchView", toolBatch()),
        Map.entry("SessionConfig", sessionConfig()),
        Map.entry("VfsWorkspaceView", workspace()),
        Map.entry("VfsWorkspaceView", minimalWorkspace()),
        Map.entry("McpServerView", mcpServer()),
        Map.entry("McpServerView", stdioMcpServer()),
        Map.entry("McpServerView", oauthMcpServer()),
        Map.entry("McpServerLoginStartParams", new McpServerLoginStartParams("linear", "http://127.0.0.1:53682/callback", null)),
        Map.entry("McpServerLoginStartResponse", new McpServerLoginStartResponse("https://auth.example.com/authorize?client_id=c", "st", 9_000)),
        Map.entry("McpServerLoginCompleteParams", new McpServerLoginCompleteParams("linear", "st", "code-1")),
        Map.entry("McpServerLoginCompleteResponse", new McpServerLoginCompleteResponse(oauthMcpServer())),
        Map.entry("RunApproveParams", new RunApproveParams(SESSION_ID, RUN_ID, "call_7_1", "deny", "not on a Friday")),
        Map.entry("RunApproveParams", new RunApproveParams(SESSION_ID, RUN_ID, "call_7_1", "approve", null)),
        Map.entry("RunApproveResponse", new RunApproveResponse(run()))));
    for (ContextEntryView entry : List.of(userMessage(), assistantMessage(), toolCall(), toolResult())) {
      views.add(Map.entry("ContextEntryView", entry));
    }
    for (ContextEntryView entry : entryOfEveryKind()) views.add(Map.entry("ContextEntryView", entry));
    for (InputItem item : inputItems()) views.add(Map.entry("InputItem", item));
    return views;
  }
}
