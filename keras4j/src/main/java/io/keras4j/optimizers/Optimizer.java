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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every optimizer: learning rate (a variable or a schedule), gradient clipping, decoupled weight
 * decay, gradient accumulation, a moving average of the weights, loss scaling, per-variable slots, and the
 * iteration count.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Optimizer(learning_rate, weight_decay=None, clipnorm=None,
 * clipvalue=None, global_clipnorm=None, use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
 * loss_scale_factor=None, gradient_accumulation_steps=None, name)}. Concrete optimizers extend
 * {@link BaseOptimizer}, whose setters return the concrete class. Subclasses give Keras 3's {@code update_step} as
 * {@link #updateStep}, which returns the variable's new value; {@link GradientApplier} runs Keras' {@code apply}
 * around it. The learning rate lives in a variable, so {@link #learningRate(double)} takes effect at the next
 * step without rebuilding anything.
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
  final OptimizerOptions options = new OptimizerOptions();
  private final Map<Variable, String> ownNames = new IdentityHashMap<>();
  private final List<Variable> variables = new ArrayList<>();
  private final Map<Variable, Map<String, Variable>> slots = new IdentityHashMap<>();
  private final List<Variable> built = new ArrayList<>();

  /** An optimizer named {@code name} (Keras' default name of the class) at {@code learningRate}. */
  protected Optimizer(String name, Object learningRate) {
    this.name = name;
    this.iterations = new Variable("iteration", Shape.scalar(), false, new long[] {0});
    this.learningRateVar = new Variable("learning_rate", Shape.scalar(), "float32", false, new float[] {0f});
    own(iterations, "iteration");
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

  /** The current learning rate (the schedule's value at the current step when a schedule is set). */
  public double learningRate() {
    return schedule != null ? schedule.value(iterations.longValue()[0]) : learningRateVar.floatValue()[0];
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

  /**
   * The number of updates applied so far (Keras' {@code optimizer.iterations}): the steps, divided by
   * {@code gradient_accumulation_steps} (rounded down) when gradients are accumulated.
   */
  public long iterations() {
    long raw = iterations.longValue()[0];
    return options.gradientAccumulationSteps == null ? raw : raw / options.gradientAccumulationSteps;
  }

  /**
   * Sets decoupled weight decay, {@code w -= w * weight_decay * lr} each update (Keras' {@code weight_decay=}).
   * Default none.
   */
  public Optimizer weightDecay(double weightDecay) {
    options.weightDecay = weightDecay;
    return this;
  }

  /**
   * Sets each gradient's maximum norm (Keras' {@code clipnorm=}). Default none. Only one of {@code clipnorm},
   * {@code clipvalue} and {@code global_clipnorm} may be set, as in Keras.
   */
  public Optimizer clipnorm(double clipnorm) {
    options.clip(name, "clipnorm", clipnorm);
    return this;
  }

  /** Sets each gradient element's maximum absolute value (Keras' {@code clipvalue=}). Default none. */
  public Optimizer clipvalue(double clipvalue) {
    options.clip(name, "clipvalue", clipvalue);
    return this;
  }

  /** Sets the maximum norm of all gradients together (Keras' {@code global_clipnorm=}). Default none. */
  public Optimizer globalClipnorm(double globalClipnorm) {
    options.clip(name, "global_clipnorm", globalClipnorm);
    return this;
  }

  /**
   * Keeps an exponential moving average of the trained variables in optimizer variables (Keras'
   * {@code use_ema=}). Default false. The averages overwrite the variables every {@code ema_overwrite_frequency}
   * updates when that is set, and at the end of {@code fit} ({@link #finalizeVariableValues}).
   */
  public Optimizer useEma(boolean useEma) {
    checkNotBuilt("use_ema");
    options.useEma = useEma;
    return this;
  }

  /**
   * Sets the momentum of the moving average, {@code avg = m * avg + (1 - m) * w} after each step (Keras'
   * {@code ema_momentum=}). Default 0.99. While no update has been applied yet the average is the variable.
   */
  public Optimizer emaMomentum(double emaMomentum) {
    options.emaMomentum(name, emaMomentum);
    return this;
  }

  /**
   * Sets how many updates pass between overwrites of the variables by their moving average (Keras'
   * {@code ema_overwrite_frequency=}). Default none: only the end of {@code fit} overwrites them.
   */
  public Optimizer emaOverwriteFrequency(int steps) {
    options.emaOverwriteFrequency(name, steps);
    return this;
  }

  /**
   * Multiplies the loss by {@code factor} before the gradients are taken and divides the gradients by it (Keras'
   * {@code loss_scale_factor=}). Default none.
   */
  public Optimizer lossScaleFactor(double factor) {
    options.lossScaleFactor(name, factor);
    return this;
  }

  /**
   * Accumulates the gradients of {@code steps} calls and applies their mean once, at every {@code steps}-th call
   * (Keras' {@code gradient_accumulation_steps=}). Default none. Learning-rate schedules follow every call;
   * {@link #iterations()} counts the applied updates.
   */
  public Optimizer gradientAccumulationSteps(int steps) {
    checkNotBuilt("gradient_accumulation_steps");
    options.gradientAccumulationSteps(name, steps);
    return this;
  }

  /**
   * Excludes from weight decay the variables whose name (such as "bias", not the layer's path) matches any of the
   * regular expressions {@code names} (Keras' {@code exclude_from_weight_decay(var_names=)}). Default: none excluded.
   */
  public Optimizer excludeFromWeightDecay(String... names) {
    checkNotBuilt("exclude_from_weight_decay");
    options.excludedFromDecay.addAll(List.of(names));
    return this;
  }

  /** Throws when the optimizer's variables exist already: {@code argument} changes which ones it needs. */
  protected final void checkNotBuilt(String argument) {
    if (!slots.isEmpty()) {
      throw new IllegalStateException("Optimizer '" + name + "' is already built; set `" + argument
          + "` before its first step");
    }
  }

  /**
   * The optimizer's own variables, in Keras' order (Keras' {@code optimizer.variables}): the step count, the
   * learning rate unless a schedule gives it (Keras keeps no variable then), the moving averages, the gradient
   * accumulators, then each variable's slots.
   */
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>(variables);
    if (schedule != null) {
      out.remove(learningRateVar);
    }
    return List.copyOf(out);
  }

  /** Creates the slots of {@code var} (Keras' {@code build}); called once per variable, in the variables' order. */
  protected void buildSlots(Variable var) {}

  /**
   * Creates the slots of {@code vars} in Keras' order: by default each variable's slots in turn (Keras'
   * {@code add_optimizer_variables(var_list, [names])}); an optimizer that adds one kind for every variable, then
   * the next kind, overrides this.
   */
  protected void buildSlots(List<Variable> vars) {
    vars.forEach(this::buildSlots);
  }

  /** Creates the optimizer-wide variables that Keras' {@code build} adds after the slots (Nadam's product). */
  protected void afterBuild() {}

  /** Creates a zero slot shaped like {@code reference} (Keras' {@code add_variable_from_reference}). */
  protected Variable addSlot(Variable reference, String slotName) {
    return addSlot(reference, slotName, 0f);
  }

  /** Creates a slot shaped like {@code reference} filled with {@code initial}. */
  protected Variable addSlot(Variable reference, String slotName, float initial) {
    float[] v = new float[(int) reference.shape().size()];
    java.util.Arrays.fill(v, initial);
    Variable s = new Variable(slotName, reference.shape(), "float32", false, v);
    return addSlot(reference, slotName, s, reference.path().replace('/', '_') + "_" + slotName);
  }

  /** Adds {@code slot} (any shape, any dtype) as {@code slotName} of {@code reference}, at {@code <name>/<suffix>}. */
  protected Variable addSlot(Variable reference, String slotName, Variable slot, String suffix) {
    slot.path(name + "/" + suffix);
    slots.computeIfAbsent(reference, k -> new LinkedHashMap<>()).put(slotName, slot);
    variables.add(slot);
    return slot;
  }

  /** Creates an optimizer-wide scalar variable whose path is {@code <name>/<varName>}. */
  protected Variable addScalar(String varName, float initial) {
    return own(new Variable(varName, Shape.scalar(), "float32", false, new float[] {initial}), varName);
  }

  /** Tracks {@code v}, created beforehand, as an optimizer-wide variable whose path is {@code <name>/<suffix>}. */
  protected Variable track(Variable v, String suffix) {
    return own(v, suffix);
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

  /** Runs once per update before the per-variable updates (Keras' {@code _backend_update_step} hook). */
  protected void beforeUpdates(Ops ops) {}

  /**
   * The same step as {@link #updateStep} done by one fused TensorFlow kernel, returning the variable's new value,
   * or null where this optimizer has none (then {@link #updateStep} is used). The numbers are Keras' either way;
   * the fused kernel saves the memory passes of a dozen elementwise ops per variable.
   */
  protected Tensor fusedStep(Ops ops, Tensor gradient, Variable var, Tensor lr) {
    return null;
  }

  /**
   * The update count as float32 before this step's increment: Keras' {@code optimizer.iterations}, the raw step
   * count divided by {@code gradient_accumulation_steps} (rounded down) when gradients are accumulated.
   */
  protected Tensor iterationsFloat(Ops ops) {
    Tensor raw = rawIterationsFloat(ops);
    Integer n = options.gradientAccumulationSteps;
    return n == null ? raw : ops.floor(ops.divide(raw, ops.constant((float) n)));
  }

  /** Every apply so far as float32 (Keras' {@code optimizer._iterations}, which schedules follow). */
  Tensor rawIterationsFloat(Ops ops) {
    return ops.cast(ops.read(iterations), "float32");
  }

  Variable iterationsVariable() {
    return iterations;
  }

  /** This step's learning rate: the schedule at the raw step count, or the learning-rate variable. */
  Tensor learningRateTensor(Ops ops) {
    return schedule != null ? schedule.call(rawIterationsFloat(ops)) : ops.read(learningRateVar);
  }

  /**
   * Creates the variables for {@code vars} now (Keras' {@code optimizer.build(var_list)}), e.g. to restore them,
   * in Keras' order: every moving average, every gradient accumulator, then each variable's slots.
   */
  public void build(List<Variable> vars) {
    List<Variable> fresh = vars.stream().filter(v -> !slots.containsKey(v)).distinct().toList();
    if (fresh.isEmpty()) {
      return;
    }
    boolean first = built.isEmpty();
    for (Variable v : fresh) {
      slots.put(v, new LinkedHashMap<>());
      built.add(v);
    }
    if (options.useEma) {
      fresh.forEach(v -> addSlot(v, "average"));
    }
    if (options.gradientAccumulationSteps != null) {
      fresh.forEach(v -> addSlot(v, "gradient_accumulator"));
    }
    buildSlots(fresh);
    if (first) {
      afterBuild();
    }
  }

  /** The variables the optimizer was built for, in order (Keras' {@code _trainable_variables}). */
  List<Variable> builtVariables() {
    return built;
  }

  /**
   * Adds the update of every variable to the graph being traced (Keras' {@code apply_gradients}); returns the
   * update tensors. Variables with a null gradient are skipped. Loss unscaling, gradient accumulation, clipping,
   * weight decay, the moving average, constraints and the step count all happen here, as in Keras' {@code apply}.
   */
  public List<Tensor> applyGradients(List<Tensor> gradients, List<Variable> vars) {
    return apply(Backend.ops(), gradients, vars, null);
  }

  /** {@link #applyGradients} whose every assignment happens only where {@code condition} holds (null: always). */
  List<Tensor> apply(Ops ops, List<Tensor> gradients, List<Variable> vars, Tensor condition) {
    build(vars);
    return new GradientApplier(this, condition == null ? ops : GatedOps.gate(ops, condition), condition != null)
        .apply(gradients, vars);
  }

  /** The loss to differentiate: {@code loss} times {@code loss_scale_factor} when set (Keras' {@code scale_loss}). */
  public Tensor scaleLoss(Ops ops, Tensor loss) {
    return options.lossScaleFactor == null ? loss : ops.multiply(loss, options.lossScaleFactor.floatValue());
  }

  /**
   * Sets the final values of {@code vars} at the end of {@code fit}: with {@code use_ema}, their moving averages
   * (Keras' {@code finalize_variable_values}); otherwise nothing.
   */
  public void finalizeVariableValues(List<Variable> vars) {
    for (Variable v : vars) {
      Map<String, Variable> s = slots.get(v);
      if (options.useEma && s != null && s.containsKey("average")) {
        v.assign(s.get("average").floatValue());
      }
    }
  }

  /**
   * Keras' config: the eleven keys every Keras optimizer writes, then the subclass' keyword arguments. A schedule
   * is written in {@code learning_rate} as a serialized Keras object.
   */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("learning_rate", schedule != null ? KerasObjects.serialize(schedule) : (Object) learningRate());
    options.write(c);
    return c;
  }

  /** Reads the keys every optimizer shares into {@code o} (the end of each subclass' {@code fromConfig}). */
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
    OptimizerOptions.read(o, c);
    return o;
  }
}
