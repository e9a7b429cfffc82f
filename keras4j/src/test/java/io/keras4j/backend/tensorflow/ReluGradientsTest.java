package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * The gradients of Relu and Relu6 read the activation's output ({@link ReluGradients}): the graph's edges, the
 * gradient's values worked out by hand, and a convolution's gradient through bias and relu by finite differences.
 */
class ReluGradientsTest {
  private static final float[] X = {-2f, -0.5f, 0f, 0.25f, 1f, 3f, 5.5f, 6f, 7f, -1e-3f, 2e-3f, 9f};
  private static final float[] B = {0.5f, -0.25f, 0f};
  private static final float[] W = {1.5f, -2f, 0.75f, 3f, -0.5f, 1.25f, 2f, -1f, 0.5f, 4f, -3f, 0.125f};

  @Test
  void reluGradIsDyWhereTheBiasedInputIsPositive() {
    Traced r = trace(Ops::relu, "ReluGrad");
    float[] expected = new float[X.length];
    for (int i = 0; i < X.length; i++) {
      expected[i] = X[i] + B[i % 3] > 0 ? W[i] : 0f;
    }
    assertArrayEquals(expected, r.dx, 0f);
    assertEquals(List.of("Relu"), r.featureProducers);
    assertEquals(1, r.biasConsumers);
  }

  @Test
  void relu6GradIsDyWhereTheBiasedInputLiesBetweenZeroAndSix() {
    Traced r = trace(Ops::relu6, "Relu6Grad");
    float[] expected = new float[X.length];
    for (int i = 0; i < X.length; i++) {
      float z = X[i] + B[i % 3];
      expected[i] = z > 0 && z < 6 ? W[i] : 0f;
    }
    assertArrayEquals(expected, r.dx, 0f);
    assertEquals(List.of("Relu6"), r.featureProducers);
    assertEquals(1, r.biasConsumers);
  }

  @Test
  void aConvolutionsGradientThroughBiasAndReluMatchesFiniteDifferences() {
    float[] x = new float[2 * 4 * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = ((i * 5 % 11) - 4) * 0.3f + 0.07f;
    }
    float[] k = {0.4f, -0.3f, 0.2f, 0.5f, -0.1f, 0.3f, 0.25f, -0.45f, 0.15f, 0.35f, -0.2f, 0.1f, 0.3f, 0.2f, -0.3f,
        0.05f, 0.45f, -0.15f};
    double err = GraphFixture.gradientError(x, Shape.of(1, 4, 4, 2), t -> {
      Ops ops = Backend.ops();
      Tensor c = ops.conv(t, ops.constant(k, Shape.of(3, 3, 2, 1)), new int[] {1, 1}, "same", new int[] {1, 1});
      return ops.relu(ops.add(c, ops.constant(new float[] {0.05f}, Shape.of(1))));
    }, 1e-3);
    assertTrue(err < 2e-3, "gradient error " + err);
  }

  /** dx of sum(act(BiasAdd(x, B)) * W), the op types feeding each gradient op's features and the bias' consumers. */
  private record Traced(float[] dx, List<String> featureProducers, int biasConsumers) {}

  private static Traced trace(java.util.function.BiFunction<Ops, Tensor, Tensor> activation, String gradType) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        Tensor in = ops.placeholder("float32", Shape.of(4, 3));
        Tensor z = ops.add(in, ops.constant(B, Shape.of(3)));
        Tensor loss = ops.sum(ops.multiply(activation.apply(ops, z), ops.constant(W, Shape.of(4, 3))), null, false);
        return List.of(ops.gradients(loss, List.of(in)).get(0));
      });
      List<String> producers = new ArrayList<>();
      int biasConsumers = -1;
      for (Iterator<GraphOperation> it = ((TFComputeGraph) g).graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals(gradType)) {
          producers.add(op.input(1).op().type());
        } else if (op.type().equals("BiasAdd")) {
          biasConsumers = op.numConsumers(0);
        }
      }
      try (NativeArray x = Backend.array(X, Shape.of(4, 3))) {
        List<NativeArray> out = f.call(List.of(x));
        float[] dx = out.get(0).toFloatArray();
        out.forEach(NativeArray::close);
        return new Traced(dx, producers, biasConsumers);
      }
    }
  }
}
