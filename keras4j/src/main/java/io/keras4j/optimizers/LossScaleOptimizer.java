package io.keras4j.optimizers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import io.keras4j.saving.KerasObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic loss scaling around another optimizer: the loss is multiplied by a scale before the gradients are
 * taken, and the gradients divided by it. A step with a non-finite gradient is skipped and halves the scale;
 * {@code dynamic_growth_steps} finite steps in a row double it.
 *
 * <p>Keras equivalent: {@code keras.optimizers.LossScaleOptimizer(inner_optimizer, initial_scale=32768.0,
 * dynamic_growth_steps=2000)}. Its variables are its own (iteration, learning_rate, step_counter, dynamic_scale)
 * followed by the inner optimizer's, as Keras saves them. The keywords every other optimizer takes belong to the
 * inner optimizer here, and are refused as in Keras.
 * <pre>{@code new LossScaleOptimizer(new Adam(1e-3)).initialScale(1024)}</pre>
 */
public class LossScaleOptimizer extends BaseOptimizer<LossScaleOptimizer> {
  private static final Map<String, Object> INNER_KEYS = new LinkedHashMap<>();

  static {
    for (String key : new String[] {"weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
        "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps"}) {
      INNER_KEYS.put(key, null);
    }
    INNER_KEYS.put("use_ema", false);
    INNER_KEYS.put("ema_momentum", 0.99);
  }

  private final Optimizer inner;
  private double initialScale = 32768.0;
  private int dynamicGrowthSteps = 2000;
  private final Variable stepCounter = new Variable("step_counter", Shape.scalar(), false, new long[] {0});
  private Variable dynamicScale;
  private boolean tracked;

  /** Dynamic loss scaling around {@code innerOptimizer} (Keras' {@code inner_optimizer}). */
  public LossScaleOptimizer(Optimizer innerOptimizer) {
    super("loss_scale_optimizer", 0.0);
    if (innerOptimizer == null) {
      throw new IllegalArgumentException("LossScaleOptimizer needs an inner optimizer. Received: null");
    }
    this.inner = innerOptimizer;
    inner.options.lossScaleFactor = null; // as Keras: the gradients must not be unscaled twice
  }

  /** The wrapped optimizer (Keras' {@code inner_optimizer}). */
  public Optimizer innerOptimizer() {
    return inner;
  }

  /** Sets the starting loss scale (Keras' {@code initial_scale=}). Default 32768 (2^15). */
  public LossScaleOptimizer initialScale(double initialScale) {
    if (!(initialScale > 0) || Double.isInfinite(initialScale)) {
      throw new IllegalArgumentException("LossScaleOptimizer: `initial_scale` must be a positive finite number. "
          + "Received: initial_scale=" + initialScale);
    }
    if (dynamicScale != null) {
      throw new IllegalStateException("LossScaleOptimizer '" + name() + "' already uses its scale; set "
          + "`initial_scale` before the first step");
    }
    this.initialScale = initialScale;
    return this;
  }

