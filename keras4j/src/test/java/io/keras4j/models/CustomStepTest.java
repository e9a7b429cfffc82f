package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.GradientTape;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.MeanAbsoluteError;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Sum;
import io.keras4j.optimizers.Adam;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overridden train, test and predict steps, as Keras' guide "Customizing what happens in fit()" writes them. */
class CustomStepTest {
  static final int N = 16;

  static float[][] data(int n, int features, int seed) {
    java.util.Random r = new java.util.Random(seed);
    float[][] x = new float[n][features];
    for (float[] row : x) {
      for (int j = 0; j < features; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  /** The guide's model: its own train_step, written as Keras' default one. */
  static final class GuideModel extends Model {
    GuideModel(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    @Override
    protected Map<String, Tensor> trainStep(StepData data) {
      Tensor x = data.x();
      Tensor y = data.y();
      GradientTape tape = new GradientTape();
      Tensor yPred = apply(x, true);
      Tensor loss = computeLoss(x, y, yPred, data.sampleWeight());
      List<Variable> vars = trainableWeights();
      optimizer().applyGradients(tape.gradient(loss, vars), vars);
      for (Metric m : metrics()) {
        if (m.name().equals("loss")) {
          m.updateState(null, loss, null);
        } else {
          m.updateState(y, yPred, null);
        }
      }
      Map<String, Tensor> logs = new LinkedHashMap<>();
      for (Metric m : metrics()) {
        logs.put(m.name(), m.result());
      }
      return logs;
    }
  }

  private static Model build(boolean guide) {
    Backend.setRandomSeed(7);
    KerasTensor in = Input.of(3);
    KerasTensor h = new Dense(4).activation("tanh").apply(in);
    KerasTensor out = new Dense(1).apply(h);
    return guide ? new GuideModel(in, out) : new Model(in, out);
  }

  @Test
  void userWrittenDefaultTrainStepGivesFitsNumbers() {
    float[][] x = data(N, 3, 1);
    float[][] y = data(N, 1, 2);
    for (int stepsPerExecution : new int[] {1, 2}) {
      try (Model plain = build(false); Model guide = build(true)) {
        guide.setWeights(plain.getWeights());
        plain.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse").metrics(new MeanAbsoluteError()));
        guide.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse").metrics(new MeanAbsoluteError())
            .stepsPerExecution(stepsPerExecution));
        Backend.setRandomSeed(3);
        History a = plain.fit(x, y, new FitOptions().epochs(3).batchSize(4).verbose(0));
        Backend.setRandomSeed(3);
        History b = guide.fit(x, y, new FitOptions().epochs(3).batchSize(4).verbose(0));
        for (String key : List.of("loss", "mean_absolute_error")) {
          List<Double> ha = a.history().get(key);
          List<Double> hb = b.history().get(key);
          for (int e = 0; e < 3; e++) {
            assertEquals(ha.get(e), hb.get(e), 1e-6, key + " epoch " + e + " steps_per_execution " + stepsPerExecution);
          }
        }
        List<NDArray> wa = plain.getWeights();
        List<NDArray> wb = guide.getWeights();
        for (int i = 0; i < wa.size(); i++) {
          assertArrayEquals(wa.get(i).toFloatArray(), wb.get(i).toFloatArray(), 1e-6f, "weight " + i);
        }
      }
    }
  }

  /** Four samples of one feature and their classes, for the two-class models below. */
  static final float[][] X4 = {{0.5f}, {-1}, {2}, {0}};
  static final float[] Y4 = {0, 1, 1, 0};

  /** A softmax classifier of one Dense layer built by {@code make}, compiled with Adam at {@code spe}. */
  static <M extends Model> M classifier(java.util.function.BiFunction<KerasTensor, KerasTensor, M> make, int spe) {
    KerasTensor in = Input.of(1);
    M m = make.apply(in, new Dense(2).activation("softmax").apply(in));
    m.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("sparse_categorical_crossentropy")
        .stepsPerExecution(spe));
    return m;
  }

  /** A callback that runs {@code action} after every call of the train function (a nested call into the model). */
  static io.keras4j.callbacks.Callback afterEachTrainCall(Runnable action) {
    return new io.keras4j.callbacks.Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        action.run();
      }
    };
  }

  /** A model whose train and test steps note whether they were given sample weights (at trace time). */
  static final class WeightWatcher extends Model {
    final List<String> seen = new java.util.ArrayList<>();

    WeightWatcher(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    @Override
    protected Map<String, Tensor> trainStep(StepData data) {
      seen.add("train:" + (data.sampleWeight() == null ? "None" : "weights"));
      return super.trainStep(data);
    }

    @Override
    protected Map<String, Tensor> testStep(StepData data) {
      seen.add("test:" + (data.sampleWeight() == null ? "None" : "weights"));
      return super.testStep(data);
    }
  }

