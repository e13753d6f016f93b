package dev.lightspeed.store.pg;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where large blobs go: an S3 bucket (AWS or any S3-compatible server), read from
 * {@code LIGHTSPEED_OBJECT_STORE_*}. Credentials are not part of this: the AWS SDK's default chain reads the
 * standard {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} variables, profiles or instance roles.
 *
 * @param bucket the bucket, which must exist
 * @param endpoint the S3 endpoint; empty means AWS's own for the region
 * @param region the signing region (for AWS, the bucket's region)
 * @param prefix a key prefix without leading or trailing slashes, empty for none
 * @param addressing how requests name the bucket
 */
public record S3Settings(String bucket, Optional<URI> endpoint, String region, String prefix, Addressing addressing) {
  /** The signing region when none is configured; S3-compatible servers mostly accept any. */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*)?");

  /** How requests name the bucket. */
  public enum Addressing {
    /** {@code https://bucket.endpoint/key}: AWS's default (the default here). */
    VIRTUAL_HOSTED,
    /** {@code https://endpoint/bucket/key}: what most S3-compatible servers (MinIO, S3Proxy, Ceph) need. */
    PATH_STYLE
  }

  /** @throws IllegalArgumentException quoting the value when the bucket, region or prefix is malformed */
  public S3Settings {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(addressing, "addressing");
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("not an S3 bucket name: \"" + bucket + "\" (3-63 of [a-z0-9.-])");
    }
    if (!region.matches("[a-z0-9-]{1,64}")) throw new IllegalArgumentException("not an AWS region: \"" + region + "\"");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("not a key prefix: \"" + prefix
          + "\" (segments of [A-Za-z0-9._-] separated by single slashes, no leading or trailing slash)");
    }
    endpoint.ifPresent(uri -> {
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) endpoint: \"" + uri + "\"");
      }
    });
  }
}
