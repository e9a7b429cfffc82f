package io.keras4j.tuner;

/** Argument checks shared by the tuners. */
final class Checks {
  private Checks() {}

  static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be a positive integer. Received: " + name + "=" + value);
    }
    return value;
  }
}
