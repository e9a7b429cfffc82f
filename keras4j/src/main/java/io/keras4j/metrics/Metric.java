package io.keras4j.metrics;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stateful metric: accumulators updated batch by batch, a result computed from them, reset each epoch.
 *
 * <p>Keras equivalent: {@code keras.metrics.Metric(name=None, dtype=None)} with {@code update_state},
 * {@code result} and {@code reset_state}. Updates and results are graph computations built with
 * {@code Backend.ops()}; the state lives in variables, so the metric runs inside the train step.
 */
public abstract class Metric implements io.keras4j.saving.KerasSerializable {
  /** Keras' module, {@code "keras.metrics"}. */
  @Override
  public String kerasModule() {
    return "keras.metrics";
  }

  private String name;
  private final List<Variable> variables = new ArrayList<>();

  protected Metric(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Renames the metric (the key in the logs). */
  public Metric name(String name) {
    this.name = name;
    return this;
  }

  /** Creates a state variable filled with zeros (Keras' {@code add_variable}). */
  protected Variable addVariable(String varName, Shape shape) {
    Variable v = new Variable(varName, shape, "float32", false, new float[(int) shape.size()]);
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

  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("dtype", "float32");
    return c;
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
