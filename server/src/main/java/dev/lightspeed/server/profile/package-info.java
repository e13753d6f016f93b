/**
 * Agent profiles in the gateway: {@code profiles/create|read|list|put|delete} over the universe's
 * {@link dev.lightspeed.store.profile.ProfileStore}, and applying a profile to a session
 * ({@code session/profiles/apply}, and {@code session/start} with {@code profile}).
 */
package dev.lightspeed.server.profile;
