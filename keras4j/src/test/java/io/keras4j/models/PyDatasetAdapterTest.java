package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.KerasTensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import io.keras4j.data.NDArray;
import io.keras4j.initializers.Ones;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GlobalAveragePooling1D;
import io.keras4j.layers.Input;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A streamed {@code Dataset} whose batches hold sequences of several lengths (bucketed by length), as Keras fits a
 * {@code PyDataset} of them: each length runs the functions traced for it, at any {@code steps_per_execution}.
 */
class PyDatasetAdapterTest {
  /** Batch i: {@code SIZES[i]} sequences of {@code LENGTHS[i]} steps of one feature. */
  private static final int[] LENGTHS = {3, 5, 5, 2};
  private static final int[] SIZES = {2, 3, 2, 4};

  private static float x(int batch, int sample, int step) {
    return 0.1f * (batch + 1) + 0.05f * sample - 0.02f * step;
  }

  private static float y(int batch, int sample) {
    return 0.3f - 0.1f * sample + 0.05f * batch;
  }

  private static final Dataset BY_LENGTH = new Dataset() {
    @Override
    public int length() {
      return LENGTHS.length;
    }

    @Override
    public Batch get(int index) {
      float[][][] xs = new float[SIZES[index]][LENGTHS[index]][1];
      float[][] ys = new float[SIZES[index]][1];
      for (int s = 0; s < SIZES[index]; s++) {
        for (int t = 0; t < LENGTHS[index]; t++) {
          xs[s][t][0] = x(index, s, t);
        }
        ys[s][0] = y(index, s);
      }
      return new Batch(List.of(NDArray.of(xs)), List.of(NDArray.of(ys)), null);
    }
  };

  /** The mean over steps of a sample: what GlobalAveragePooling1D gives the one-weight Dense. */
  private static double mean(int batch, int sample) {
    double sum = 0;
    for (int t = 0; t < LENGTHS[batch]; t++) {
      sum += x(batch, sample, t);
    }
    return sum / LENGTHS[batch];
  }

  /** mean(x) times w, no bias, the weight starting at 1: the weight after the given batches of SGD on mse, by hand. */
  private static double weightAfter(int epochs, double learningRate) {
    double w = 1;
    for (int e = 0; e < epochs; e++) {
      for (int b = 0; b < LENGTHS.length; b++) {
        double grad = 0; // d/dw of mean((w m - y)^2) = 2/n sum (w m - y) m
        for (int s = 0; s < SIZES[b]; s++) {
          grad += 2 * (w * mean(b, s) - y(b, s)) * mean(b, s) / SIZES[b];
        }
        w -= learningRate * grad;
      }
    }
    return w;
  }

  private static Model averager(int stepsPerExecution) {
    KerasTensor in = Input.of(-1, 1);
    KerasTensor pooled = new GlobalAveragePooling1D().apply(in);
    Model m = new Model(in, new Dense(1).useBias(false).kernelInitializer(new Ones()).apply(pooled));
    m.compile(new CompileOptions().optimizer(new SGD(0.5)).loss("mse").stepsPerExecution(stepsPerExecution));
    return m;
  }

  @Test
  void fitOnBatchesOfSeveralLengthsStepsAsByHand() {
    double expected = weightAfter(3, 0.5);
    for (int stepsPerExecution : new int[] {1, 2, 3, 4}) {
      try (Model m = averager(stepsPerExecution)) {
        m.fit(BY_LENGTH, new FitOptions().epochs(3).shuffle(false).verbose(0));
        float w = m.getWeights().get(0).toFloatArray()[0];
        assertEquals(expected, w, 1e-5, "steps_per_execution " + stepsPerExecution);
      }
    }
  }

  @Test
  void evaluateWeighsEachBatchLossBySize() {
    try (Model m = averager(1)) {
      double loss = 0; // the weight is still 1: the loss tracker's mean over samples of each batch's mean
      int n = 0;
      for (int b = 0; b < LENGTHS.length; b++) {
        for (int s = 0; s < SIZES[b]; s++) {
          loss += Math.pow(mean(b, s) - y(b, s), 2);
        }
        n += SIZES[b];
      }
      Map<String, Double> logs = m.evaluate(BY_LENGTH);
      assertEquals(loss / n, logs.get("loss"), 1e-6);
    }
  }

  /** Batches of two sequences of one feature, of these lengths. */
  private static Dataset ofLengths(int... lengths) {
    return new Dataset() {
      @Override
      public int length() {
        return lengths.length;
      }

      @Override
      public Batch get(int index) {
        return Batch.of(CustomStepTest.sequences(2, lengths[index]), new float[2][1]);
      }
    };
  }

  /**
   * Length 5 first comes alone in its call (after the 3 of its group of two), later two in a group: the fit's loop
   * runs calls of one step too, so 5 is traced once, not as a step and then as a loop; shuffled, likewise.
   */
  @Test
  void aLengthFirstSeenAloneIsTracedOnce() {
    Dataset lengths = ofLengths(3, 5, 2, 5, 5, 5);
    try (CustomStepTest.LengthWatcher m = CustomStepTest.LengthWatcher.build(2)) {
      m.fit(lengths, new FitOptions().epochs(2).shuffle(false).verbose(0));
      assertEquals(List.of(3L, 5L, 2L), m.traced);
    }
    try (CustomStepTest.LengthWatcher m = CustomStepTest.LengthWatcher.build(2)) {
      m.fit(lengths, new FitOptions().epochs(4).verbose(0));
      assertEquals(List.of(2L, 3L, 5L), m.traced.stream().sorted().toList(), m.traced.toString());
    }
  }

