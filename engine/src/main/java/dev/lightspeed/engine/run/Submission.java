package dev.lightspeed.engine.run;

/**
 * What a submission id was used for: the run it created and the digest of its input, so a retried request
 * is recognised and a reused id with different input is refused.
 */
public record Submission(long run, String inputDigest) {}
