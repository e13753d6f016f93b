package dev.lightspeed.llm;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a provider call failed, classified so callers never match on strings. A {@link Transient} error may
 * succeed when retried (the provider may or may not have started work: a timed-out request can still have
 * been processed and billed); a {@link Terminal} one will fail the same way again.
 */
public sealed interface ProviderError {
  /** The provider id the call went to, e.g. {@code openai}. */
  String provider();

  /** HTTP status, or 0 when no response arrived. */
  int status();

  /** The provider's request id ({@code x-request-id} / {@code request-id}), or empty. */
  String requestId();

  /** A message a user can act on. */
  String message();

  /** Retry later: rate limits, overload, server errors, timeouts, broken connections and streams. */
  record Transient(String provider, Kind kind, int status, String requestId, String message, Optional<Duration> retryAfter) implements ProviderError {
    public Transient {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** What went wrong, transiently. */
    public enum Kind { RATE_LIMITED, OVERLOADED, SERVER_ERROR, TIMEOUT, NETWORK, STREAM_INTERRUPTED }
  }

  /** Do not retry: bad credentials, invalid requests, context too long, quota exhausted, content policy. */
  record Terminal(String provider, Kind kind, int status, String requestId, String message) implements ProviderError {
    public Terminal {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(message, "message");
    }

    /** What went wrong, for good. */
    public enum Kind { AUTHENTICATION, INVALID_REQUEST, CONTEXT_LENGTH_EXCEEDED, QUOTA_EXHAUSTED, CONTENT_POLICY, NOT_FOUND, UNSUPPORTED }
  }

  /** {@return one line naming the provider, status, request id and message, as the run's failure reason} */
  default String describe() {
    StringBuilder b = new StringBuilder(provider());
    if (status() > 0) b.append(" returned HTTP ").append(status());
    else b.append(" call failed");
    if (!requestId().isEmpty()) b.append(" (request ").append(requestId()).append(')');
    return b.append(": ").append(message()).toString();
  }

  /**
   * {@return this error with each of {@code secrets} replaced by {@code [redacted]} in its message and request
   * id: some servers echo a rejected key or a request's token back, and the message goes to the log, the run's
   * failure reason and the reason blob}
   */
  default ProviderError redacted(Collection<String> secrets) {
    return switch (this) {
      case Transient t -> new Transient(t.provider(), t.kind(), t.status(), redact(t.requestId(), secrets), redact(t.message(), secrets),
          t.retryAfter());
      case Terminal t -> new Terminal(t.provider(), t.kind(), t.status(), redact(t.requestId(), secrets), redact(t.message(), secrets));
    };
  }

  private static String redact(String text, Collection<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (!secret.isEmpty()) out = out.replace(secret, "[redacted]");
    }
    return out;
  }
}
