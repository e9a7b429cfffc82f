package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SimpleRNN: a sequence worked out by hand, forwards and backwards; gradients; Keras' config without seed. */
class SimpleRNNTest {
  @Test
  void harness() {
    LayerHarness.of(() -> new SimpleRNN(3)).input(4, 2).output(-1, 3).weights(3, 0).run();
  }

  @Test
  void threeStepsForwardsAndBackwardsByHand() {
    float k = 0.5f;
    float r = -0.3f;
    float b = 0.1f;
    float[] x = {1f, -2f, 0.5f};
    for (boolean backwards : new boolean[] {false, true}) {
      double h = 0;
      double[] expected = new double[3];
      for (int i = 0; i < 3; i++) {
        float xt = x[backwards ? 2 - i : i];
        h = Math.tanh(xt * k + h * r + b);
        expected[i] = h;
      }
      SimpleRNN rnn = new SimpleRNN(1).returnSequences(true).goBackwards(backwards);
      KerasTensor in = Input.of(3, 1);
      KerasTensor out = rnn.apply(in);
      rnn.setWeights(List.of(NDArray.of(new float[][] {{k}}), NDArray.of(new float[][] {{r}}),
          NDArray.of(new float[] {b})));
      try (Model m = new Model(in, out)) {
        float[] y = m.predict(NDArray.of(x, 1, 3, 1)).toFloatArray();
        for (int i = 0; i < 3; i++) {
          assertEquals(expected[i], y[i], 1e-6, "step " + i + (backwards ? " backwards" : ""));
        }
      }
    }
  }

  @Test
  void configHasNoSeedAsInKeras() {
    SimpleRNN rnn = new SimpleRNN(2).seed(3).dropout(0.5);
    assertFalse(rnn.getConfig().containsKey("seed"));
    assertEquals(3L, rnn.cell().getConfig().get("seed"));
  }
}
