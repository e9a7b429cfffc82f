package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.keras4j.golden.Golden;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.SGD;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GANs two ways: Keras 3's recipe (a Model subclass with two optimizers and its own train_step, as the Keras
 * example "DCGAN overriding train_step") and the Keras 2 recipe (compile D, freeze it inside the combined model,
 * alternate train_on_batch).
 */
class GanTrainingTest {
  static final int LATENT = 3;

  static Model discriminator() {
    KerasTensor in = Input.of(2);
    KerasTensor h = new Dense(4).activation("tanh").apply(in);
    return new Model(in, new Dense(1).activation("sigmoid").apply(h)).name("discriminator");
  }

  static Model generator() {
    KerasTensor in = Input.of(LATENT);
    return new Model(in, new Dense(2).apply(in)).name("generator");
  }

  /** Keras' GAN example: two models, two optimizers, two loss trackers. */
  static final class Gan extends Model {
    final Model d;
    final Model g;
    Optimizer dOptimizer;
    Optimizer gOptimizer;
    Loss lossFn;
    final Mean dLossTracker = new Mean("d_loss");
    final Mean gLossTracker = new Mean("g_loss");

    /** With {@code latentFromData}, the latent vectors are the second input instead of random draws. */
    final boolean latentFromData;

    Gan(Model d, Model g) {
      this(d, g, false);
    }

    Gan(Model d, Model g, boolean latentFromData) {
      this.d = track(d);
      this.g = track(g);
      this.latentFromData = latentFromData;
      name("gan");
    }

    void compile(Optimizer dOptimizer, Optimizer gOptimizer, Loss lossFn) {
      compile(new CompileOptions());
      this.dOptimizer = dOptimizer;
      this.gOptimizer = gOptimizer;
      this.lossFn = lossFn;
    }

    @Override
    public List<Metric> metrics() {
      return List.of(dLossTracker, gLossTracker);
    }

    private Tensor latent(Ops ops, Tensor batch) {
      Tensor shape = ops.concatenate(List.of(ops.reshape(batch, 1), ops.constant(new int[] {LATENT}, Shape.of(1))), 0);
      return ops.randomNormal(shape, 0f, 1f, Backend.nextSeed());
    }

    @Override
    protected Map<String, Tensor> trainStep(StepData data) {
      Ops ops = Backend.ops();
      Tensor real = data.xs().get(0);
      Tensor batch = ops.dimension(real, 0);
      Tensor column = ops.concatenate(List.of(ops.reshape(batch, 1), ops.constant(new int[] {1}, Shape.of(1))), 0);
      // the discriminator: generated samples labelled 1, real ones 0
      Tensor fake = g.apply(latentFromData ? data.xs().get(1) : latent(ops, batch), false);
      Tensor combined = ops.concatenate(List.of(fake, real), 0);
      Tensor labels = ops.concatenate(List.of(ops.fill(column, 1f), ops.fill(column, 0f)), 0);
      Tensor dLoss = lossFn.apply(labels, d.apply(combined, true), null);
      List<Variable> dVars = d.trainableWeights();
      dOptimizer.applyGradients(new GradientTape().gradient(dLoss, dVars), dVars);
      // the generator, through the updated discriminator: "all real" labels
      Tensor z = latentFromData ? data.xs().get(1) : latent(ops, batch);
      Tensor gLoss = lossFn.apply(ops.fill(column, 0f), d.apply(g.apply(z, true), false), null);
      List<Variable> gVars = g.trainableWeights();
      gOptimizer.applyGradients(new GradientTape().gradient(gLoss, gVars), gVars);
      dLossTracker.updateState(null, dLoss, null);
      gLossTracker.updateState(null, gLoss, null);
      Map<String, Tensor> logs = new LinkedHashMap<>();
      logs.put("d_loss", dLossTracker.result());
      logs.put("g_loss", gLossTracker.result());
      return logs;
    }
  }

