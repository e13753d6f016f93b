package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Params of {@code models/list}. {@code selectableOnly} drops model-id families that are clearly not text
 * generation routes (embeddings, moderation, image, speech, realtime).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelListParams(Boolean selectableOnly) {}
