/** Instruction layers a session's model sees: the built-in default and the files its linked roots hold. */
package dev.lightspeed.server.instructions;