  @Test
  void subclassWithTwoOptimizersTrainsEachModelWithItsOwn() {
    Backend.setRandomSeed(5);
    float[][] real = CustomStepTest.data(32, 2, 9);
    Model d = discriminator();
    Model g = generator();
    List<NDArray> d0 = d.getWeights();
    List<NDArray> g0 = g.getWeights();
    try (Gan gan = new Gan(d, g)) {
      Adam dOpt = new Adam(1e-3);
      Adam gOpt = new Adam(1e-3);
      dOpt.name("d_optimizer");
      gOpt.name("g_optimizer");
      gan.compile(dOpt, gOpt, new BinaryCrossentropy());
      History h = gan.fit(real, null, new FitOptions().epochs(2).batchSize(8).verbose(0));
      assertEquals(List.of("d_loss", "g_loss"), List.copyOf(h.history().keySet()));
      assertEquals(List.of("d_loss", "g_loss"), gan.metricsNames(), "Keras' [m.name for m in self.metrics]");
      for (String key : h.history().keySet()) {
        h.history().get(key).forEach(v -> assertTrue(v > 0 && v < 5, key + "=" + v));
      }
      assertEquals(8, dOpt.iterations(), "two epochs of four batches");
      assertEquals(8, gOpt.iterations());
      assertEquals(0, gan.optimizer().iterations(), "the compiled optimizer is not used");
      // Adam's iteration, learning rate, then two slots per variable of its own model only
      assertEquals(2 + 2 * d.trainableWeights().size(), dOpt.variables().size());
      assertEquals(2 + 2 * g.trainableWeights().size(), gOpt.variables().size());
      assertTrue(dOpt.variables().get(2).path().startsWith("d_optimizer/" + d.layers().get(1).name()),
          dOpt.variables().get(2).path());
      assertTrue(gOpt.variables().get(2).path().startsWith("g_optimizer/" + g.layers().get(1).name()),
          gOpt.variables().get(2).path());
      assertChanged(d0, d.getWeights(), true, "discriminator");
      assertChanged(g0, g.getWeights(), true, "generator");
      assertEquals(d.trainableWeights().size() + g.trainableWeights().size(), gan.trainableWeights().size(),
          "the GAN tracks both models' weights");
    }
  }

  /**
   * The same GAN step as Keras' (tools/keras-reference/custom_train_step_gan.py): fixed weights and latent vectors,
   * SGD for D and Adam for G; the History and the final weights equal Keras 3.15.1's, which needs the generator's
   * step to run through the discriminator updated just before, as Keras' automatic control dependencies order it.
   */
  @Test
  void matchesKerasCustomTrainStep() throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode ref;
    try (java.io.InputStream in = getClass().getResourceAsStream("/io/keras4j/models/custom_train_step_gan.json")) {
      ref = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    Model d = new Sequential(new Dense(1).activation("sigmoid").inputDim(2));
    Model g = new Sequential(new Dense(2).inputDim(LATENT));
    d.setWeights(weights(ref.get("d_initial")));
    g.setWeights(weights(ref.get("g_initial")));
    try (Gan gan = new Gan(d, g, true)) {
      gan.compile(new SGD(0.5), new Adam(0.05), new BinaryCrossentropy());
      History h = gan.fit(List.of(nested(ref.get("real")), nested(ref.get("z"))), null,
          new FitOptions().epochs(2).batchSize(4).shuffle(false).verbose(0));
      for (String key : List.of("d_loss", "g_loss")) {
        float[] expected = Golden.flatFloats(ref.get("history").get(key));
        for (int e = 0; e < 2; e++) {
          assertEquals(expected[e], h.history().get(key).get(e), 1e-5, key + " epoch " + e);
        }
      }
      assertWeights(ref.get("d_final"), d.getWeights(), "discriminator");
      assertWeights(ref.get("g_final"), g.getWeights(), "generator");
    }
  }

  private static List<NDArray> weights(com.fasterxml.jackson.databind.JsonNode list) {
    List<NDArray> out = new java.util.ArrayList<>();
    list.forEach(w -> out.add(NDArray.of(nested(w))));
    return out;
  }

