package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The choice of TF_CPP_MIN_LOG_LEVEL: the user's variable, then -Dkeras4j.tf.logLevel, then 2. No native code. */
class NativeLoggingTest {
  @Test
  void defaultHidesInfoAndWarnings() {
    assertEquals("2", NativeLogging.level(null, null));
    assertEquals("2", NativeLogging.level("", null));
    assertEquals("2", NativeLogging.level(null, " "));
  }

  @Test
  void propertyPicksTheLevel() {
    assertEquals("0", NativeLogging.level(null, "0"));
    assertEquals("1", NativeLogging.level(null, "1"));
    assertEquals("3", NativeLogging.level(null, " 3 "));
  }

  @Test
  void userEnvironmentWinsOverPropertyAndDefault() {
    assertNull(NativeLogging.level("0", null));
    assertNull(NativeLogging.level("1", "3"));
    assertNull(NativeLogging.level("2", "0"));
  }

  @Test
  void invalidPropertyFallsBackToDefault() {
    assertEquals("2", NativeLogging.level(null, "4"));
    assertEquals("2", NativeLogging.level(null, "-1"));
    assertEquals("2", NativeLogging.level(null, "warn"));
    assertEquals("2", NativeLogging.level(null, "22"));
  }
}