  /**
   * As Keras' {@code unpack_x_y_sample_weight}: sample_weight is None unless fit or evaluate got weights; each kind
   * of step is traced once and kept, as a tf.function keeps one trace per input signature.
   */
  @Test
  void stepsSeeNoSampleWeightsUnlessGivenSome() {
    float[][] x = X4;
    float[] y = Y4;
    for (int stepsPerExecution : new int[] {1, 2}) {
      try (WeightWatcher m = classifier(WeightWatcher::new, stepsPerExecution)) {
        m.fit(x, y, new FitOptions().batchSize(2).verbose(0));
        m.testOnBatch(x, y);
        m.fit(x, y, new FitOptions().batchSize(2).verbose(0).sampleWeight(new float[] {1, 2, 1, 2}));
        m.fit(x, y, new FitOptions().batchSize(2).verbose(0).classWeight(Map.of(0, 1.0, 1, 3.0)));
        m.evaluate(x, y, new float[] {1, 1, 0, 1}, 2);
        float[] validationWeights = {1, 1, 1, 4};
        History h = m.fit(x, y, new FitOptions().batchSize(2).verbose(0).validationData(x, y, validationWeights));
        double unweighted = m.evaluate(x, y, 2).get("loss");
        assertEquals(List.of("train:None", "test:None", "train:weights", "test:weights"), m.seen,
            "steps_per_execution " + stepsPerExecution);
        // the unweighted fit validated with its weighted validation data (the weights are unchanged since)
        double validated = h.history().get("val_loss").get(0);
        assertEquals(m.evaluate(x, y, validationWeights, 2).get("loss"), validated, 1e-6);
        assertNotEquals(unweighted, validated, 1e-3);
      }
    }
  }

