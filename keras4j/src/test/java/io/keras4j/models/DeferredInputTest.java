package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.callbacks.Callback;
import io.keras4j.layers.Dense;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fit, evaluate and predict on Java arrays with rows long enough to be copied straight into native memory
 * (HostArray.deferred): the numbers are those worked out from the weights by hand, and a ragged row is refused at the
 * call with the message of the flat copy.
 */
class DeferredInputTest {
  private static final int N = 37;
  private static final int D = 12;

  private static float[][] data(long seed, int cols) {
    Random r = new Random(seed);
    float[][] x = new float[N][cols];
    for (float[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  private static Sequential linear() {
    Sequential m = new Sequential();
    m.add(new Dense(10).inputShape(D));
    m.compile("sgd", "mse");
    return m;
  }

  /** x times the kernel plus the bias, in plain Java arithmetic (double). */
  private static double[][] byHand(float[][] x, float[] kernel, float[] bias) {
    double[][] y = new double[x.length][10];
    for (int i = 0; i < x.length; i++) {
      for (int o = 0; o < 10; o++) {
        double s = bias[o];
        for (int j = 0; j < D; j++) {
          s += (double) x[i][j] * kernel[j * 10 + o];
        }
        y[i][o] = s;
      }
    }
    return y;
  }

  /** The mean squared error of the model's weights on rows {@code from..N-1}, worked by hand. */
  private static double mseByHand(Sequential m, float[][] x, float[][] y, int from) {
    double[][] expected = byHand(x, m.getWeights().get(0).toFloatArray(), m.getWeights().get(1).toFloatArray());
    double mse = 0;
    for (int i = from; i < N; i++) {
      for (int o = 0; o < 10; o++) {
        double d = expected[i][o] - y[i][o];
        mse += d * d;
      }
    }
    return mse / ((N - from) * 10);
  }

  /** Counts the calls of on_predict_begin and on_test_begin. */
  private static final class Begun extends Callback {
    int calls;

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
      calls++;
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
      calls++;
    }
  }

  @Test
  void predictAndEvaluateMatchTheWeightsWorkedByHand() {
    float[][] x = data(1, D);
    float[][] y = data(2, 10);
    try (Sequential m = linear()) {
      m.fit(x, y, 1, 8); // trains on the deferred arrays, then the numbers below use the trained weights
      float[] kernel = m.getWeights().get(0).toFloatArray();
      float[] bias = m.getWeights().get(1).toFloatArray();
      double[][] expected = byHand(x, kernel, bias);
      float[] p = m.predict(x, 8).toFloatArray();
      double mse = 0;
      for (int i = 0; i < N; i++) {
        for (int o = 0; o < 10; o++) {
          assertEquals(expected[i][o], p[i * 10 + o], 1e-5, "at [" + i + "][" + o + "]");
          double d = expected[i][o] - y[i][o];
          mse += d * d;
        }
      }
      mse /= N * 10;
      Map<String, Double> logs = m.evaluate(x, y, 8);
      assertEquals(mse, logs.get("loss"), 1e-5 * Math.max(1, mse));
    }
  }

  @Test
  void raggedRowIsRefusedAtTheCall() {
    float[][] x = data(3, D);
    x[5] = new float[D - 1];
    try (Sequential m = linear()) {
      var e = assertThrows(IllegalArgumentException.class, () -> m.fit(x, data(4, 10), 1, 8));
      assertEquals("Invalid x data: Ragged array: the element at index [5] has length 11 where 12 was expected (the "
          + "length of the first element along axis 1); every row must have the same length", e.getMessage());
      var p = assertThrows(IllegalArgumentException.class, () -> m.predict(x));
      assertEquals(e.getMessage(), p.getMessage());
    }
  }

  @Test
  void predictRefusesARaggedRowBeforeItsCallbacksStartAndThenPredictsAsBefore() {
    // predict checks x in its copy to native memory (one walk), made before anything else runs
    float[][] x = data(7, D);
    try (Sequential m = linear()) {
      float[] before = m.predict(x, 8).toFloatArray();
      float[][] ragged = x.clone();
      ragged[30] = new float[D + 2];
      Begun counter = new Begun();
      var e = assertThrows(IllegalArgumentException.class,
          () -> m.predict(ragged, new PredictOptions().batchSize(8).callbacks(counter)));
      assertEquals("Invalid x data: Ragged array: the element at index [30] has length 14 where 12 was expected (the "
          + "length of the first element along axis 1); every row must have the same length", e.getMessage());
      assertEquals(0, counter.calls, "no callback ran");
      assertArrayEquals(before, m.predict(x, new PredictOptions().batchSize(8).callbacks(counter)).toFloatArray());
      assertEquals(1, counter.calls);
    }
  }

  @Test
  void evaluateRefusesARaggedRowBeforeItsCallbacksStartAndThenEvaluatesAsBefore() {
    // evaluate, as predict, checks x in its copy to native memory; y is checked before, so the error names x
    float[][] x = data(8, D);
    float[][] y = data(9, 10);
    try (Sequential m = linear()) {
      double before = m.evaluate(x, y, 8).get("loss");
      float[][] ragged = x.clone();
      ragged[36] = null;
      Begun counter = new Begun();
      var e = assertThrows(IllegalArgumentException.class,
          () -> m.evaluate(ragged, y, new EvaluateOptions().batchSize(8).callbacks(counter)));
      assertEquals("Invalid x data: Null element at index [36]; expected an array of length 12 there", e.getMessage());
      assertEquals(0, counter.calls, "no callback ran");
      double mse = mseByHand(m, x, y, 0);
      double after = m.evaluate(x, y, new EvaluateOptions().batchSize(8).callbacks(counter)).get("loss");
      assertEquals(mse, after, 1e-5 * Math.max(1, mse));
      assertEquals(before, after);
      assertEquals(1, counter.calls);
    }
  }

  @Test
  void validationSplitTakesTheLastRows() {
    float[][] x = data(5, D);
    float[][] y = data(6, 10);
    try (Sequential m = linear()) {
      m.compile(new io.keras4j.optimizers.SGD(0), "mse"); // no update: the validation loss is the initial weights'
      var h = m.fit(x, y, new FitOptions().epochs(1).batchSize(8).validationSplit(0.25));
      double mse = mseByHand(m, x, y, (int) Math.floor(N * 0.75));
      assertEquals(mse, h.history().get("val_loss").get(0), 1e-5 * Math.max(1, mse));
    }
  }
}
