/**
 * Wire types of the {@code profiles/*} methods and of {@code session/profiles/apply}: reusable agent profiles
 * (model, generation settings, feature grants, instructions) and how a session names or inlines one.
 */
package dev.lightspeed.api.profile;
