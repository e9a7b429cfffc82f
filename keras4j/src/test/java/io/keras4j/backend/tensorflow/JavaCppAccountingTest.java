package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** keras4j turns JavaCPP's physical-memory check off unless the user set it. */
class JavaCppAccountingTest {
  @Test
  void unsetMeansOffAndTheUsersValueIsKept() {
    assertEquals("0", JavaCppAccounting.value(null));
    assertEquals("0", JavaCppAccounting.value(" "));
    assertNull(JavaCppAccounting.value("8g"), "-Dorg.bytedeco.javacpp.maxPhysicalBytes=8g is the user's choice");
    assertNull(JavaCppAccounting.value("0"));
  }

  /** Once the engine is loaded the property holds a value: keras4j's 0, or the user's. */
  @Test
  void theEngineSetsThePropertyBeforeTensorFlowLoads() {
    io.keras4j.backend.Backend.loadRuntime();
    String value = System.getProperty(JavaCppAccounting.PROPERTY);
    assertTrue(value != null && !value.isBlank(), "property after loading: " + value);
  }
}
