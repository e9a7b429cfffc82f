package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Ops.rows(x, start, stop)}, the batch slice of the test and predict steps: TensorFlow's one StridedSlice
 * and the interface's default (a Slice of the other axes whole) give {@code x[start:stop]}, values by hand.
 */
class RowsTest {
  /** A 4 x 3 x 2 array whose value at (i, j, k) is 100 i + 10 j + k. */
  private static final float[] X = new float[24];

  static {
    for (int i = 0; i < 24; i++) {
      X[i] = 100 * (i / 6) + 10 * (i / 2 % 3) + i % 2;
    }
  }

  private static float[] expected(int start, int stop) {
    float[] out = new float[(stop - start) * 6];
    for (int i = start; i < stop; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 2; k++) {
          out[(i - start) * 6 + j * 2 + k] = 100 * i + 10 * j + k;
        }
      }
    }
    return out;
  }

  private static float[] rows(int start, int stop, boolean byDefault) {
    return GraphFixture.eval1(X, Shape.of(4, 3, 2), t -> {
      Ops ops = Backend.ops();
      Tensor a = ops.constant(new int[] {start}, Shape.of(1));
      Tensor b = ops.constant(new int[] {stop}, Shape.of(1));
      return byDefault ? new DefaultRows(ops).rows(t, a, b) : ops.rows(t, a, b);
    });
  }

  @Test
  void stridedSliceTakesRowsStartToStop() {
    assertArrayEquals(expected(1, 3), rows(1, 3, false), 0f);
    assertArrayEquals(expected(0, 4), rows(0, 4, false), 0f);
    assertArrayEquals(expected(3, 4), rows(3, 4, false), 0f);
  }

  @Test
  void theDefaultSliceGivesTheSameRows() {
    assertArrayEquals(expected(1, 3), rows(1, 3, true), 0f);
    assertArrayEquals(expected(2, 4), rows(2, 4, true), 0f);
  }

  @Test
  void aVectorsRowsAreItsElements() {
    float[] v = GraphFixture.eval1(new float[] {5, 6, 7, 8}, Shape.of(4), t -> Backend.ops().rows(t,
        Backend.ops().constant(new int[] {1}, Shape.of(1)), Backend.ops().constant(new int[] {3}, Shape.of(1))));
    assertEquals(List.of(6f, 7f), List.of(v[0], v[1]));
    assertEquals(2, v.length);
  }

  /** The interface's default {@code rows}, every other op the engine's. */
  private static final class DefaultRows implements java.lang.reflect.InvocationHandler {
    private final Ops ops;

    DefaultRows(Ops ops) {
      this.ops = ops;
    }

    Tensor rows(Tensor x, Tensor start, Tensor stop) {
      Ops proxy = (Ops) java.lang.reflect.Proxy.newProxyInstance(Ops.class.getClassLoader(), new Class<?>[] {Ops.class},
          this);
      return proxy.rows(x, start, stop);
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method m, Object[] args) throws Throwable {
      if (m.isDefault()) {
        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
      }
      return m.invoke(ops, args);
    }
  }
}
