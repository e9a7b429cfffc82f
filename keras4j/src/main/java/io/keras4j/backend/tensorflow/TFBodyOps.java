package io.keras4j.backend.tensorflow;

import io.keras4j.backend.AutocastScope;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.core.Placeholder;

/**
 * The operations of a recurrence's step, traced into the body of a TensorFlow function: a tensor of the model's graph
 * that the step uses (a variable's value, a dropout mask) becomes an input of the function, found on first use.
 *
 * <p>Porting note: Keras on TensorFlow traces the step into a {@code tf.while_loop} body and lets
 * {@code tf.function} capture outer tensors; this class is that capture for keras4j's one-graph tracing.
 */
final class TFBodyOps extends TFOps {
  private static final ThreadLocal<TFBodyOps> CURRENT = new ThreadLocal<>();
  private final TFOps outer;
  private final Object bodyGraph;
  private final Map<Variable, Operand<?>> variableReads;
  private final Map<Output<?>, Operand<?>> captures = new LinkedHashMap<>();
  private final Map<Variable, Operand<?>> readsUsed = new LinkedHashMap<>();

  /**
   * Operations on {@code body}, a function graph's ops, capturing from {@code outer}'s graph; {@code variableReads}
   * fixes which value of the model's graph a variable's read captures (those of an earlier trace of the same step),
   * or is empty to read through {@code outer}.
   */
  TFBodyOps(TFOps outer, org.tensorflow.op.Ops body, Map<Variable, Operand<?>> variableReads) {
    super(outer.graph(), 0); // its ops go to the body's own function graph, which holds no other trace's
    this.outer = outer;
    this.tf = body;
    this.bodyGraph = body.scope().env();
    this.variableReads = variableReads;
  }

  /** The step being traced on this thread, or null. */
  static TFBodyOps current() {
    return CURRENT.get();
  }

  /** Runs {@code body} with this step's capture active ({@link TFMathOps#o} maps outer tensors through it). */
  <T> T tracing(Supplier<T> body) {
    return traceWith(CURRENT, this, body);
  }

  /** {@code operand} itself when it is of the function's graph, else the function input that stands for it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Operand<?> capture(Operand<?> operand) {
    if (operand.env() == bodyGraph) {
      return operand;
    }
    return captures.computeIfAbsent(operand.asOutput(), k -> {
      var shape = k.shape();
      return tf.withControlDependencies(List.of()).placeholder((Class) k.type(), Placeholder.shape(shape));
    });
  }

  /** The tensors of the model's graph the step used, in order of first use. */
  List<Output<?>> capturedOuter() {
    return new ArrayList<>(captures.keySet());
  }

  /** The function inputs standing for {@link #capturedOuter()}, in the same order. */
  List<Operand<?>> capturedInputs() {
    return new ArrayList<>(captures.values());
  }

  /** The outer value each variable's read captured. */
  Map<Variable, Operand<?>> variableReads() {
    return readsUsed;
  }

  /** Captures the given outer tensors first, in this order (a re-trace of a step with the same inputs). */
  void precapture(List<Output<?>> outer) {
    for (Output<?> o : outer) {
      capture(o);
    }
  }

  @Override
  public Tensor read(Variable v) {
    Operand<?> value = variableReads.get(v);
    if (value == null) {
      value = ((TFTensor) withoutCapture(() -> AutocastScope.run(null, () -> outer.read(v)))).operand();
    }
    readsUsed.put(v, value);
    return AutocastScope.maybeCast(v, t(capture(value)), this);
  }

  private <T> T withoutCapture(Supplier<T> body) {
    CURRENT.remove();
    try {
      return body.get();
    } finally {
      CURRENT.set(this);
    }
  }

  @Override
  public Tensor placeholder(String dtype, io.keras4j.backend.Shape shape) {
    throw notInStep("create inputs");
  }

  @Override
  public void readAs(Variable v, Tensor value) {
    throw notInStep("assign variables");
  }

  @Override
  public Tensor assign(Variable v, Tensor value) {
    throw notInStep("assign variables");
  }

  @Override
  public void addUpdate(Tensor update) {
    throw notInStep("add updates");
  }

  @Override
  public Tensor randomUniform(Tensor shape, float min, float max, long seed) {
    throw notInStep("draw random numbers (draw them before the loop, as Keras' dropout masks)");
  }

  @Override
  public Tensor randomNormal(Tensor shape, float mean, float stddev, long seed) {
    throw notInStep("draw random numbers (draw them before the loop, as Keras' dropout masks)");
  }

  @Override
  public Tensor randomGamma(Tensor shape, Tensor alpha, long seed) {
    throw notInStep("draw random numbers");
  }

  @Override
  public List<Tensor> gradients(Tensor target, List<Tensor> xs) {
    throw notInStep("take gradients");
  }

  @Override
  public io.keras4j.backend.RnnResult rnn(io.keras4j.backend.RnnStep step, List<Tensor> inputs,
      List<Tensor> initialStates, Tensor mask, boolean goBackwards, boolean unroll, boolean zeroOutputForMask,
      boolean returnAllOutputs) {
    if (unroll) {
      return super.rnn(step, inputs, initialStates, mask, goBackwards, true, zeroOutputForMask, returnAllOutputs);
    }
    throw notInStep("run a loop inside the step (use unroll for the inner recurrence)");
  }

  /** None inside a step: its backward trace differentiates the step's ops, which have no fused kernels. */
  @Override
  public io.keras4j.backend.RnnResult lstm(Tensor sequences, Tensor h0, Tensor c0, Tensor kernel,
      Tensor recurrentKernel, Tensor bias, boolean goBackwards, boolean returnAllOutputs) {
    return null;
  }

  @Override
  public <T> T withControlDependencies(List<Tensor> deps, Supplier<T> body) {
    throw notInStep("add control dependencies");
  }

  private static IllegalStateException notInStep(String what) {
    return new IllegalStateException("An RNN step cannot " + what + ": it runs inside the recurrence's loop");
  }
}
