package io.keras4j.metrics;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stateful metric: accumulators updated batch by batch, a result computed from them, reset each epoch.
 *
 * <p>Keras equivalent: {@code keras.metrics.Metric(name=None, dtype=None)} with {@code update_state},
 * {@code result} and {@code reset_state}. Updates and results are graph computations built with
 * {@code Backend.ops()}; the state lives in variables, so the metric runs inside the train step. keras4j's metrics
 * extend {@link BaseMetric}, whose setters return the concrete class.
 */
public abstract class Metric implements io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.metrics"}. */
  @Override
  public String kerasModule() {
    return "keras.metrics";
  }

  private String name;
  private String dtype = "float32";
  private final List<Variable> variables = new ArrayList<>();

  protected Metric(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Sets the name, the key in the logs (Keras' {@code name=}). Default: Keras' snake-case name of the metric. */
  public Metric name(String name) {
    this.name = name;
    for (Variable v : variables) {
      v.path(name + "/" + v.name());
    }
    return this;
  }

  public String dtype() {
    return dtype;
  }

  /**
   * Sets the dtype of the state and result (Keras' {@code dtype=}). Default "float32". Porting note: keras4j's
   * metrics compute in float32; another dtype is refused, except by a metric that says so (the IoU metrics keep
   * Keras' integer confusion matrix).
   */
  public Metric dtype(String dtype) {
    if (!acceptsDtype(dtype)) {
      throw new IllegalArgumentException("Metric '" + name + "': keras4j computes metrics in float32. Received: "
          + "dtype=" + dtype);
    }
    this.dtype = dtype;
    return this;
  }

  /** Whether {@link #dtype(String)} takes {@code dtype}: only "float32", unless a subclass computes in others. */
  protected boolean acceptsDtype(String dtype) {
    return "float32".equals(dtype);
  }

  /** Creates a state variable filled with zeros (Keras' {@code add_variable}). */
  protected Variable addVariable(String varName, Shape shape) {
    return addVariable(varName, shape, "float32");
  }

  /** Creates a state variable of {@code varDtype}, "float32" or "int64", filled with zeros. */
  protected Variable addVariable(String varName, Shape shape, String varDtype) {
    Variable v = "int64".equals(varDtype) ? new Variable(varName, shape, false, new long[(int) shape.size()])
        : new Variable(varName, shape, "float32", false, new float[(int) shape.size()]);
    v.path(name + "/" + varName);
    variables.add(v);
    return v;
  }

  /** The state variables. */
  public List<Variable> variables() {
    return List.copyOf(variables);
  }

  /** Adds a batch to the state; returns the assignments (Keras' {@code update_state}). */
  public abstract List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

  /** The metric's value from the current state (Keras' {@code result}). */
  public abstract Tensor result();

  /** Zeroes the state (Keras' {@code reset_state}). */
  public void resetState() {
    for (Variable v : variables) {
      v.reset();
    }
  }

  /** Keras' config: {@code name} and {@code dtype}, then the subclass' keyword arguments. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("dtype", dtype);
    return c;
  }

  /** Reads {@code name} and {@code dtype} into {@code m} (the end of each subclass' {@code fromConfig}). */
  protected static <T extends Metric> T withBaseConfig(T m, Config c) {
    if (c.has("name")) {
      m.name(c.string("name", m.name()));
    }
    Object dtype = c.get("dtype");
    if (dtype instanceof Map<?, ?> policy && policy.get("config") instanceof Map<?, ?> pc) {
      dtype = pc.get("name"); // a DTypePolicy object
    }
    if (dtype != null) {
      m.dtype(String.valueOf(dtype));
    }
    return m;
  }

  protected static Ops ops() {
    return Backend.ops();
  }

  /** {@code sampleWeight} broadcast to {@code values}' rank (trailing axes added), or null. */
  protected static Tensor weightLike(Tensor sampleWeight, Tensor values) {
    if (sampleWeight == null) {
      return null;
    }
    Ops ops = ops();
    Tensor sw = ops.cast(sampleWeight, "float32");
    while (sw.rank() > values.rank() && sw.shape().get(-1) == 1) {
      sw = ops.squeeze(sw, -1);
    }
    while (sw.rank() < values.rank()) {
      sw = ops.expandDims(sw, -1);
    }
    return ops.multiply(sw, ops.onesLike(values));
  }
}
