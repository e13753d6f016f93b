/** Skills: discovery in a session's linked roots, the catalog entry, and activations through the API. */
package dev.lightspeed.server.skills;
