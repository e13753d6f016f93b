/** A scripted model and scripted tools that stand in for providers and real tools in tests and benchmarks. */
package dev.lightspeed.testkit.scripted;
