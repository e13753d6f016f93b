package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.run.RunApproveParams;
import dev.lightspeed.api.run.RunApproveResponse;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.gateway.ClientException;
import dev.lightspeed.cli.gateway.GatewayClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tool calls that wait for a person's approval, as {@code session/read} shows them (status {@code requested}
 * with an {@code approval} effect in state {@code awaiting}), and the answers to them. The stream only says a
 * batch was deferred; the session view says which calls wait, so a chat that comes back later finds them too.
 */
public final class Approvals {
  private final GatewayClient gateway;

  /** A call that waits: its run, and how to show it. */
  public record Waiting(String runId, ToolCallView call) {
    public Waiting {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(call, "call");
    }

    /** {@return the line that asks the person} */
    public String question() {
      return "run " + runId + " wants to call " + call.label() + " (" + call.callId() + "): /approve or /deny [reason]";
    }
  }

  public Approvals(GatewayClient gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /** {@return the calls of {@code session} that wait for approval, in call order} */
  public List<Waiting> waiting(SessionView session) {
    List<Waiting> waiting = new ArrayList<>();
    for (RunView run : session.runs()) {
      if (run.toolBatches() == null) continue;
      for (ObjectNode batch : run.toolBatches()) {
        for (JsonNode call : batch.path("calls")) {
          if (!awaiting(call)) continue;
          String key = "";
          try {
            key = KeyArgument.of(gateway.readText(call.path("argumentsRef").asText()));
          } catch (ClientException e) {
            // shown without its argument
          }
          waiting.add(new Waiting(run.id(), new ToolCallView(call.path("callId").asText(), call.path("toolName").asText("tool"), key)));
        }
      }
    }
    return waiting;
  }

  /** Approves ({@code approve}) or denies one waiting call; {@code note} may be null. */
  public void decide(String sessionId, Waiting call, boolean approve, String note) {
    gateway.call(new RunApproveParams(sessionId, call.runId(), call.call().callId(), approve ? "approve" : "deny", note),
        RunApproveResponse.class);
  }

  private static boolean awaiting(JsonNode call) {
    if (!call.path("status").asText().equals("requested")) return false;
    for (JsonNode effect : call.path("effects")) {
      if (effect.path("kind").asText().equals("approval") && effect.path("data").path("state").asText().equals("awaiting")) return true;
    }
    return false;
  }
}
