package dev.lightspeed.server.rpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every method name of the v1 contract, so a call of a contract method this server does not serve yet is
 * answered differently from a misspelled one. Read from a resource copied from {@code methods.json}.
 */
public final class ContractMethods {
  private static final String RESOURCE = "contract-methods.txt";
  private static final Set<String> ALL = load();

  private ContractMethods() {}

  /** {@return every method name the contract defines, in its order} */
  public static Set<String> all() {
    return ALL;
  }

  /** {@return whether the contract defines {@code method}} */
  public static boolean defines(String method) {
    return ALL.contains(method);
  }

  private static Set<String> load() {
    try (InputStream in = ContractMethods.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      Set<String> names = new LinkedHashSet<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String name = line.strip();
          if (!name.isEmpty() && !name.startsWith("#")) names.add(name);
        }
      }
      return Collections.unmodifiableSet(names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
