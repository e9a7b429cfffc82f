package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras' {@code evaluate(steps=)}, {@code fit(validation_steps=, validation_batch_size=)}: the first batches only,
 * from the data's start each time, as Keras 3.15.1 reads them ({@code tools/keras-reference/epoch_steps.txt}); values
 * checked against the mean squared error worked out from the predictions.
 */
class EvaluateStepsTest {
  private static final float[][] X = FitLoopTest.X;
  private static final float[] Y = FitLoopTest.Y;

  /** The mean squared error of {@code m} over the first {@code samples} samples, in plain Java. */
  private static double mse(Model m, int samples) {
    return mse(m, 0, samples);
  }

  /** The mean squared error of {@code m} over samples {@code from} to {@code to} (exclusive), in plain Java. */
  private static double mse(Model m, int from, int to) {
    float[][] p = m.predict(X).toFloat2D();
    double sum = 0;
    for (int i = from; i < to; i++) {
      double d = p[i][0] - Y[i];
      sum += d * d;
    }
    return sum / (to - from);
  }

  /** A callback that lists the test batches it sees. */
  private static Callback counting(List<Integer> batches) {
    return new Callback() {
      @Override
      public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        batches.add(batch);
      }
    };
  }

  @Test
  void evaluateStepsTakesTheFirstBatches() {
    try (Sequential m = FitLoopTest.model(1)) {
      double first8 = mse(m, 8);
      assertEquals(first8, m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(2)).get("loss"), 1e-6);
      assertEquals(first8, m.evaluate(Dataset.fromArrays(X, Y, 4, false, null), new EvaluateOptions().steps(2))
          .get("loss"), 1e-6, "a Dataset's first two batches");
      // more steps than batches: every batch (Keras warns that the input ran out); 0 reads as every batch
      assertEquals(mse(m, 40), m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(25)).get("loss"), 1e-6);
      assertEquals(mse(m, 40), m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(0)).get("loss"), 1e-6);
    }
  }

  /**
   * As Keras 3.15.1: with steps and no batch size, array data is cut into batches of the samples over the steps
   * (steps=1: all 40 at once, not 32); steps=3 at steps_per_execution=2 read two whole calls, 4 batches.
   */
  @Test
  void stepsSetTheBatchSizeWhenNoneIsGivenAndReadWholeCalls() {
    try (Sequential m = FitLoopTest.model(1)) {
      assertEquals(mse(m, 40), m.evaluate(X, Y, new EvaluateOptions().steps(1)).get("loss"), 1e-6);
      List<Integer> batches = new ArrayList<>();
      double loss = m.evaluate(X, Y, new EvaluateOptions().batchSize(0).steps(3).callbacks(counting(batches)))
          .get("loss");
      // batch_size=0 reads as None: the 40 samples over 3 steps, 14 a batch (14, 14, 12); at 32 there would be 2
      assertEquals(List.of(0, 1, 2), batches);
      assertEquals(mse(m, 40), loss, 1e-6);
    }
    try (Sequential m = FitLoopTest.model(2)) {
      assertEquals(mse(m, 16), m.evaluate(X, Y, new EvaluateOptions().batchSize(4).steps(3)).get("loss"), 1e-6);
    }
    Sequential whole = FitLoopTest.model(1);
    whole.fit(X, Y, new FitOptions().epochs(1).batchSize(40).shuffle(false).verbose(0));
    Sequential oneStep = FitLoopTest.model(1);
    oneStep.fit(X, Y, new FitOptions().epochs(1).stepsPerEpoch(1).shuffle(false).verbose(0));
    FitLoopTest.assertSameWeights(whole, oneStep); // steps_per_epoch=1 and no batch_size: one batch of 40
    whole.close();
    oneStep.close();
  }

  /** As Keras: validation_split's samples take validation_batch_size and validation_steps too. */
  @Test
  void aValidationSplitTakesTheValidationBatchSizeAndSteps() {
    try (Sequential m = FitLoopTest.model(1)) {
      History h = m.fit(X, Y, new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0).validationSplit(0.5)
          .validationSteps(2).validationBatchSize(5));
      assertEquals(mse(m, 20, 30), h.history().get("val_loss").get(0), 1e-6, "2 batches of 5 from sample 20");
    }
    try (Sequential m = FitLoopTest.model(1)) { // no batch size at all: the 40 validation samples over 1 step
      History h = m.fit(X, Y, new FitOptions().epochs(1).shuffle(false).verbose(0).validationData(X, Y)
          .validationSteps(1));
      assertEquals(mse(m, 40), h.history().get("val_loss").get(0), 1e-6);
    }
  }

  /** As Keras resets its cached evaluation iterator before each validation: the same first batches each epoch. */
  @Test
  void validationStepsValidateOnTheFirstBatchesEachEpoch() {
    try (Sequential m = FitLoopTest.model(1)) {
      List<Integer> testBatches = new ArrayList<>();
      History h = m.fit(X, Y, new FitOptions().epochs(2).batchSize(4).shuffle(false).verbose(0)
          .validationData(X, Y).validationSteps(3).validationBatchSize(5).callbacks(counting(testBatches)));
      assertEquals(List.of(0, 1, 2, 0, 1, 2), testBatches);
      assertEquals(mse(m, 15), h.history().get("val_loss").get(1), 1e-6, "3 batches of 5: the first 15 samples");
    }
  }

  @Test
  void aValidationBatchSizeAloneSetsTheValidationBatches() {
    try (Sequential m = FitLoopTest.model(1)) {
      List<Integer> testBatches = new ArrayList<>();
      m.fit(X, Y, new FitOptions().epochs(1).batchSize(4).verbose(0).validationData(X, Y).validationBatchSize(16)
          .callbacks(counting(testBatches)));
      assertEquals(List.of(0, 1, 2), testBatches, "40 samples by 16");
    }
  }

  @Test
  void negativeCountsAreRefusedWithKerasNames() {
    assertEquals("steps must be a positive integer, 0 or null. Received: steps=-2", assertThrows(
        IllegalArgumentException.class, () -> new EvaluateOptions().steps(-2)).getMessage());
    assertEquals("validation_steps must be a positive integer, 0 or null. Received: validation_steps=-1",
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSteps(-1)).getMessage());
    assertEquals("validation_batch_size must be positive, 0 or null. Received: validation_batch_size=-3",
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationBatchSize(-3)).getMessage());
    assertEquals(null, new FitOptions().validationBatchSize(0).validationBatchSize, "0 reads as None, as in Keras");
  }
}
