package dev.lightspeed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.lightspeed.api.context.ContextAppendParams;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunSteerParams;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import org.junit.jupiter.api.Test;

/** {@link ApiJson#readParams} refuses params that do not fit with a message a caller can act on. */
class InvalidParamsTest {
  private static String problem(String params, Class<?> type) {
    try {
      ApiJson.readParams(Samples.json(params), type);
    } catch (InvalidParamsException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted " + params + " as " + type.getSimpleName());
  }

  @Test
  void unknownMembersOfClosedTypesAreRefused() {
    assertThat(problem("{\"foo\":1}", SessionStartParams.class)).isEqualTo("session/start: unknown field \"foo\"");
    assertThat(problem("{\"sessionId\":\"s\",\"source\":{\"type\":\"context\",\"keys\":[]},"
        + "\"notifyOnTerminal\":{\"token\":\"t\",\"extra\":true}}", RunStartParams.class))
        .isEqualTo("session/runs/start: unknown field \"notifyOnTerminal.extra\"");
  }

  @Test
  void unknownMembersOfOpenTypesAreIgnoredAsTheSchemaAllows() {
    assertThat(ApiJson.readParams(Samples.json("{\"sessionId\":\"s\",\"trace\":\"x\"}"), SessionReadParams.class))
        .isEqualTo(new SessionReadParams("s"));
  }

  @Test
  void missingRequiredMembersAreNamedWithTheirPath() {
    assertThat(problem("{\"source\":{\"type\":\"context\",\"keys\":[]}}", RunStartParams.class))
        .isEqualTo("session/runs/start: missing required field \"sessionId\"");
    assertThat(problem("{\"sessionId\":\"s\"}", RunStartParams.class))
        .isEqualTo("session/runs/start: missing required field \"source\"");
    assertThat(problem("{\"sessionId\":null,\"source\":{\"type\":\"context\",\"keys\":[]}}", RunStartParams.class))
        .isEqualTo("session/runs/start: missing required field \"sessionId\"");
    assertThat(problem("{\"sessionId\":\"s\",\"entries\":[{\"key\":\"a\",\"item\":{\"type\":\"text\",\"text\":\"x\"}},"
        + "{\"item\":{\"type\":\"text\",\"text\":\"y\"}}]}", ContextAppendParams.class))
        .isEqualTo("session/context/append: missing required field \"entries[1].key\"");
    assertThat(problem("{\"sessionId\":\"s\",\"source\":{\"type\":\"input\",\"items\":[{\"type\":\"text\"}]}}",
        RunStartParams.class))
        .isEqualTo("session/runs/start: missing required field \"source.items[0].text\"");
    assertThat(problem("{\"sessionId\":\"s\",\"after\":{}}", SessionEventsReadParams.class))
        .isEqualTo("session/events/read: missing required field \"after.seq\"");
    assertThat(problem("{\"sessionId\":\"s\",\"runId\":\"r\",\"items\":[null]}", RunSteerParams.class))
        .isEqualTo("session/runs/steer: field \"items[0]\" must not be null");
  }

  @Test
  void unionTagsAreChecked() {
    assertThat(problem("{\"sessionId\":\"s\",\"source\":{\"keys\":[]}}", RunStartParams.class))
        .isEqualTo("session/runs/start: missing required field \"source.type\"");
    assertThat(problem("{\"sessionId\":\"s\",\"source\":{\"type\":\"prompt\"}}", RunStartParams.class))
        .isEqualTo("session/runs/start: field \"source.type\" has unknown value \"prompt\"; expected one of input, context");
    assertThat(problem("{\"sessionId\":\"s\",\"source\":{\"type\":\"input\",\"items\":[{\"type\":\"text\",\"text\":\"a\"},"
        + "{\"type\":\"image\"}]}}", RunStartParams.class))
        .isEqualTo("session/runs/start: field \"source.items[1].type\" has unknown value \"image\"; "
            + "expected one of text, textRef, media");
    assertThat(problem("{\"sessionId\":\"s\",\"source\":\"input\"}", RunStartParams.class))
        .isEqualTo("session/runs/start: field \"source\" must be an object, not a string");
    assertThat(problem("{\"profile\":{\"kind\":\"stored\"}}", SessionStartParams.class))
        .isEqualTo("session/start: field \"profile.kind\" has unknown value \"stored\"; expected one of named, inline");
  }

  @Test
  void wrongTypesAndValuesAreNamed() {
    assertThat(problem("{\"limit\":\"10\"}", SessionListParams.class))
        .isEqualTo("session/list: field \"limit\" must be an integer, not a string");
    assertThat(problem("{\"limit\":1.5}", SessionListParams.class))
        .isEqualTo("session/list: field \"limit\" must be an integer, not a number");
    assertThat(problem("{\"limit\":-1}", SessionListParams.class))
        .isEqualTo("session/list: field \"limit\" must not be negative");
    assertThat(problem("{\"sessionId\":7}", SessionReadParams.class))
        .isEqualTo("session/read: field \"sessionId\" must be a string, not a number");
    assertThat(problem("{\"sessionId\":\"s\",\"force\":null}", SessionCloseParams.class))
        .isEqualTo("session/close: field \"force\" must not be null");
    assertThat(problem("{\"sessionId\":\"s\",\"force\":\"yes\"}", SessionCloseParams.class))
        .isEqualTo("session/close: field \"force\" must be a boolean, not a string");
    assertThat(problem("{\"config\":[]}", SessionStartParams.class))
        .isEqualTo("session/start: field \"config\" must be an object, not an array");
    assertThat(problem("{\"sessionId\":\"s\",\"source\":{\"type\":\"input\",\"items\":[{\"type\":\"media\","
        + "\"blobRef\":\"b\",\"mime\":\"video/mp4\",\"kind\":\"video\"}]}}", RunStartParams.class))
        .isEqualTo("session/runs/start: field \"source.items[0].kind\" has invalid value \"video\"; "
            + "expected one of image, audio, document");
  }

  @Test
  void paramsMustBeAnObjectButMayBeAbsent() {
    assertThatThrownBy(() -> ApiJson.readParams(JsonNodeFactory.instance.arrayNode().add("s"), SessionReadParams.class))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("session/read: params must be an object of named members, not an array");
    assertThat(ApiJson.readParams(null, SessionListParams.class)).isEqualTo(new SessionListParams(null, null));
    assertThat(ApiJson.readParams(NullNode.getInstance(), SessionListParams.class))
        .isEqualTo(new SessionListParams(null, null));
    assertThatThrownBy(() -> ApiJson.readParams(null, SessionReadParams.class))
        .hasMessage("session/read: missing required field \"sessionId\"");
  }

  @Test
  void theExceptionNamesTheFieldAndBecomesAnInvalidParamsError() {
    InvalidParamsException e = null;
    try {
      ApiJson.readParams(Samples.json("{\"sessionId\":\"s\",\"entries\":[{\"key\":\"k\"}]}"), ContextAppendParams.class);
    } catch (InvalidParamsException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();
    assertThat(e.method()).isEqualTo("session/context/append");
    assertThat(e.field()).isEqualTo("entries[0].item");
    RpcError error = e.toRpcError();
    assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(error.message()).isEqualTo("session/context/append: missing required field \"entries[0].item\"");
    assertThat(error.data().kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(error.data().message()).isEqualTo(error.message());
  }

  @Test
  void aTypeThatIsNoMethodsParamsIsAProgrammingError() {
    assertThatThrownBy(() -> ApiJson.readParams(Samples.json("{}"), String.class))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
