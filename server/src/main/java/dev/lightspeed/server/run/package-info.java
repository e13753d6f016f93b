/** Run methods ({@code session/runs/start|cancel|steer}) and the wire view of a run. */
package dev.lightspeed.server.run;
