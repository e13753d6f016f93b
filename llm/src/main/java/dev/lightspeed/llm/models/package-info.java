/** Which models each configured provider offers, listed from the provider's models endpoint and cached. */
package dev.lightspeed.llm.models;