  /** Sequences of 3 and 5 steps for a model whose input has a None time axis: x (n, steps, 1), y (n, 1). */
  static float[][][] sequences(int n, int steps) {
    float[][][] x = new float[n][steps][1];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < steps; t++) {
        x[i][t][0] = (i + 1) * 0.1f * (t % 2 == 0 ? 1 : -1);
      }
    }
    return x;
  }

  /**
   * A model over sequences of any length that notes the length each train step is traced for, and logs it as
   * "steps" (so a run of a function traced for another length shows in the logs).
   */
  static final class LengthWatcher extends Model {
    final List<Long> traced = new java.util.ArrayList<>();

    LengthWatcher(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    static LengthWatcher build(int stepsPerExecution) {
      KerasTensor in = Input.of(-1, 1);
      KerasTensor out = new Dense(1).apply(new io.keras4j.layers.GlobalAveragePooling1D().apply(in));
      LengthWatcher m = new LengthWatcher(in, out);
      m.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse").stepsPerExecution(stepsPerExecution));
      return m;
    }

    @Override
    protected Map<String, Tensor> trainStep(StepData data) {
      long steps = data.x().shape().get(1);
      traced.add(steps);
      Map<String, Tensor> logs = new LinkedHashMap<>(super.trainStep(data));
      logs.put("steps", Backend.ops().constant(steps));
      return logs;
    }
  }

  /**
   * Fits on sequences of 3, 5, 3, then 5 steps trace once per length and each runs its own length's function, as a
   * tf.function keeps a trace per signature.
   */
  @Test
  void eachSampleShapeIsTracedOnceAndKept() {
    float[][] y = new float[4][1];
    for (int stepsPerExecution : new int[] {1, 2}) {
      try (LengthWatcher m = LengthWatcher.build(stepsPerExecution)) {
        for (int steps : new int[] {3, 5, 3, 5}) {
          History h = m.fit(sequences(4, steps), y, new FitOptions().batchSize(2).verbose(0));
          assertEquals(List.of((double) steps), h.history().get("steps"));
        }
        assertEquals(List.of(3L, 5L), m.traced, "steps_per_execution " + stepsPerExecution);
      }
    }
  }

  /** A fit on sequences of 3 steps whose callback trains on one of 5 steps after each call (a nested call). */
  @Test
  void trainOnBatchOfAnotherShapeInsideAFit() {
    float[][] y = new float[4][1];
    for (int stepsPerExecution : new int[] {1, 2}) {
      try (LengthWatcher m = LengthWatcher.build(stepsPerExecution)) {
        List<Double> nested = new java.util.ArrayList<>();
        var inner = afterEachTrainCall(() -> nested.add(m.trainOnBatch(sequences(1, 5), new float[1][1])
            .get("steps")));
        History h = m.fit(sequences(4, 3), y, new FitOptions().batchSize(2).epochs(2).verbose(0).callbacks(inner));
        // the fit ran its own function after each nested call, and each call its own
        assertEquals(List.of(3.0, 3.0), h.history().get("steps"));
        assertEquals(java.util.Collections.nCopies(4 / stepsPerExecution, 5.0), nested);
        assertEquals(List.of(3L, 5L), m.traced, "steps_per_execution " + stepsPerExecution);
      }
    }
  }

  /** A weighted fit whose callback trains on a batch without weights in the middle of it (a nested call). */
  @Test
  void unweightedTrainOnBatchInsideAWeightedFit() {
    for (int stepsPerExecution : new int[] {1, 2}) {
      try (Model m = classifier(Model::new, stepsPerExecution)) {
        List<Double> nested = new java.util.ArrayList<>();
        var inner = afterEachTrainCall(() -> nested.add(m.trainOnBatch(new float[][] {{1}}, new float[] {1})
            .get("loss")));
        History h = m.fit(X4, Y4, new FitOptions().batchSize(2).epochs(2).verbose(0)
            .sampleWeight(new float[] {1, 2, 1, 2}).callbacks(inner));
        assertEquals(2, h.history().get("loss").size());
        // one per call of the weighted fit (a batch, or a group of 2), which went on after each
        assertEquals(4 / stepsPerExecution, nested.size(), "steps_per_execution " + stepsPerExecution);
      }
    }
  }

  /** A model whose step counts the samples (Sum) and averages x times the step number (Mean), training nothing. */
  static final class CountingModel extends Model {
    final Sum seen = new Sum().name("seen");
    final Mean scaled = new Mean("scaled_x");
    final Variable step = new Variable("step", Shape.scalar(), "float32", false, new float[] {0});

    CountingModel(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    @Override
    public List<Metric> metrics() {
      return List.of(seen, scaled);
    }

    @Override
    protected Map<String, Tensor> trainStep(StepData data) {
      Ops ops = Backend.ops();
      Tensor stepNumber = ops.assignAdd(step, ops.constant(1f));
      seen.updateState(null, ops.cast(ops.dimension(data.x(), 0), "float32"), null);
      scaled.updateState(null, ops.multiply(data.x(), stepNumber), null);
      return getMetricsResult();
    }
  }

  @Test
  void trackersAreResetEachEpochAndShownInHistoryAndProgressBar() {
    float[][] x = data(10, 2, 3);
    KerasTensor in = Input.of(2);
    try (CountingModel m = new CountingModel(in, new Dense(1).apply(in))) {
      m.compile(new CompileOptions());
      ByteArrayOutputStream bar = new ByteArrayOutputStream();
      PrintStream saved = System.out;
      History h;
      try {
        System.setOut(new PrintStream(bar, true, StandardCharsets.UTF_8));
        h = m.fit(x, null, new FitOptions().epochs(2).batchSize(4).shuffle(false).verbose(1));
      } finally {
        System.setOut(saved);
      }
      // batches of 4, 4 and 2 rows; steps 1, 2, 3 in the first epoch and 4, 5, 6 in the second
      int[][] batches = {{0, 4}, {4, 8}, {8, 10}};
      for (int epoch = 0; epoch < 2; epoch++) {
        double sum = 0;
        for (int b = 0; b < 3; b++) {
          int stepNumber = epoch * 3 + b + 1;
          for (int i = batches[b][0]; i < batches[b][1]; i++) {
            sum += stepNumber * ((double) x[i][0] + x[i][1]);
          }
        }
        assertEquals(10.0, h.history().get("seen").get(epoch), 1e-6, "samples seen in epoch " + epoch);
        assertEquals(sum / 20, h.history().get("scaled_x").get(epoch), 1e-5, "mean in epoch " + epoch);
      }
      String printed = bar.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("seen: 10") && printed.contains("scaled_x: "), printed);
    }
  }

  /** A model with its own test and predict steps. */
  static final class DoublingModel extends Model {
    final Mean error = new Mean("abs_error");

    DoublingModel(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    @Override
    public List<Metric> metrics() {
      return List.of(error);
    }

    @Override
    protected Map<String, Tensor> testStep(StepData data) {
      Ops ops = Backend.ops();
      Tensor yPred = apply(data.x(), false);
      error.updateState(null, ops.abs(ops.subtract(data.y(), yPred)), null);
      return Map.of("abs_error", error.result());
    }

    @Override
    protected List<Tensor> predictStep(StepData data) {
      Tensor y = apply(data.x(), false);
      return List.of(y, Backend.ops().multiply(y, 2f));
    }
  }

  @Test
  void testStepAndPredictStepCanBeOverridden() {
    KerasTensor in = Input.of(1);
    Dense dense = new Dense(1);
    try (DoublingModel m = new DoublingModel(in, dense.apply(in))) {
      dense.setWeights(List.of(new float[][] {{3}}, new float[] {1}));
      m.compile(new CompileOptions());
      float[][] x = {{1}, {2}, {-1}};
      float[][] y = {{4}, {6}, {0}}; // predictions 4, 7, -2: errors 0, 1, 2
      assertEquals(1.0, m.evaluate(x, y, 2).get("abs_error"), 1e-6);
      List<NDArray> p = m.predictOutputs(x);
      assertArrayEquals(new float[] {4, 7, -2}, p.get(0).toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {8, 14, -4}, p.get(1).toFloatArray(), 1e-6f);
    }
  }
}