  /** A JSON array of numbers or of arrays of numbers as float[] or float[][]. */
  private static Object nested(com.fasterxml.jackson.databind.JsonNode node) {
    try {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      Class<?> type = node.get(0).isArray() ? float[][].class : float[].class;
      return mapper.treeToValue(node, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void assertWeights(com.fasterxml.jackson.databind.JsonNode expected, List<NDArray> actual,
      String what) {
    for (int i = 0; i < actual.size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(Golden.flatFloats(expected.get(i)),
          actual.get(i).toFloatArray(), 1e-5f, what + " weight " + i);
    }
  }

  static void assertChanged(List<NDArray> before, List<NDArray> after, boolean changed, String what) {
    boolean any = false;
    for (int i = 0; i < before.size(); i++) {
      float[] a = before.get(i).toFloatArray();
      float[] b = after.get(i).toFloatArray();
      for (int j = 0; j < a.length; j++) {
        any |= a[j] != b[j];
      }
    }
    assertEquals(changed, any, what + (changed ? " should have changed" : " should not have changed"));
  }

  /**
   * The Keras 2 recipe, with Keras 3's rule (measured on Keras 3.15.1, TensorFlow backend): the trainable weights
   * are those at the first trace of a model's train function after compile. D trained once before it is frozen keeps
   * training in its own train_on_batch; the combined model, compiled with D frozen, trains only G.
   */
  @Test
  void frozenDiscriminatorInsideCombinedModelOnlyTrainsInItsOwnSteps() {
    Backend.setRandomSeed(6);
    Model d = discriminator();
    Model g = generator();
    d.compile(new SGD(0.1), "binary_crossentropy");
    float[][] real = CustomStepTest.data(8, 2, 1);
    float[][] z = CustomStepTest.data(8, LATENT, 2);
    float[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
    float[] zeros = new float[8];
    d.trainOnBatch(real, zeros);
    d.trainable(false);
    KerasTensor in = Input.of(LATENT);
    try (Model combined = new Model(in, d.apply(g.apply(in)))) {
      combined.compile(new SGD(0.1), "binary_crossentropy");
      for (int round = 0; round < 2; round++) {
        List<NDArray> dBefore = d.getWeights();
        List<NDArray> gBefore = g.getWeights();
        combined.trainOnBatch(z, zeros);
        assertChanged(dBefore, d.getWeights(), false, "D in the combined model's step, round " + round);
        assertChanged(gBefore, g.getWeights(), true, "G in the combined model's step, round " + round);
        dBefore = d.getWeights();
        d.trainOnBatch(g.predict(z), ones);
        assertChanged(dBefore, d.getWeights(), true, "D in its own step, round " + round);
      }
    } finally {
      d.close();
    }
  }

  /** As Keras 3: a model frozen before its first train step does not train until it is compiled again. */
  @Test
  void trainableIsReadWhenTheTrainFunctionIsTracedAndCompileAgainAppliesAChange() {
    Backend.setRandomSeed(8);
    float[][] x = CustomStepTest.data(4, 2, 3);
    float[] y = {1, 0, 1, 0};
    try (Model d = discriminator()) {
      d.compile(new SGD(0.1), "binary_crossentropy");
      d.trainable(false);
      List<NDArray> before = d.getWeights();
      d.trainOnBatch(x, y);
      assertChanged(before, d.getWeights(), false, "frozen at the first trace");
      d.trainable(true);
      d.trainOnBatch(x, y);
      assertChanged(before, d.getWeights(), false, "unfrozen but not compiled again");
      d.compile(new SGD(0.1), "binary_crossentropy");
      d.trainOnBatch(x, y);
      assertChanged(before, d.getWeights(), true, "compiled again");
    }
  }

  @Test
  void generatorStepSeesTheDiscriminatorJustUpdated() {
    // one variable w, SGD(1): step 1 minimises w (grad 1), step 2 reads w again in the same trace
    Variable w = new Variable("w", Shape.scalar(), "float32", true, new float[] {5});
    SGD sgd = new SGD(1.0);
    try (KerasFunction f = KerasFunction.of(in -> {
      Ops ops = Backend.ops();
      Tensor loss = ops.read(w);
      sgd.applyGradients(new GradientTape().gradient(loss, List.of(w)), List.of(w));
      return List.of(ops.multiply(ops.read(w), 1f));
    })) {
      assertEquals(4f, f.call(NDArray.scalar(0)).get(0).getFloat(), 1e-6f);
      assertEquals(3f, f.call(NDArray.scalar(0)).get(0).getFloat(), 1e-6f);
      assertEquals(3f, w.floatValue()[0], 1e-6f);
    }
  }
}
