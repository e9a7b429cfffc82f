package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Losses added by layers (Keras' {@code add_loss}) in the compiled loss and on their own. */
class AddLossTest {
  /** Passes its input through and adds {@code rate * sum(x^2)}, as an activity penalty or a VAE's KL term. */
  static final class Penalty extends Layer {
    final float rate;

    Penalty(float rate) {
      this.rate = rate;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
      Ops ops = Backend.ops();
      addLoss(ops.multiply(ops.sum(ops.square(inputs.get(0)), null, false), rate));
      return List.copyOf(inputs);
    }

    @Override
    protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
      return List.copyOf(in);
    }
  }

  private static Model model(float rate) {
    KerasTensor in = Input.of(2);
    Dense dense = new Dense(1);
    Model m = new Model(in, new Penalty(rate).apply(dense.apply(in)));
    dense.setWeights(List.of(new float[][] {{1}, {2}}, new float[] {0}));
    return m;
  }

  @Test
  void addedLossIsSummedIntoTheCompiledLoss() {
    float[][] x = {{1, 0}, {0, 1}, {1, 1}}; // outputs 1, 2, 3
    float[][] y = {{0}, {0}, {0}};
    try (Model m = model(0.1f)) {
      m.compile(new SGD(0.01), "mse");
      double mse = (1 + 4 + 9) / 3.0;
      double added = 0.1 * (1 + 4 + 9);
      assertEquals(mse + added, m.evaluate(x, y, 3).get("loss"), 1e-5);
    }
  }

  @Test
  void aModelCompiledWithoutALossTrainsOnTheAddedOnes() {
    float[][] x = {{1, 0}, {0, 1}, {1, 1}};
    try (Model m = model(0.5f)) {
      m.compile(new CompileOptions().optimizer(new SGD(0.01)));
      // loss 0.5 * sum((x w)^2) = 7 at w = (1, 2); its gradient is sum_i out_i x_i = (4, 5) for w, 6 for the bias
      assertEquals(7.0, m.trainOnBatch(x, null).get("loss"), 1e-5); // no targets: nothing reads them
      float[] w = m.getWeights().get(0).toFloatArray();
      assertEquals(1 - 0.01 * 4, w[0], 1e-6);
      assertEquals(2 - 0.01 * 5, w[1], 1e-6);
    }
    KerasTensor in = Input.of(2);
    try (Model none = new Model(in, new Dense(1).apply(in))) {
      none.compile(new CompileOptions().optimizer(new SGD(0.01)));
      var e = assertThrows(IllegalStateException.class, () -> none.trainOnBatch(x, null));
      assertTrue(e.getMessage().startsWith("No loss to compute for model '"), e.getMessage());
    }
  }
}
