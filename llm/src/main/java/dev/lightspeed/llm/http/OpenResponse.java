package dev.lightspeed.llm.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.function.BooleanSupplier;

/**
 * A response whose body is still streaming in. Closing it releases the connection. While it is open a
 * virtual thread watches the abort signal and closes the body when it turns true, so a blocked read ends
 * with an {@link IOException}.
 */
public final class OpenResponse implements Closeable {
  private final HttpResponse<InputStream> response;
  private final Thread watchdog;
  private volatile boolean closed;

  OpenResponse(HttpResponse<InputStream> response, BooleanSupplier aborted) {
    this.response = response;
    this.watchdog = Thread.ofVirtual().name("lightspeed-http-abort-watch").start(() -> {
      while (!closed) {
        if (aborted.getAsBoolean()) {
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

  public InputStream body() {
    return response.body();
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
}
