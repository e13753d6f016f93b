package dev.lightspeed.llm.http;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A response whose body is still streaming in. Closing it releases the connection. While it is open a
 * virtual thread watches the abort signal and closes the body when it turns true, so a blocked read ends
 * with an {@link IOException}. The same watch ends a read that has waited longer than the idle timeout for
 * data, with an {@link HttpTimeoutException}: a provider (or a proxy) that goes silent mid-stream must not
 * hang the call forever.
 */
public final class OpenResponse implements Closeable {
  private static final long NOT_READING = Long.MIN_VALUE;

  private final HttpResponse<InputStream> response;
  private final InputStream body;
  private final Duration idleTimeout;
  private final Thread watchdog;
  private volatile boolean closed;
  private volatile boolean idledOut;
  /** When the read in progress started ({@link System#nanoTime}), or {@link #NOT_READING}. */
  private volatile long readingSince = NOT_READING;

  OpenResponse(HttpResponse<InputStream> response, BooleanSupplier aborted, Duration idleTimeout) {
    this.response = response;
    this.body = new Watched(response.body());
    this.idleTimeout = idleTimeout;
    long idleNanos = saturatedNanos(idleTimeout);
    this.watchdog = Thread.ofVirtual().name("lightspeed-http-abort-watch").start(() -> {
      while (!closed) {
        if (aborted.getAsBoolean()) {
          closeQuietly();
          return;
        }
        long since = readingSince;
        if (since != NOT_READING && System.nanoTime() - since > idleNanos) {
          idledOut = true;
          closeQuietly();
          return;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  public int status() {
    return response.statusCode();
  }

  public HttpHeaders headers() {
    return response.headers();
  }

  /** {@return the provider's request id header, or ""} */
  public String requestId() {
    return response.headers().firstValue("x-request-id").or(() -> response.headers().firstValue("request-id")).orElse("");
  }

  /**
   * {@return the body} A read fails with an {@link IOException} once the abort signal turns true or the
   * response is closed, and with an {@link HttpTimeoutException} when it waited longer than the idle timeout.
   */
  public InputStream body() {
    return body;
  }

  @Override
  public void close() {
    closeQuietly();
    watchdog.interrupt();
  }

  private void closeQuietly() {
    closed = true;
    try {
      response.body().close();
    } catch (IOException alreadyBroken) {
      // the connection is gone either way; nothing to release
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** Marks when each read starts waiting, and reports a read ended by the idle watch as a timeout. */
  private final class Watched extends FilterInputStream {
    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      readingSince = System.nanoTime();
      try {
        return super.read();
      } catch (IOException e) {
        throw translated(e);
      } finally {
        readingSince = NOT_READING;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      readingSince = System.nanoTime();
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw translated(e);
      } finally {
        readingSince = NOT_READING;
      }
    }

    private IOException translated(IOException e) {
      if (!idledOut) return e;
      HttpTimeoutException timeout = new HttpTimeoutException("no data from the provider for " + idleTimeout.toMillis() + " ms");
      timeout.initCause(e);
      return timeout;
    }
  }
}
