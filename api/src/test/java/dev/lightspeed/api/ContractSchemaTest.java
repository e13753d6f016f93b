package dev.lightspeed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.session.SessionReadParams;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test helper itself: it finds the contract and its failures say what is wrong. */
class ContractSchemaTest {
  @Test
  void findsTheContractBesideTheRepository() {
    assertThat(ContractSchema.directory().resolve(ContractSchema.SCHEMA_FILE)).isRegularFile();
    assertThat(ContractSchema.strict().hasDefinition("SessionView")).isTrue();
  }

  @Test
  void thePropertyOverridesTheSearch(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve(ContractSchema.SCHEMA_FILE), "{}");
    assertThat(ContractSchema.locate(temp.toString(), Path.of("/"))).isEqualTo(temp.toAbsolutePath().normalize());
    assertThatThrownBy(() -> ContractSchema.locate(temp.resolve("missing").toString(), Path.of("")))
        .hasMessageContaining(ContractSchema.DIRECTORY_PROPERTY);
    assertThatThrownBy(() -> ContractSchema.locate(null, temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shared/contract/api.schema.json");
  }

  @Test
  void failuresListTheErrorsAndTheJson() {
    assertThatThrownBy(() -> ContractSchema.strict().assertValid("SessionReadParams", Samples.json("{\"id\":\"s\"}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not a valid SessionReadParams")
        .hasMessageContaining("sessionId")
        .hasMessageContaining("json: {\"id\":\"s\"}");
    assertThatThrownBy(() -> ContractSchema.strict().errors("NoSuchThing", Samples.json("{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void definitionsAreNamedAfterTheRecordOrItsUnion() {
    assertThat(ContractSchema.definitionOf(SessionReadParams.class)).isEqualTo("SessionReadParams");
    assertThat(ContractSchema.definitionOf(InputItem.Media.class)).isEqualTo("InputItem");
    ContractSchema.strict().assertValid(new InputItem.TextRef("blob:1"));
  }
}
