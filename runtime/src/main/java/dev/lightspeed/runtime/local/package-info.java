/** The in-process host: drives sessions on this JVM without Temporal, for tests, evals and local use. */
package dev.lightspeed.runtime.local;
