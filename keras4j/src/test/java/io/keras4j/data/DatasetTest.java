package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on streamed batches: the same result as arrays, and data generated batch by batch. */
class DatasetTest {
  static float[][] x(int n) {
    Random r = new Random(3);
    float[][] x = new float[n][2];
    for (float[] row : x) {
      row[0] = (float) r.nextGaussian();
      row[1] = (float) r.nextGaussian();
    }
    return x;
  }

  static float[] y(float[][] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i][0] - x[i][1];
    }
    return y;
  }

  static Sequential model() {
    Backend.setRandomSeed(21);
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(2));
    m.compile("sgd", "mse");
    return m;
  }

  @Test
  void streamedBatchesTrainLikeArrays() {
    float[][] x = x(40);
    float[] y = y(x);
    Sequential a = model();
    a.fit(x, y, new FitOptions().epochs(3).batchSize(8).shuffle(false).verbose(0));
    Sequential b = model();
    b.fit(Dataset.fromArrays(x, y, 8, false, null), new FitOptions().epochs(3).shuffle(false).verbose(0));
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(a.getWeights().get(i).toFloatArray(), b.getWeights().get(i).toFloatArray(), 1e-6f);
    }
    assertEquals(a.evaluate(x, y).get("loss"), b.evaluate(Dataset.fromArrays(x, y, 8, false, null)).get("loss"), 1e-6);
  }

  @Test
  void generatedBatchesNeverHeldTogether() {
    Dataset generated = new Dataset() {
      @Override
      public int length() {
        return 50;
      }

      @Override
      public Batch get(int index) {
        float[][] x = x(16);
        return Batch.of(x, y(x));
      }
    };
    Sequential m = model();
    var h = m.fit(generated, new FitOptions().epochs(4).verbose(0).validationData(generated));
    List<Double> loss = h.get("loss");
    assertTrue(loss.get(3) < loss.get(0) && h.get("val_loss").get(3) < 0.05, h.history().toString());
  }
}
