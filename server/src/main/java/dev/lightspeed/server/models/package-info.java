/** {@code models/list}: the models the configured providers offer, asked of the providers themselves. */
package dev.lightspeed.server.models;
