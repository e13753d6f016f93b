package dev.lightspeed.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so {@code lightspeed --version} names the build actually running. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"lightspeed " + (version == null ? "(development build)" : version)};
  }
}