  /** Sets how many finite steps in a row double the scale (Keras' {@code dynamic_growth_steps=}). Default 2000. */
  public LossScaleOptimizer dynamicGrowthSteps(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("LossScaleOptimizer: `dynamic_growth_steps` must be >= 1. Received: "
          + "dynamic_growth_steps=" + steps);
    }
    this.dynamicGrowthSteps = steps;
    return this;
  }

  private Variable scale() {
    if (dynamicScale == null) {
      dynamicScale = new Variable("dynamic_scale", Shape.scalar(), "float32", false,
          new float[] {(float) initialScale});
    }
    return dynamicScale;
  }

  /** The current loss scale (Keras' {@code dynamic_scale}). */
  public double dynamicScale() {
    return scale().floatValue()[0];
  }

  @Override
  public void build(List<Variable> vars) {
    if (!tracked) {
      track(stepCounter, "step_counter");
      track(scale(), "dynamic_scale");
      tracked = true;
    }
    inner.build(vars);
    super.build(vars);
  }

  /** Its own variables, then the inner optimizer's (Keras' {@code LossScaleOptimizer.variables}). */
  @Override
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>(super.variables());
    out.addAll(inner.variables());
    return List.copyOf(out);
  }

  /** The loss times the current scale (Keras' {@code scale_loss}). */
  @Override
  public Tensor scaleLoss(Ops ops, Tensor loss) {
    return ops.multiply(loss, ops.read(scale()));
  }

  /**
   * Unscales the gradients and applies them with the inner optimizer when all are finite; then updates the scale
   * (Keras' {@code LossScaleOptimizer.apply}).
   */
  @Override
  public List<Tensor> applyGradients(List<Tensor> gradients, List<Variable> vars) {
    Ops ops = Backend.ops();
    build(vars);
    Tensor finite = null;
    for (Tensor g : gradients) {
      if (g != null) {
        Tensor f = ops.equal(ops.min(ops.cast(ops.isFinite(g), "float32"), null, false), ops.constant(1f));
        finite = finite == null ? f : ops.logicalAnd(finite, f);
      }
    }
    if (finite == null) {
      return inner.applyGradients(gradients, vars);
    }
    Tensor scale = ops.read(scale());
    List<Tensor> unscaled = new ArrayList<>();
    for (Tensor g : gradients) {
      unscaled.add(g == null ? null : ops.divide(g, scale));
    }
    List<Tensor> updates = new ArrayList<>(inner.apply(ops, unscaled, vars, finite));
    Tensor counter = ops.read(stepCounter);
    Tensor zero = ops.zerosLike(counter);
    Tensor grow = ops.equal(counter, ops.cast(ops.constant((float) (dynamicGrowthSteps - 1)), "int64"));
    Tensor next = ops.add(counter, ops.cast(ops.constant(1f), "int64"));
    updates.add(ops.assign(stepCounter, ops.where(finite, ops.where(grow, zero, next), zero)));
    updates.add(ops.assign(scale(), ops.where(finite, ops.where(grow, ops.multiply(scale, 2f), scale),
        ops.multiply(scale, 0.5f))));
    return updates;
  }

  @Override
  protected Tensor updateStep(Ops ops, Tensor gradient, Variable var, Tensor value, Tensor lr) {
    throw new UnsupportedOperationException("LossScaleOptimizer updates through its inner optimizer");
  }

  /** The inner optimizer's update count (Keras' {@code iterations}). */
  @Override
  public long iterations() {
    return inner.iterations();
  }

  /** The inner optimizer's learning rate. */
  @Override
  public double learningRate() {
    return inner.learningRate();
  }

  /** Sets the inner optimizer's learning rate (Keras' {@code learning_rate} setter). */
  @Override
  public LossScaleOptimizer learningRate(double learningRate) {
    inner.learningRate(learningRate);
    return this;
  }

  @Override
  public void finalizeVariableValues(List<Variable> vars) {
    inner.finalizeVariableValues(vars);
  }

  private LossScaleOptimizer refuse(String key) {
    throw new IllegalArgumentException("LossScaleOptimizer does not support `" + key + "`. Instead, set `" + key
        + "` on the `inner_optimizer`.");
  }

  @Override
  public LossScaleOptimizer weightDecay(double weightDecay) {
    return refuse("weight_decay");
  }

  @Override
  public LossScaleOptimizer clipnorm(double clipnorm) {
    return refuse("clipnorm");
  }

  @Override
  public LossScaleOptimizer clipvalue(double clipvalue) {
    return refuse("clipvalue");
  }

  @Override
  public LossScaleOptimizer globalClipnorm(double globalClipnorm) {
    return refuse("global_clipnorm");
  }

  @Override
  public LossScaleOptimizer useEma(boolean useEma) {
    return refuse("use_ema");
  }

  @Override
  public LossScaleOptimizer emaMomentum(double emaMomentum) {
    return refuse("ema_momentum");
  }

  @Override
  public LossScaleOptimizer emaOverwriteFrequency(int steps) {
    return refuse("ema_overwrite_frequency");
  }

  @Override
  public LossScaleOptimizer lossScaleFactor(double factor) {
    return refuse("loss_scale_factor");
  }

  @Override
  public LossScaleOptimizer gradientAccumulationSteps(int steps) {
    return refuse("gradient_accumulation_steps");
  }

  /** Keras' config: only name, the serialized inner optimizer, initial_scale and dynamic_growth_steps. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name());
    c.put("inner_optimizer", KerasObjects.serialize(inner));
    c.put("initial_scale", initialScale);
    c.put("dynamic_growth_steps", dynamicGrowthSteps);
    return c;
  }

  /**
   * The LossScaleOptimizer of Keras' config (Keras' {@code LossScaleOptimizer.from_config}); the other optimizers'
   * keys are accepted at their defaults only, as Keras accepts them from older files.
   */
  public static LossScaleOptimizer fromConfig(Map<String, Object> config) {
    Config c = new Config("LossScaleOptimizer", config);
    if (!c.bool("dynamic", true)) {
      throw new IllegalArgumentException("LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply "
          + "set `loss_scale_factor` directly on the `inner_optimizer`.");
    }
    INNER_KEYS.forEach((key, dflt) -> {
      if (!c.asMap().containsKey(key)) {
        return;
      }
      Object v = c.get(key);
      boolean same = v == null ? dflt == null : dflt != null && (v instanceof Number n && dflt instanceof Number d
          ? n.doubleValue() == d.doubleValue() : v.equals(dflt));
      if (!same) {
        throw new IllegalArgumentException("LossScaleOptimizer does not support `" + key + "`. Instead, set `" + key
            + "` on the `inner_optimizer`. Received: " + key + "=" + v);
      }
    });
    LossScaleOptimizer o = new LossScaleOptimizer(Optimizers.get(c.map("inner_optimizer")))
        .initialScale(c.number("initial_scale", 32768.0))
        .dynamicGrowthSteps(c.integer("dynamic_growth_steps", 2000));
    return c.has("name") ? o.name(c.string("name", o.name())) : o;
  }
}
