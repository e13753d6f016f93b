package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contract's {@code InlineAgentProfile}: a profile given in a request rather than stored. Every member is
 * optional; {@code config} is a {@code SessionConfig} document and {@code environment} a
 * {@code ProfileEnvironment}, both left as trees for the server to check.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlineAgentProfile(
    String displayName, String description, ObjectNode config, ProfileInstructions instructions, ObjectNode environment) {}
