/** The tools this server offers sessions: the built-in file and web tools, chosen per session from its config. */
package dev.lightspeed.server.tools;
