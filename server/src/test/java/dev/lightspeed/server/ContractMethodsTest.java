package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.ContractSchema;
import dev.lightspeed.server.rpc.ContractMethods;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's copy of the contract's method names matches {@code methods.json}. */
class ContractMethodsTest {
  @Test
  void theMethodListIsTheContracts() throws Exception {
    JsonNode methods = ApiJson.mapper().readTree(Files.readString(ContractSchema.directory().resolve("methods.json"))).get("methods");
    List<String> names = new ArrayList<>();
    for (JsonNode method : methods) names.add(method.get("method").asText());
    assertThat(ContractMethods.all()).containsExactlyElementsOf(names);
  }
}
