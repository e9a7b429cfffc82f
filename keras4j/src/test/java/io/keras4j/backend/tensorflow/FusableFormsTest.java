package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The forms TensorFlow's graph optimisers fuse (Grappler's remapper, oneDNN's layout pass): a bias added with
 * {@code BiasAdd}, as Keras' TensorFlow backend adds it, and 2-D max pooling as {@code MaxPool}, as
 * {@code tf.nn.max_pool2d} emits it; values by hand, gradients by finite differences.
 */
class FusableFormsTest {
  private static final float[] M = {1.5f, -2f, 0.25f, 3f, 0.5f, -1f};

  @Test
  void aRank1BiasOnTheLastAxisIsABiasAdd() {
    float[] b = {0.1f, 0.2f, -0.3f};
    float[] y = GraphFixture.eval1(b, Shape.of(3), t -> Backend.ops().add(Backend.ops().constant(M, Shape.of(2, 3)), t));
    float[] expected = new float[6];
    for (int i = 0; i < 6; i++) {
      expected[i] = M[i] + b[i % 3];
    }
    assertArrayEquals(expected, y, 0f);
    assertTrue(opTypes(ops -> ops.add(ops.placeholder("float32", Shape.of(-1, 3)),
        ops.placeholder("float32", Shape.of(3)))).contains("BiasAdd"));
  }

  @Test
  void otherBroadcastsStayAnAdd() {
    TreeSet<String> scalar = opTypes(ops -> ops.add(ops.placeholder("float32", Shape.of(-1, 3)),
        ops.placeholder("float32", Shape.of(1))));
    TreeSet<String> rows = opTypes(ops -> ops.add(ops.placeholder("float32", Shape.of(2, 3)),
        ops.placeholder("float32", Shape.of(2, 1))));
    assertEquals(List.of(false, false), List.of(scalar.contains("BiasAdd"), rows.contains("BiasAdd")));
  }

  @Test
  void theBiasGradientMatchesFiniteDifferences() {
    double err = GraphFixture.gradientError(new float[] {0.1f, 0.2f, -0.3f}, Shape.of(3),
        t -> Backend.ops().tanh(Backend.ops().add(Backend.ops().constant(M, Shape.of(2, 3)), t)), 1e-3);
    assertTrue(err < 2e-3, "bias gradient error " + err);
  }

  @Test
  void maxPooling2dIsMaxPoolWithItsValuesAndGradient() {
    float[] x = new float[16];
    for (int i = 0; i < 16; i++) {
      x[i] = (i * 7 % 16) * 0.25f;
    }
    Function<Tensor, Tensor> pool = t -> Backend.ops().pool(t, "max", new int[] {2, 2}, new int[] {2, 2}, "valid");
    float[] y = GraphFixture.eval1(x, Shape.of(1, 4, 4, 1), pool::apply);
    float[] expected = new float[4];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        float m = Float.NEGATIVE_INFINITY;
        for (int di = 0; di < 2; di++) {
          for (int dj = 0; dj < 2; dj++) {
            m = Math.max(m, x[(2 * i + di) * 4 + 2 * j + dj]);
          }
        }
        expected[i * 2 + j] = m;
      }
    }
    assertArrayEquals(expected, y, 0f);
    assertTrue(GraphFixture.gradientError(x, Shape.of(1, 4, 4, 1), pool::apply, 1e-3) < 2e-3);
    TreeSet<String> types = opTypes(ops -> pool.apply(ops.placeholder("float32", Shape.of(-1, 4, 4, 1))));
    assertEquals(List.of(true, false), List.of(types.contains("MaxPool"), types.contains("MaxPoolV2")));
  }

  private static TreeSet<String> opTypes(Function<Ops, Tensor> fn) {
    try (ComputeGraph g = Backend.newGraph()) {
      g.trace(() -> List.of(fn.apply(Backend.ops())));
      TreeSet<String> types = new TreeSet<>();
      Iterator<org.tensorflow.GraphOperation> it = ((TFComputeGraph) g).graph().operations();
      while (it.hasNext()) {
        types.add(it.next().type());
      }
      return types;
    }
  }
}
