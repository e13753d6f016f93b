/** The LLM port of the engine: requests rebuilt from state, and the results hosts report back. */
package dev.lightspeed.engine.llm;
