package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnginesTest {
  private final String saved = System.getProperty(Engines.PROPERTY);

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(Engines.PROPERTY);
    } else {
      System.setProperty(Engines.PROPERTY, saved);
    }
  }

  @Test
  void propertyNamesTheEngineCaseInsensitively() {
    System.setProperty(Engines.PROPERTY, " TensorFlow ");
    assertEquals("tensorflow", Engines.requested());
    assertEquals("tensorflow", Engines.load(Engines.requested()).name());
  }

  @Test
  void withoutPropertyOrEnvironmentTheDefaultIsTensorflow() {
    System.clearProperty(Engines.PROPERTY);
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(Engines.ENV) == null, "KERAS_BACKEND is set");
    assertEquals("tensorflow", Engines.requested());
  }

  @Test
  void backendKeepsOneEngine() {
    assertSame(Backend.engine(), Backend.engine());
  }

  @Test
  void withOpsRestoresThePreviousScopeAfterAnException() {
    try (ComputeGraph g = Backend.newGraph()) {
      g.trace(() -> {
        Ops outer = Backend.ops();
        try {
          Backend.withOps(outer, () -> {
            throw new IllegalStateException("inside");
          });
        } catch (IllegalStateException expected) {
          // the scope pushed by withOps is gone again
        }
        assertSame(outer, Backend.ops());
        return java.util.List.of();
      });
    }
  }
}
