package io.keras4j.optimizers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.optimizers.schedules.LearningRateSchedules;
import io.keras4j.saving.Config;
import io.keras4j.saving.KerasObjects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of every optimizer: learning rate (a variable or a schedule), gradient clipping, decoupled weight
 * decay, per-variable slots, and the iteration count.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Optimizer(learning_rate, weight_decay=None, clipnorm=None,
 * clipvalue=None, global_clipnorm=None, use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
 * loss_scale_factor=None, gradient_accumulation_steps=None, name)}. Concrete optimizers extend
 * {@link BaseOptimizer}, whose setters return the concrete class. Subclasses give Keras 3's {@code update_step} as
 * {@link #updateStep}, which returns the variable's new value. The learning rate lives in a variable, so
 * {@link #learningRate(double)} takes effect at the next step without rebuilding anything.
 */
public abstract class Optimizer implements io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.optimizers"}. */
  @Override
  public String kerasModule() {
    return "keras.optimizers";
  }

  private String name;
  private final Variable iterations;
  private final Variable learningRateVar;
  private LearningRateSchedule schedule;
  private Double weightDecay;
  private Double clipnorm;
  private Double clipvalue;
  private Double globalClipnorm;
  private double emaMomentum = 0.99;
  private Integer emaOverwriteFrequency;
  private final Map<Variable, String> ownNames = new IdentityHashMap<>();
  private final Set<String> excludedFromDecay = new HashSet<>();
  private final List<Variable> variables = new ArrayList<>();
  private final Map<Variable, Map<String, Variable>> slots = new IdentityHashMap<>();

  /** An optimizer named {@code name} (Keras' default name of the class) at {@code learningRate}. */
  protected Optimizer(String name, Object learningRate) {
    this.name = name;
    this.iterations = new Variable("iterations", Shape.scalar(), false, new long[] {0});
    this.learningRateVar = new Variable("learning_rate", Shape.scalar(), "float32", false, new float[] {0f});
    own(iterations, "iterations");
    own(learningRateVar, "learning_rate");
    setLearningRate(learningRate);
  }

  /** Adds an optimizer-wide variable whose path is {@code <name>/<suffix>}. */
  private Variable own(Variable v, String suffix) {
    v.path(name + "/" + suffix);
    ownNames.put(v, suffix);
    variables.add(v);
    return v;
  }

  private void setLearningRate(Object lr) {
    if (lr instanceof LearningRateSchedule s) {
      this.schedule = s;
    } else if (lr instanceof Number n) {
      if (!(n.doubleValue() >= 0)) {
        throw new IllegalArgumentException("Argument `learning_rate` must be a non-negative number. Received: "
            + "learning_rate=" + n);
      }
      this.schedule = null;
      learningRateVar.assign(new float[] {n.floatValue()});
    } else {
      throw new IllegalArgumentException("Argument `learning_rate` should be a number or a LearningRateSchedule. "
          + "Received: learning_rate=" + lr);
    }
  }

  public String name() {
    return name;
  }

  /** Sets the name, the prefix of the optimizer's variables (Keras' {@code name=}). Default: the class' name. */
  public Optimizer name(String name) {
    checkNotBuilt("name");
    this.name = name;
    ownNames.forEach((v, suffix) -> v.path(name + "/" + suffix));
    return this;
  }

  /** The current learning rate (the schedule's value at the current iteration when a schedule is set). */
  public double learningRate() {
    if (schedule != null) {
      return schedule.value(iterations());
    }
    return learningRateVar.floatValue()[0];
  }

  /** Sets the learning rate, taking effect at the next step (Keras' {@code learning_rate=}). */
  public Optimizer learningRate(double learningRate) {
    setLearningRate(learningRate);
    return this;
  }

  /** Makes the learning rate follow {@code schedule}, a function of the step (Keras' {@code learning_rate=}). */
  public Optimizer learningRate(LearningRateSchedule schedule) {
    setLearningRate(schedule);
    return this;
  }

  /** The schedule the learning rate follows, or null when it is a number. */
  public LearningRateSchedule schedule() {
    return schedule;
  }

  /** True when the learning rate follows a schedule. */
  public boolean hasSchedule() {
    return schedule != null;
  }

  /** The number of steps applied so far (Keras' {@code optimizer.iterations}). */
  public long iterations() {
    return iterations.longValue()[0];
  }

  /**
   * Sets decoupled weight decay, {@code w -= w * weight_decay * lr} each step (Keras' {@code weight_decay=}).
   * Default none.
   */
  public Optimizer weightDecay(double weightDecay) {
    this.weightDecay = weightDecay;
    return this;
  }

  /**
   * Sets each gradient's maximum norm (Keras' {@code clipnorm=}). Default none. Only one of {@code clipnorm},
   * {@code clipvalue} and {@code global_clipnorm} may be set, as in Keras.
   */
  public Optimizer clipnorm(double clipnorm) {
    checkOneClip(clipnorm, clipvalue, globalClipnorm);
    this.clipnorm = clipnorm;
    return this;
  }

  /** Sets each gradient element's maximum absolute value (Keras' {@code clipvalue=}). Default none. */
  public Optimizer clipvalue(double clipvalue) {
    checkOneClip(clipnorm, clipvalue, globalClipnorm);
    this.clipvalue = clipvalue;
    return this;
  }

  /** Sets the maximum norm of all gradients together (Keras' {@code global_clipnorm=}). Default none. */
  public Optimizer globalClipnorm(double globalClipnorm) {
    checkOneClip(clipnorm, clipvalue, globalClipnorm);
    this.globalClipnorm = globalClipnorm;
    return this;
  }

  private void checkOneClip(Double clipnorm, Double clipvalue, Double globalClipnorm) {
    long set = java.util.stream.Stream.of(clipnorm, clipvalue, globalClipnorm).filter(v -> v != null).count();
    if (set > 1) {
      throw new IllegalArgumentException("Optimizer '" + name + "': only one of `clipnorm`, `clipvalue` and "
          + "`global_clipnorm` can be set. Received: clipnorm=" + clipnorm + ", clipvalue=" + clipvalue
          + ", global_clipnorm=" + globalClipnorm);
    }
  }

  /** Throws when the optimizer's variables exist already: {@code argument} changes which ones it needs. */
  protected final void checkNotBuilt(String argument) {
    if (!slots.isEmpty()) {
      throw new IllegalStateException("Optimizer '" + name + "' is already built; set `" + argument
          + "` before its first step");
    }
  }

  /**
   * Sets the momentum of the weights' moving average (Keras' {@code ema_momentum=}). Default 0.99. Porting note:
   * keras4j keeps no moving average ({@code use_ema=True} is refused), so the value is only carried in the config.
   */
  public Optimizer emaMomentum(double emaMomentum) {
    if (!(emaMomentum >= 0 && emaMomentum <= 1)) {
      throw new IllegalArgumentException("`ema_momentum` must be in the range [0, 1]. Received: ema_momentum="
          + emaMomentum);
    }
    this.emaMomentum = emaMomentum;
    return this;
  }

  /**
   * Sets how often the moving average overwrites the weights (Keras' {@code ema_overwrite_frequency=}). Default
   * none. Porting note: carried in the config only, as for {@link #emaMomentum}.
   */
  public Optimizer emaOverwriteFrequency(int steps) {
    this.emaOverwriteFrequency = steps;
    return this;
  }

  /**
   * Excludes from weight decay the variables whose name (such as "bias", not the layer's path) matches any of the
   * regular expressions {@code names} (Keras' {@code exclude_from_weight_decay(var_names=)}). Default: none excluded.
   */
  public Optimizer excludeFromWeightDecay(String... names) {
    checkNotBuilt("exclude_from_weight_decay");
    excludedFromDecay.addAll(List.of(names));
    return this;
  }

  /**
   * The optimizer's own variables, in Keras' order (Keras' {@code optimizer.variables}): iterations, the learning
   * rate unless a schedule gives it (Keras keeps no variable then), and every slot.
   */
  public List<Variable> variables() {
    if (schedule == null) {
      return List.copyOf(variables);
    }
    List<Variable> out = new ArrayList<>(variables);
    out.remove(learningRateVar);
    return List.copyOf(out);
  }

  /** Creates the slots of {@code vars} (Keras' {@code build}); called once per variable. */
  protected abstract void buildSlots(Variable var);

  /** Creates a zero slot shaped like {@code reference} (Keras' {@code add_variable_from_reference}). */
  protected Variable addSlot(Variable reference, String slotName) {
    return addSlot(reference, slotName, 0f);
  }

  /** Creates a slot shaped like {@code reference} filled with {@code initial}. */
  protected Variable addSlot(Variable reference, String slotName, float initial) {
    float[] v = new float[(int) reference.shape().size()];
    java.util.Arrays.fill(v, initial);
    Variable s = new Variable(slotName, reference.shape(), "float32", false, v);
    s.path(name + "/" + reference.path().replace('/', '_') + "_" + slotName);
    slots.computeIfAbsent(reference, k -> new LinkedHashMap<>()).put(slotName, s);
    variables.add(s);
    return s;
  }

  /** Creates an optimizer-wide scalar variable. */
  protected Variable addScalar(String varName, float initial) {
    return own(new Variable(varName, Shape.scalar(), "float32", false, new float[] {initial}), varName);
  }

  /** Slot {@code slotName} of {@code var}. */
  protected Variable slot(Variable var, String slotName) {
    return slots.get(var).get(slotName);
  }

  /**
   * The new value of {@code var}, given its current value, its gradient and the learning rate; assigns the slots
   * with {@code ops.assign} (Keras 3's {@code update_step}).
   */
  protected abstract Tensor updateStep(Ops ops, Tensor gradient, Variable var, Tensor value, Tensor lr);

  /** Runs once per step before the per-variable updates (Keras' {@code _backend_update_step} hook). */
  protected void beforeUpdates(Ops ops) {}

  /** The step count as float32, before this step's increment. */
  protected Tensor iterationsFloat(Ops ops) {
    return ops.cast(ops.read(iterations), "float32");
  }

  /** Creates the slots of {@code vars} now (Keras' {@code optimizer.build(var_list)}), e.g. to restore them. */
  public void build(List<Variable> vars) {
    for (Variable v : vars) {
      if (!slots.containsKey(v)) {
        slots.put(v, new LinkedHashMap<>());
        buildSlots(v);
      }
    }
  }

  /**
   * Adds the update of every variable to the graph being traced (Keras' {@code apply_gradients}); returns the
   * update tensors. Variables with a null gradient are skipped.
   */
  public List<Tensor> applyGradients(List<Tensor> gradients, List<Variable> vars) {
    Ops ops = Backend.ops();
    build(vars);
    List<Tensor> grads = GradientClipping.clip(ops, gradients, clipnorm, globalClipnorm, clipvalue);
    Tensor lr = schedule != null ? schedule.call(iterationsFloat(ops)) : ops.read(learningRateVar);
    beforeUpdates(ops);
    List<Tensor> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Tensor g = grads.get(i);
      if (g == null) {
        continue;
      }
      Variable v = vars.get(i);
      Tensor fused = fusable(v, g, lr) ? fusedStep(ops, g, v, lr) : null;
      if (fused != null) {
        updates.add(fused);
        continue;
      }
      Tensor value = ops.read(v);
      if (weightDecay != null && weightDecay > 0 && !excluded(v)) {
        value = ops.subtract(value, ops.multiply(ops.multiply(value, lr), weightDecay.floatValue()));
      }
      value = updateStep(ops, g, v, value, lr);
      if (v.constraint() != null) {
        value = v.constraint().apply(value);
      }
      updates.add(ops.assign(v, value));
    }
    Tensor one = ops.withDependencies(updates, ops.cast(ops.constant(1f), "int64"));
    updates.add(ops.assignAdd(iterations, one));
    return updates;
  }

  /**
   * Whether {@code v}'s step may run as one fused TensorFlow kernel: float32, no weight decay, no constraint.
   */
  private boolean fusable(Variable v, Tensor g, Tensor lr) {
    boolean decays = weightDecay != null && weightDecay > 0 && !excluded(v);
    return !decays && v.constraint() == null && "float32".equals(v.dtype()) && "float32".equals(g.dtype())
        && "float32".equals(lr.dtype());
  }

  /**
   * The same step as {@link #updateStep} done by one fused TensorFlow kernel, returning the variable's new value,
   * or null where this optimizer has none (then {@link #updateStep} is used). The numbers are Keras' either way;
   * the fused kernel saves the memory passes of a dozen elementwise ops per variable.
   */
  protected Tensor fusedStep(Ops ops, Tensor gradient, Variable var, Tensor lr) {
    return null;
  }

  private boolean excluded(Variable v) {
    return !excludedFromDecay.isEmpty()
        && java.util.regex.Pattern.compile(String.join("|", excludedFromDecay)).matcher(v.name()).find();
  }

  /**
   * Keras' config: the ten keys every Keras optimizer writes, then the subclass' keyword arguments. A schedule is
   * written in {@code learning_rate} as a serialized Keras object.
   */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("learning_rate", schedule != null ? KerasObjects.serialize(schedule) : (Object) learningRate());
    c.put("weight_decay", weightDecay);
    c.put("clipnorm", clipnorm);
    c.put("global_clipnorm", globalClipnorm);
    c.put("clipvalue", clipvalue);
    c.put("use_ema", false);
    c.put("ema_momentum", emaMomentum);
    c.put("ema_overwrite_frequency", emaOverwriteFrequency);
    c.put("loss_scale_factor", null);
    c.put("gradient_accumulation_steps", null);
    return c;
  }

  /**
   * Reads the keys every optimizer shares into {@code o} (the end of each subclass' {@code fromConfig}).
   *
   * @throws IllegalArgumentException for {@code use_ema=True}, a {@code loss_scale_factor} or
   *     {@code gradient_accumulation_steps}, which keras4j does not implement
   */
  protected static <T extends Optimizer> T withBaseConfig(T o, Config c) {
    if (c.has("name")) {
      o.name(c.string("name", o.name()));
    }
    Object lr = c.get("learning_rate");
    if (lr instanceof Map<?, ?> m) {
      o.learningRate(LearningRateSchedules.get(m));
    } else if (lr != null) {
      o.learningRate(c.number("learning_rate", 0));
    }
    if (c.has("weight_decay")) {
      o.weightDecay(c.number("weight_decay", 0));
    }
    if (c.has("clipnorm")) {
      o.clipnorm(c.number("clipnorm", 0));
    }
    if (c.has("global_clipnorm")) {
      o.globalClipnorm(c.number("global_clipnorm", 0));
    }
    if (c.has("clipvalue")) {
      o.clipvalue(c.number("clipvalue", 0));
    }
    o.emaMomentum(c.number("ema_momentum", 0.99));
    if (c.has("ema_overwrite_frequency")) {
      o.emaOverwriteFrequency(c.integer("ema_overwrite_frequency", 0));
    }
    unsupported(c, "use_ema", c.bool("use_ema", false), "a moving average of the weights");
    unsupported(c, "loss_scale_factor", c.has("loss_scale_factor"), "loss scaling");
    unsupported(c, "gradient_accumulation_steps", c.has("gradient_accumulation_steps"), "gradient accumulation");
    return o;
  }

  private static void unsupported(Config c, String key, boolean set, String what) {
    if (set) {
      throw new IllegalArgumentException(c.className() + " config: keras4j does not implement " + what
          + "; expected `" + key + "` to be unset. Received: " + key + "=" + c.get(key));
    }
  }
}
