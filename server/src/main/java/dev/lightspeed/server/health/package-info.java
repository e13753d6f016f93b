/** {@code GET /health} (the process answers) and {@code GET /ready} (its store and Temporal answer too). */
package dev.lightspeed.server.health;
