/** Session-wide state: lifecycle, the config document and its parsed settings, and the root state record. */
package dev.lightspeed.engine.session;
