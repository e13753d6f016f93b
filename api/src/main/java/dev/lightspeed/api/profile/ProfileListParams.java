package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Params of {@code profiles/list} (none). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileListParams() {}
