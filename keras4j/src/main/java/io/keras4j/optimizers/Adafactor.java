package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * Adaptive steps with factored second moments: for a variable of rank 2 or more, only the row means {@code r} and
 * column means {@code c} of the squared gradients over the last two axes are kept.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Adafactor(learning_rate=0.001, beta_2_decay=-0.8,
 * epsilon_1=1e-30, epsilon_2=1e-3, clip_threshold=1.0, relative_step=True)}. Update at step t (from 1):
 * {@code rho = min(lr, 1/sqrt(t)); alpha = max(epsilon_2, rms(w)) * rho; G = g^2 + epsilon_1;
 * b = 1 - t^beta_2_decay}; rank >= 2: {@code r = b r + (1-b) mean(G, -1); c = b c + (1-b) mean(G, -2);
 * v = (r / mean(r, -1))[..., None] * c[..., None, :]}; else {@code v = b v + (1-b) G}; then
 * {@code u = g/sqrt(v); w -= alpha * u / max(1, rms(u)/clip_threshold)}.
 * <pre>{@code new Adafactor(1e-2).clipThreshold(0.5)}</pre>
 */
public class Adafactor extends BaseOptimizer<Adafactor> {
  private double beta2Decay = -0.8;
  private double epsilon1 = 1e-30;
  private double epsilon2 = 1e-3;
  private double clipThreshold = 1.0;
  private boolean relativeStep = true;

  /** Adafactor with Keras' defaults. */
  public Adafactor() {
    this(0.001);
  }

  /** Adafactor at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Adafactor(double learningRate) {
    super("adafactor", learningRate);
  }

  /** Adafactor whose learning rate follows {@code schedule}. */
  public Adafactor(LearningRateSchedule schedule) {
    super("adafactor", schedule);
  }

  /** Sets the exponent of the decay {@code 1 - t^beta_2_decay} (Keras' {@code beta_2_decay=}). Default -0.8. */
  public Adafactor beta2Decay(double beta2Decay) {
    this.beta2Decay = beta2Decay;
    return this;
  }

  /** Sets the epsilon added to the squared gradients (Keras' {@code epsilon_1=}). Default 1e-30. */
  public Adafactor epsilon1(double epsilon1) {
    this.epsilon1 = epsilon1;
    return this;
  }

  /** Sets the smallest scale of a step, relative to the variable's RMS (Keras' {@code epsilon_2=}). Default 1e-3. */
  public Adafactor epsilon2(double epsilon2) {
    this.epsilon2 = epsilon2;
    return this;
  }

  /** Sets the RMS above which an update is scaled down (Keras' {@code clip_threshold=}). Default 1.0. */
  public Adafactor clipThreshold(double clipThreshold) {
    this.clipThreshold = clipThreshold;
    return this;
  }

  /**
   * Caps a numeric learning rate at {@code 1/sqrt(t)} (Keras' {@code relative_step=}). Default true. Porting
   * note: as in Keras, the step uses {@code min(lr, 1/sqrt(t))} either way, so the value only travels in the config.
   */
  public Adafactor relativeStep(boolean relativeStep) {
    this.relativeStep = relativeStep;
    return this;
  }

  /**
   * Keras' order per variable: r, c (named after the variable, not its path), then the velocity. Porting note:
   * below rank 2 Keras keeps two unused int32 scalars for r and c; keras4j keeps them as int64 scalars.
   */
  @Override
  protected void buildSlots(Variable var) {
    long[] dims = var.shape().dims();
    if (dims.length < 2) {
      addSlot(var, "r", new Variable(var.name(), Shape.scalar(), false, new long[] {0}), var.name());
      addSlot(var, "c", new Variable(var.name(), Shape.scalar(), false, new long[] {0}), var.name());
    } else {
      Shape rShape = Shape.of(Arrays.copyOf(dims, dims.length - 1));
      long[] c = Arrays.copyOf(dims, dims.length - 1);
      c[c.length - 1] = dims[dims.length - 1];
      Shape cShape = Shape.of(c);
      addSlot(var, "r", new Variable(var.name(), rShape, "float32", false, new float[(int) rShape.size()]), var.name());
      addSlot(var, "c", new Variable(var.name(), cShape, "float32", false, new float[(int) cShape.size()]), var.name());
    }
    addSlot(var, "velocity");
  }

  private static Tensor rms(Ops ops, Tensor x) {
    return ops.sqrt(ops.mean(ops.square(x), null, false));
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor g, Variable var, Tensor value, Tensor lr) {
    Tensor step = ops.add(iterationsFloat(ops), 1f);
    Tensor inverseSqrtStep = ops.divide(ops.constant(1f), ops.sqrt(step));
    if (!hasSchedule() && relativeStep) {
      lr = ops.minimum(lr, inverseSqrtStep);
    }
    Tensor rho = ops.minimum(lr, inverseSqrtStep);
    Tensor alpha = ops.multiply(ops.maximum(rms(ops, value), (float) epsilon2), rho);
    Tensor squared = ops.add(ops.square(g), (float) epsilon1);
    Tensor b = ops.add(ops.negative(ops.pow(step, (float) beta2Decay)), 1f);
    Tensor oneMinusB = ops.add(ops.negative(b), 1f);
    Variable vv = slot(var, "velocity");
    Tensor v;
    if (var.shape().rank() >= 2) {
      Variable rv = slot(var, "r");
      Variable cv = slot(var, "c");
      Tensor r = ops.assign(rv, ops.add(ops.multiply(b, ops.read(rv)),
          ops.multiply(oneMinusB, ops.mean(squared, new int[] {-1}, false))));
      Tensor c = ops.assign(cv, ops.add(ops.multiply(b, ops.read(cv)),
          ops.multiply(oneMinusB, ops.mean(squared, new int[] {-2}, false))));
      Tensor rows = ops.expandDims(ops.divide(r, ops.mean(r, new int[] {-1}, true)), -1);
      v = ops.assign(vv, ops.multiply(rows, ops.expandDims(c, -2)));
    } else {
      v = ops.assign(vv, ops.add(ops.multiply(b, ops.read(vv)), ops.multiply(oneMinusB, squared)));
    }
    Tensor u = ops.divide(g, ops.sqrt(v));
    Tensor uHat = ops.divide(u, ops.maximum(ops.divide(rms(ops, u), ops.constant((float) clipThreshold)), 1f));
    return ops.subtract(value, ops.multiply(alpha, uHat));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_2_decay", beta2Decay);
    c.put("epsilon_1", epsilon1);
    c.put("epsilon_2", epsilon2);
    c.put("clip_threshold", clipThreshold);
    c.put("relative_step", relativeStep);
    return c;
  }

  /** The Adafactor of Keras' config (Keras' {@code Adafactor.from_config}). */
  public static Adafactor fromConfig(Map<String, Object> config) {
    Config c = new Config("Adafactor", config);
    return withBaseConfig(new Adafactor()
        .beta2Decay(c.number("beta_2_decay", -0.8))
        .epsilon1(c.number("epsilon_1", 1e-30))
        .epsilon2(c.number("epsilon_2", 1e-3))
        .clipThreshold(c.number("clip_threshold", 1.0))
        .relativeStep(c.bool("relative_step", true)), c);
  }
}