  /**
   * Lengths 3, 5, 5, 2 by two make the calls [3], [5], [5], [2]; by four, [3], [5 5], [2]: each length is traced once,
   * whatever the grouping.
   */
  @Test
  void eachLengthIsTracedOnceAtAnyStepsPerExecution() {
    for (int stepsPerExecution : new int[] {1, 2, 4}) {
      try (CustomStepTest.LengthWatcher m = CustomStepTest.LengthWatcher.build(stepsPerExecution)) {
        History h = m.fit(BY_LENGTH, new FitOptions().epochs(2).shuffle(false).verbose(0));
        assertEquals(List.of(2.0, 2.0), h.history().get("steps")); // the last batch's logs
        assertEquals(List.of(3L, 5L, 2L), m.traced, "steps_per_execution " + stepsPerExecution);
      }
    }
  }

  /** A dataset that records which batch each read was for. */
  private static final class Recorded extends Dataset {
    final List<Integer> reads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @Override
    public int length() {
      return 8;
    }

    @Override
    public Batch get(int index) {
      reads.add(index);
      return Batch.of(new float[][] {{index}}, new float[] {0});
    }
  }

  /** The batches each epoch read, the reads before the first step (the first batch, for its shapes) left out. */
  private static List<List<Integer>> epochs(Recorded data, int epochs) {
    List<Integer> steps = data.reads.subList(data.reads.size() - 8 * epochs, data.reads.size());
    List<List<Integer>> out = new java.util.ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      out.add(List.copyOf(steps.subList(8 * e, 8 * e + 8)));
    }
    return out;
  }

  private static Model dense() {
    KerasTensor in = Input.of(1);
    Model m = new Model(in, new Dense(1).apply(in));
    m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse"));
    return m;
  }

  /** As Keras shuffles a PyDataset's batch indices: every batch once per epoch, in an order drawn from the seed. */
  @Test
  void shuffleReadsEachEpochsBatchesInANewOrder() {
    List<List<Integer>> orders = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      io.keras4j.backend.Backend.setRandomSeed(7);
      Recorded data = new Recorded();
      try (Model m = dense()) {
        m.fit(data, new FitOptions().epochs(3).verbose(0));
      }
      List<List<Integer>> epochs = epochs(data, 3);
      for (List<Integer> epoch : epochs) {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), epoch.stream().sorted().toList(), epoch.toString());
      }
      assertEquals(3, new java.util.HashSet<>(epochs).size(), "a new order each epoch: " + epochs);
      orders.add(epochs.get(0));
    }
    assertEquals(orders.get(0), orders.get(1), "the same seed, the same order");
    Recorded data = new Recorded();
    try (Model m = dense()) {
      m.fit(data, new FitOptions().epochs(2).shuffle(false).verbose(0));
    }
    assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7), List.of(0, 1, 2, 3, 4, 5, 6, 7)), epochs(data, 2));
  }

  @Test
  void aGroupIsSplitWhereTheSampleShapeChanges() {
    PyDatasetAdapter adapter = new PyDatasetAdapter(BY_LENGTH, (x, y) -> { }, null, null);
    List<DataAdapter.Feeds> calls = adapter.trainFeeds(new int[] {0, 1, 2, 3});
    try {
      assertEquals(List.of(1, 2, 1), calls.stream().map(DataAdapter.Feeds::steps).toList());
      assertEquals(List.of(3L, 5L, 2L), calls.stream().map(c -> c.signature().xShapes().get(0).get(1)).toList());
      // the two batches of 5 steps in one feed: 3 + 2 samples, offsets 0 and 3
      assertEquals(5, calls.get(1).arrays().get(0).shape().get(0));
    } finally {
      calls.forEach(DataAdapter.Feeds::close);
    }
  }

  /** As Keras: validation_split splits arrays only, and a PyDataset's sample weights come in its batches. */
  @Test
  void optionsForArraysOnlyAreRefused() {
    try (Model m = averager(1)) {
      IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
          () -> m.fit(BY_LENGTH, new FitOptions().validationSplit(0.25).verbose(0)));
      assertEquals("validation_split is only supported for arrays; received a Dataset (validation_split=0.25). "
          + "Expected the validation batches as validation_data", split.getMessage());
      IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
          () -> m.fit(BY_LENGTH, new FitOptions().sampleWeight(new float[] {1, 1}).verbose(0)));
      assertEquals("sample_weight should not be passed with a Dataset. Expected the sample weights in its batches "
          + "(Dataset.Batch.sampleWeight)", weights.getMessage());
      assertEquals(1f, m.getWeights().get(0).toFloatArray()[0], "nothing trained");
    }
  }

  @Test
  void aBatchWithoutWeightsAfterWeightedOnesIsRefused() {
    Dataset mixed = new Dataset() {
      @Override
      public int length() {
        return 2;
      }

      @Override
      public Batch get(int index) {
        Batch b = BY_LENGTH.get(index);
        return new Batch(b.x(), b.y(), index == 0 ? new float[] {1, 1} : null);
      }
    };
    try (Model m = averager(1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.evaluate(mixed));
      assertEquals("Batch 1 of the dataset has no sample weights, but its first batch has some. Expected sample "
          + "weights in every batch or in none", e.getMessage());
    }
  }
}
