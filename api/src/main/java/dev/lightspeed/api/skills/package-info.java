/** Wire types of {@code session/skills/*}: a session's skill catalog and the skills active in its context. */
package dev.lightspeed.api.skills;
