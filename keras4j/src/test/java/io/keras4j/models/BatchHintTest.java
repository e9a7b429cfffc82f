package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.BatchHint;
import io.keras4j.layers.Dense;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Lambda;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * fit, evaluate, predict and the *_on_batch methods trace their functions with the batch size they run as the
 * {@link BatchHint}: their batch_size, at most the number of samples, or the rows of the one batch.
 */
class BatchHintTest {
  /** The hints a layer saw while {@code call} traced a fresh model's functions. */
  static Set<Integer> hintsSeen(Consumer<Sequential> call) {
    List<Integer> seen = new ArrayList<>();
    try (Sequential m = new Sequential(new InputLayer(2), new Lambda(x -> {
      seen.add(BatchHint.rows());
      return x;
    }), new Dense(2))) {
      m.compile(new CompileOptions().optimizer("sgd").loss("mse"));
      seen.clear(); // the layer's calls while the model was built
      call.accept(m);
    }
    assertFalse(seen.isEmpty(), "the call traced a function");
    return Set.copyOf(seen);
  }

  static float[][] rows(int n) {
    float[][] x = new float[n][2];
    for (int i = 0; i < n; i++) {
      x[i][0] = i;
      x[i][1] = -i;
    }
    return x;
  }

  @Test
  void eachCallHintsTheBatchItRuns() {
    assertEquals(Set.of(64), hintsSeen(m -> m.fit(rows(100), rows(100), new FitOptions().batchSize(64).verbose(0))));
    assertEquals(Set.of(20), hintsSeen(m -> m.fit(rows(20), rows(20), new FitOptions().batchSize(64).verbose(0))),
        "a batch size above the samples");
    assertEquals(Set.of(4), hintsSeen(m -> m.evaluate(rows(10), rows(10), 4)));
    assertEquals(Set.of(5), hintsSeen(m -> m.predict(rows(5))), "predict's default batch of 32, 5 samples");
    assertEquals(Set.of(7), hintsSeen(m -> m.trainOnBatch(rows(7), rows(7))));
    assertEquals(Set.of(3), hintsSeen(m -> m.testOnBatch(rows(3), rows(3))));
    assertEquals(Set.of(2), hintsSeen(m -> m.predictOnBatch(rows(2))));
    io.keras4j.data.Dataset batches = new io.keras4j.data.Dataset() {
      @Override
      public int length() {
        return 2;
      }

      @Override
      public Batch get(int index) {
        int n = index == 0 ? 6 : 4; // the first batch's rows are the hint
        return new Batch(List.of(io.keras4j.data.NDArray.of(rows(n))), List.of(io.keras4j.data.NDArray.of(rows(n))),
            null);
      }
    };
    assertEquals(Set.of(6), hintsSeen(m -> m.fit(batches, new FitOptions().verbose(0))), "a data set");
  }

  @Test
  void aHintHoldsInsideItsCallOnlyAndSurvivesAnException() {
    assertEquals(0, BatchHint.rows(), "no hint outside a call");
    int inner = BatchHint.with(64, () -> {
      int nested = BatchHint.with(8, BatchHint::rows);
      assertEquals(64, BatchHint.rows(), "restored after a nested hint");
      return nested;
    });
    assertEquals(8, inner);
    assertThrows(IllegalStateException.class, () -> BatchHint.with(16, () -> {
      throw new IllegalStateException("fails inside");
    }));
    assertEquals(0, BatchHint.rows(), "no hint left behind");
  }
}
