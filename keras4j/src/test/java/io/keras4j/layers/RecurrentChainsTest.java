package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.data.NDArray;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Recurrent layers train and predict the same whether a wide batch runs as independent loops over its halves
 * (keras4j's default from a batch of 32 on 2 cores or more) or as one loop ({@code -Dkeras4j.rnn.chains=1}),
 * including a last batch of one row, which one of the two loops owns.
 */
class RecurrentChainsTest {
  /** The predictions and then the weights of a model after two epochs at batch 64 on 65 samples (last batch: 1). */
  static List<float[]> trained(Supplier<Layer> layer, float[][][] x, float[][] y, String chains) {
    return withChains(chains, () -> {
      Backend.setRandomSeed(3);
      try (Sequential m = new Sequential(new InputLayer(x[0].length, x[0][0].length), layer.get(), new Dense(1))) {
        m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse"));
        m.fit(x, y, new FitOptions().batchSize(64).epochs(2).shuffle(false).verbose(0));
        List<float[]> out = new ArrayList<>();
        out.add(m.predict(x, 64).toFloatArray());
        for (NDArray w : m.getWeights()) {
          out.add(w.toFloatArray());
        }
        return out;
      }
    });
  }

  /** {@code body}'s result with the system property {@code keras4j.rnn.chains} set to {@code chains}. */
  static <T> T withChains(String chains, java.util.function.Supplier<T> body) {
    return io.keras4j.SystemProperties.with("keras4j.rnn.chains", chains, body);
  }

  static float[][][] sequences(int n, int steps, int features, Random rnd) {
    float[][][] x = new float[n][steps][features];
    for (float[][] s : x) {
      for (float[] t : s) {
        for (int i = 0; i < features; i++) {
          t[i] = (float) rnd.nextGaussian();
        }
      }
    }
    return x;
  }

  @Test
  void lstmGruAndSimpleRnnTrainAndPredictAsWithOneLoop() {
    Random rnd = new Random(7);
    float[][][] x = sequences(65, 6, 3, rnd);
    float[][] y = new float[65][1];
    for (int i = 0; i < y.length; i++) {
      y[i][0] = x[i][5][0] - x[i][0][1];
    }
    List<Supplier<Layer>> layers = List.of(() -> new LSTM(8), () -> new GRU(8), () -> new SimpleRNN(8),
        () -> new LSTM(8).returnSequences(true).goBackwards(true), () -> new Bidirectional(new GRU(4)),
        () -> new LSTM(8).recurrentDropout(0.3)); // with dropout: one loop either way (the masks hold every row)
    for (Supplier<Layer> layer : layers) {
      String name = layer.get().getClass().getSimpleName();
      List<float[]> one = trained(layer, x, y, "1");
      List<float[]> chains = trained(layer, x, y, "2");
      assertEquals(one.size(), chains.size());
      for (int k = 0; k < one.size(); k++) {
        float[] a = one.get(k);
        float[] b = chains.get(k);
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
          assertEquals(a[i], b[i], 1e-5, name + (k == 0 ? " prediction " : " weight " + (k - 1) + " ") + i);
        }
      }
    }
  }

  @Test
  void keras4jsOwnCellsAreRowwiseButNotAUsersSubclassOrWithDropout() {
    assertTrue(new LSTMCell(3).rowwise(true));
    assertTrue(new GRUCell(3).rowwise(true));
    assertTrue(new SimpleRNNCell(3).rowwise(true));
    assertFalse(new LSTMCell(3) {}.rowwise(true), "a subclass may mix rows in its step");
    assertTrue(new StackedRNNCells(List.of(new LSTMCell(2), new GRUCell(2))).rowwise(true));
    assertFalse(new StackedRNNCells(List.of(new LSTMCell(2), new GRUCell(2) {})).rowwise(true));
  }

  @Test
  void aConvLstmPredictsOneSampleAsWithOneLoop() {
    // two chains over one sample: the first owns no row
    float[][][][][] x = new float[1][3][4][4][1];
    Random rnd = new Random(5);
    for (float[][][][] s : x) {
      for (float[][][] t : s) {
        for (float[][] r : t) {
          for (float[] c : r) {
            c[0] = (float) rnd.nextGaussian();
          }
        }
      }
    }
    float[][] out = new float[2][];
    for (int k = 0; k < 2; k++) {
      out[k] = withChains(k == 0 ? "1" : "2", () -> {
        Backend.setRandomSeed(9);
        try (Sequential m = new Sequential(new InputLayer(3, 4, 4, 1), new ConvLSTM2D(2, 2))) {
          return m.predict(x).toFloatArray();
        }
      });
    }
    assertEquals(2 * 3 * 3, out[1].length, "(1, 3, 3, 2) outputs");
    for (int i = 0; i < out[0].length; i++) {
      assertEquals(out[0][i], out[1][i], 1e-6, "output " + i);
    }
  }
}
