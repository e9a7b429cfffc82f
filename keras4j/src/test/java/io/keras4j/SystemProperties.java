package io.keras4j;

import java.util.function.Supplier;

/** Tests that run code under a system property keras4j reads when it traces (such as keras4j.rnn.chains). */
public final class SystemProperties {
  private SystemProperties() {}

  /** {@code body}'s result with the system property {@code key} set to {@code value}, restored afterwards. */
  public static <T> T with(String key, String value, Supplier<T> body) {
    String before = System.getProperty(key);
    System.setProperty(key, value);
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }
}
