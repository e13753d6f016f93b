package dev.lightspeed.engine.run;

import java.util.List;

/** A steering message accepted for the active run, waiting for the next turn boundary. */
public record Steering(long id, List<InputItem> input) {
  public Steering {
    input = List.copyOf(input);
  }
}
