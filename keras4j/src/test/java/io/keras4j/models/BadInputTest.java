package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.callbacks.LambdaCallback;
import io.keras4j.layers.Dense;
import io.keras4j.losses.SparseCategoricalCrossentropy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What fit, evaluate and predict say about input they cannot use: each error is raised at the call, names what is
 * wrong, and leaves the model usable.
 */
class BadInputTest {
  private static final float[][] X = {{0.1f, 0.2f, 0.3f}, {0.4f, 0.5f, 0.6f}, {0.7f, 0.8f, 0.9f}, {1, 0, 1}};

  private static Sequential classifier(String loss) {
    Sequential m = new Sequential();
    m.add(new Dense(4).activation("relu").inputShape(3));
    m.add(new Dense(3).activation("softmax"));
    m.compile("sgd", loss);
    return m;
  }

  @Test
  void sparseLabelsOutsideTheClassesAreRefusedAsKerasOnTensorFlowDoes() {
    try (Sequential m = classifier("sparse_categorical_crossentropy")) {
      var e = assertThrows(IllegalArgumentException.class, () -> m.fit(X, new int[] {0, 1, 2, 3}, 1, 2));
      assertTrue(e.getMessage().contains("label value of 3 which is outside the valid range of [0, 3)"),
          e.getMessage());
      assertTrue(e.getMessage().contains("output 'dense_1'") || e.getMessage().contains("output '"), e.getMessage());
      var neg = assertThrows(IllegalArgumentException.class, () -> m.evaluate(X, new int[] {0, -1, 2, 1}));
      assertTrue(neg.getMessage().contains("label value of -1"), neg.getMessage());
      var frac = assertThrows(IllegalArgumentException.class, () -> m.fit(X, new float[] {0, 1.5f, 2, 1}, 1, 2));
      assertTrue(frac.getMessage().contains("label value of 1.5"), frac.getMessage());
      // the model still trains on valid labels after the refusals
      assertEquals(1, m.fit(X, new int[] {0, 1, 2, 1}, 1, 2).history().get("loss").size());
    }
  }

  @Test
  void theIgnoredClassMayLieOutsideTheRange() {
    try (Sequential m = classifier("sparse_categorical_crossentropy")) {
      m.compile("sgd", new SparseCategoricalCrossentropy().ignoreClass(-1));
      double loss = m.fit(X, new int[] {0, -1, 2, 1}, 1, 4).history().get("loss").get(0);
      assertTrue(Double.isFinite(loss));
    }
  }

  @Test
  void oneHotTargetsWithMoreClassesThanUnitsAreRefused() {
    try (Sequential m = classifier("categorical_crossentropy")) {
      var e = assertThrows(IllegalArgumentException.class, () -> m.fit(X, new float[4][4], 1, 2));
      assertTrue(e.getMessage().contains("target.shape=(None, 4), output.shape=(None, 3)"), e.getMessage());
    }
  }

  @Test
  void emptyNullAndRaggedInputsAreNamed() {
    try (Sequential m = classifier("sparse_categorical_crossentropy")) {
      var empty = assertThrows(IllegalArgumentException.class, () -> m.fit(new float[0][3], new int[0], 1, 2));
      assertTrue(empty.getMessage().contains("at least one sample"), empty.getMessage());
      var emptyPredict = assertThrows(IllegalArgumentException.class, () -> m.predict(new float[0][3]));
      assertTrue(emptyPredict.getMessage().contains("at least one sample"), emptyPredict.getMessage());

      float[][] nullRow = X.clone();
      nullRow[2] = null;
      var n = assertThrows(IllegalArgumentException.class, () -> m.fit(nullRow, new int[4], 1, 2));
      assertEquals("Invalid x data: Null element at index [2]; expected an array of length 3 there", n.getMessage());

      float[][] ragged = X.clone();
      ragged[1] = new float[] {1, 2};
      var r = assertThrows(IllegalArgumentException.class, () -> m.predict(ragged));
      assertTrue(r.getMessage().startsWith("Invalid x data: Ragged array: the element at index [1] has length 2 "
          + "where 3 was expected"), r.getMessage());

      var nullY = assertThrows(IllegalArgumentException.class, () -> m.evaluate(X, null));
      assertEquals("Invalid y data: Expected an array. Received: null", nullY.getMessage());
    }
  }

  @Test
  void nanInputsGiveNanOutputsThroughSmoothActivations() {
    float[][] x = {{Float.NaN, 1, 2}, {0.5f, 1, 2}};
    for (String activation : new String[] {"linear", "sigmoid", "tanh", "softmax", "elu"}) {
      try (Sequential m = new Sequential()) {
        m.add(new Dense(3).activation(activation).inputShape(3));
        float[][] p = m.predict(x).toFloat2D();
        for (float v : p[0]) {
          assertTrue(Float.isNaN(v), activation + ": the NaN row predicts " + v);
        }
        for (float v : p[1]) {
          assertTrue(Float.isFinite(v), activation + ": the finite row predicts " + v);
        }
      }
    }
  }

  @Test
  void aSecondConcurrentFitIsRefusedAndTheFirstLosesNoStep() throws Exception {
    try (Sequential m = classifier("sparse_categorical_crossentropy")) {
      int[] y = {0, 1, 2, 1};
      m.fit(X, y, 1, 2); // traces the step first
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      LambdaCallback hold = new LambdaCallback().onEpochBegin((epoch, logs) -> {
        inside.countDown();
        await(release);
      });
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread first = new Thread(() -> {
        try {
          m.fit(X, y, new FitOptions().epochs(3).batchSize(2).verbose(0).callbacks(hold));
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      first.start();
      assertTrue(inside.await(60, TimeUnit.SECONDS));
      var e = assertThrows(IllegalStateException.class, () -> m.fit(X, y, 1, 2));
      assertTrue(e.getMessage().contains("is already running `fit` on another thread"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> m.predict(X));
      release.countDown();
      first.join(120_000);
      assertEquals(null, failure.get());
      // 2 steps in the first fit, 3 epochs of 2 steps in the second: every step counted once
      assertEquals(8, m.optimizer().iterations());
      // the same thread may nest calls: a callback that predicts inside fit
      LambdaCallback nested = new LambdaCallback().onEpochEnd((epoch, logs) -> m.predict(X));
      m.fit(X, y, new FitOptions().epochs(1).batchSize(2).verbose(0).callbacks(nested));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
