/**
 * Agent profiles: universe-scoped, reusable documents (model, generation settings, feature grants,
 * instructions) a session can be started with or have applied, kept with a revision for compare-and-swap.
 */
package dev.lightspeed.store.profile;
