package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.TracedFunction;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernels run in the calling thread flush denormal numbers to zero, as TensorFlow's own threads do, and the thread's
 * Java arithmetic keeps them afterwards.
 */
class DenormalFlushTest {
  private static final String INLINE = "keras4j.tensorflow.inlineRuns";
  private static final String DIRECT = "keras4j.tensorflow.directRuns";
  /** 1e-39 and 3e-39 are below Float.MIN_NORMAL (about 1.18e-38): denormal, and 3 * 1e-39f is exact. */
  private static volatile float tiny = 1e-39f;

  @BeforeEach
  void linuxOnX86() {
    String arch = System.getProperty("os.arch");
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64")),
        "the C library's floating-point environment of Linux on x86-64");
    assertTrue(DenormalFlush.available(), "fegetenv and fesetenv found and checked");
  }

  /** {@code body} with the two run properties set (null: cleared), each restored afterwards. */
  private static <T> T withRuns(String inline, String direct, Supplier<T> body) {
    String[] keys = {INLINE, DIRECT};
    String[] values = {inline, direct};
    String[] saved = {System.getProperty(INLINE), System.getProperty(DIRECT)};
    try {
      for (int i = 0; i < keys.length; i++) {
        set(keys[i], values[i]);
      }
      return body.get();
    } finally {
      for (int i = 0; i < keys.length; i++) {
        set(keys[i], saved[i]);
      }
    }
  }

  private static void set(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  /** A traced x * 3 over a placeholder of 2 values. */
  private static TracedFunction timesThree(ComputeGraph g) {
    return g.trace(() -> {
      Ops o = Backend.ops();
      return List.of(o.multiply(o.placeholder("float32", Shape.of(2)), 3f));
    });
  }

  /** x * 3 over {tiny, 1}, inline or on the pool, run directly or through the runner, as the properties say. */
  private static float[] timesThree(String inline, String direct) {
    return withRuns(inline, direct, () -> {
      try (ComputeGraph g = Backend.newGraph()) {
        TracedFunction fn = timesThree(g);
        assertEquals(!"false".equals(inline), TFComputeGraph.runsInline(fn), "runs inline");
        try (NativeArray x = Backend.array(new float[] {tiny, 1f}, Shape.of(2));
            NativeArray y = fn.call(List.of(x)).get(0)) {
          assertEquals(!"false".equals(direct), ((TFFunction) fn).directRuns() == 1, "ran through the C API");
          return new float[] {y.getFloat(0), y.getFloat(1)};
        }
      }
    });
  }

  @Test
  void inlineRunsFlushDenormalsAsTheThreadPoolDoes() {
    for (String inline : new String[] {"true", "false"}) {
      for (String direct : new String[] {"true", "false"}) {
        float[] y = timesThree(inline, direct);
        String where = INLINE + "=" + inline + ", " + DIRECT + "=" + direct;
        assertEquals(0f, y[0], "3 * 1e-39 flushed to zero, " + where);
        assertEquals(3f, y[1], where);
        assertEquals(3e-39f, tiny * 3f, 1e-45f, "the caller's Java arithmetic keeps denormals after the run, " + where);
      }
    }
  }

  @Test
  void aFailedRunRestoresTheCallersEnvironmentToo() {
    for (String direct : new String[] {"true", "false"}) {
      withRuns("true", direct, () -> {
        try (ComputeGraph g = Backend.newGraph();
            NativeArray three = Backend.array(new float[] {tiny, 1f, 2f}, Shape.of(3))) {
          TracedFunction fn = g.trace(() -> {
            Ops o = Backend.ops();
            return List.of(o.reshape(o.multiply(o.placeholder("float32", Shape.of(-1)), 3f), 2, 2));
          });
          assertThrows(RuntimeException.class, () -> fn.call(List.of(three)), "3 values reshaped to 2 x 2");
        }
        return null;
      });
      assertEquals(3e-39f, tiny * 3f, 1e-45f, "denormals kept after the failed run, " + DIRECT + "=" + direct);
    }
  }

  @Test
  void enterFlushesTheThreadsDenormalsAndExitRestoresThem() {
    assertEquals(3e-39f, tiny * 3f, 1e-45f, "Java keeps denormals");
    DenormalFlush flush = DenormalFlush.current();
    flush.enter();
    float during;
    try {
      during = tiny * 3f;
    } finally {
      flush.exit();
    }
    assertEquals(0f, during, "flushed between enter and exit");
    assertEquals(3e-39f, tiny * 3f, 1e-45f, "restored after exit");
  }

  @Test
  void aNestedEnterKeepsTheOuterRunsEnvironment() {
    DenormalFlush flush = DenormalFlush.current();
    flush.enter();
    float inner;
    float outer;
    try {
      flush.enter();
      flush.exit();
      inner = tiny * 3f;
    } finally {
      flush.exit();
    }
    outer = tiny * 3f;
    assertEquals(0f, inner, "still flushed after the nested exit");
    assertEquals(3e-39f, outer, 1e-45f, "restored after the outer exit");
  }
}
