package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import org.junit.jupiter.api.Test;

/**
 * {@link Backend#loadRuntime()} (keras4j's {@code import keras}): it returns the one engine, and once it has returned
 * TensorFlow's native library answers and its operations are registered.
 */
class LoadRuntimeTest {
  @Test
  void loadsTensorFlowsNativeLibraryAndRegistersItsOps() {
    var e = Backend.loadRuntime();
    assertEquals("tensorflow", e.name());
    assertSame(Backend.engine(), e);
    assertSame(e, Backend.loadRuntime()); // a second call: the same engine, nothing more
    assertTrue(org.tensorflow.TensorFlow.version().matches("\\d+\\.\\d+.*"), org.tensorflow.TensorFlow.version());
    assertTrue(org.tensorflow.TensorFlow.registeredOpList().getOpList().stream()
        .anyMatch(op -> op.getName().equals("Conv2D")));
  }
}
