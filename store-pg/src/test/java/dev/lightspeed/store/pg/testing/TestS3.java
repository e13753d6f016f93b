package dev.lightspeed.store.pg.testing;

import dev.lightspeed.store.pg.S3ObjectStore;
import dev.lightspeed.store.pg.S3Settings;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 server of this test JVM: S3Proxy in-process on a free loopback port, keeping objects in memory,
 * started on first use and stopped when the JVM exits. Tests talk to it with the real AWS SDK client over
 * HTTP; each takes its own bucket through {@link #newBucket}.
 */
public final class TestS3 {
  public static final String ACCESS_KEY = "lightspeed-test";
  public static final String SECRET_KEY = "lightspeed-test-secret";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static URI endpoint;
  private static S3Proxy running;

  private TestS3() {}

  /** {@return the endpoint of the in-process S3 server, starting it the first time} */
  public static synchronized URI endpoint() {
    if (endpoint != null) return endpoint;
    try {
      Properties p = new Properties();
      p.setProperty("s3proxy.endpoint", "http://127.0.0.1:0");
      p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
      p.setProperty("s3proxy.identity", ACCESS_KEY);
      p.setProperty("s3proxy.credential", SECRET_KEY);
      S3Proxy proxy = S3Proxy.Builder.fromProperties(p).blobStore(new TransientNio2BlobStore()).build();
      proxy.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start within 10 s");
        Thread.sleep(10);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          proxy.stop();
        } catch (Exception ignored) {
          // The JVM is exiting; the objects lived in memory only.
        }
      }, "s3proxy-stop"));
      running = proxy;
      endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
      return endpoint;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start S3Proxy: " + e.getMessage(), e);
    }
  }

  /**
   * Stops the server now instead of at JVM exit (its threads would keep a benchmark's forked JVM alive). The
   * next {@link #endpoint} starts a new, empty one.
   */
  public static synchronized void stop() {
    if (running == null) return;
    try {
      running.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop S3Proxy: " + e.getMessage(), e);
    }
    running = null;
    endpoint = null;
  }

  /** {@return the test credentials as the AWS SDK takes them} */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** {@return a raw SDK client of the test server, for tests that look at or damage objects directly} */
  public static S3Client client() {
    return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials())
        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** {@return the settings of a new, empty bucket named after {@code owner}, with key prefix {@code prefix}} */
  public static S3Settings newBucket(Class<?> owner, String prefix) {
    String bucket = ("t-" + owner.getSimpleName() + "-" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(bucket));
    }
    return new S3Settings(bucket, Optional.of(endpoint()), S3Settings.DEFAULT_REGION, prefix, S3Settings.Addressing.PATH_STYLE);
  }

  /** {@return an object store on a new bucket named after {@code owner}} */
  public static S3ObjectStore newObjectStore(Class<?> owner, String prefix) {
    return S3ObjectStore.open(newBucket(owner, prefix), credentials());
  }
}
