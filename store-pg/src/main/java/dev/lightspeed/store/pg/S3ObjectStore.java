package dev.lightspeed.store.pg;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An {@link ObjectStore} in an S3 bucket through the AWS SDK v2 (JDK URLConnection transport), for AWS and
 * S3-compatible servers alike. Keys get the configured prefix. Checksums are computed only where S3 requires
 * them, which every S3-compatible server accepts; integrity is checked anyway by the blob store's hash
 * verification on read.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
  private final S3Client s3;
  private final S3Settings settings;

  private S3ObjectStore(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  /**
   * Connects to the bucket of {@code settings} and checks that it is there and reachable with these
   * credentials.
   *
   * @throws StoreIoException when the bucket cannot be reached (the message names bucket and endpoint)
   */
  public static S3ObjectStore open(S3Settings settings, AwsCredentialsProvider credentials) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(credentials, "credentials");
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        .forcePathStyle(settings.addressing() == S3Settings.Addressing.PATH_STYLE)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create());
    settings.endpoint().ifPresent(builder::endpointOverride);
    S3ObjectStore store = new S3ObjectStore(builder.build(), settings);
    try {
      store.s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (SdkException e) {
      store.close();
      throw failure("cannot reach " + store.describe(), e);
    }
    return store;
  }

  @Override
  public void put(String key, byte[] bytes) {
    try {
      s3.putObject(b -> b.bucket(settings.bucket()).key(fullKey(key)).contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw failure("cannot put object " + fullKey(key) + " in " + describe(), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(fullKey(key))).asByteArray());
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("cannot get object " + fullKey(key) + " from " + describe(), e);
    }
  }

  /** {@return the key as stored in the bucket: the configured prefix, a slash, then {@code key}} */
  public String fullKey(String key) {
    return settings.prefix().isEmpty() ? key : settings.prefix() + "/" + key;
  }

  @Override
  public String describe() {
    return "S3 bucket " + settings.bucket() + settings.endpoint().map(e -> " at " + e).orElse(" in " + settings.region());
  }

  @Override
  public void close() {
    s3.close();
  }

  private static StoreIoException failure(String what, SdkException e) {
    String message = what + ": " + e.getMessage();
    return new StoreIoException(message, new IOException(message, e));
  }
}
