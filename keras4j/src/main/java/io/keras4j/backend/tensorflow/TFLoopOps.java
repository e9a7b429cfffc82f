package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;

/**
 * The operations of a whole step (forward pass, gradients, variable updates) traced into the body of a TensorFlow
 * loop ({@link TFStepLoop}): the variables are read and assigned through handles to the model graph's resources, and
 * every other tensor of the model's graph the step uses becomes an input of the body. A recurrent layer's own loop
 * (and the backward loop of its gradient) nests inside the body.
 *
 * <p>Porting note: Keras on TensorFlow runs {@code steps_per_execution} steps in a {@code tf.while_loop} whose body
 * {@code tf.function} captures the variables; this class is that capture for keras4j's one-graph tracing.
 */
final class TFLoopOps extends TFOps {
  private static final ThreadLocal<TFLoopOps> CURRENT = new ThreadLocal<>();
  private final Ops root;
  private final org.tensorflow.Graph bodyGraph;
  private final Map<Output<?>, Output<?>> captures = new LinkedHashMap<>();
  private final Map<Variable, Operand<?>> plainReads = new IdentityHashMap<>();
  private final Map<Variable, Operand<?>> handles = new IdentityHashMap<>();
  /** Which layer's call made each op of the body, made at the first layer's call in it. */
  private NodeOwners owners;

  /** Operations on {@code body}, a function graph's ops, capturing from {@code graph}. */
  TFLoopOps(TFComputeGraph graph, Ops body) {
    super(graph, 0); // its ops go to the body's own function graph, which holds no other trace's
    this.tf = body;
    this.root = body;
    this.bodyGraph = (org.tensorflow.Graph) body.scope().env();
  }

  /** {@inheritDoc} Here the body's own graph's, closed by {@link #closeOwners}. */
  @Override
  NodeOwners owners() {
    if (owners == null && tf.scope().env() == bodyGraph) {
      org.tensorflow.internal.c_api.TF_Graph handle = NativeGraphs.handle(bodyGraph);
      owners = handle == null ? null : new NodeOwners(handle);
    }
    return owners;
  }

  /** The record of the body's owners if a layer's call in it made one, else null; makes none. */
  NodeOwners recordedOwners() {
    return owners;
  }

  /** Frees the record of the body's owners, once {@link NodeOwners#noteFunction} has copied it. */
  void closeOwners() {
    if (owners != null) {
      owners.close();
    }
  }

  /** The loop body being traced on this thread, or null. */
  static TFLoopOps current() {
    return CURRENT.get();
  }

  /** Runs {@code body} with this loop's capture active ({@link TFMathOps#o} maps outer tensors through it). */
  <T> T tracing(Supplier<T> body) {
    return traceWith(CURRENT, this, body);
  }

  /** {@code operand} itself when it is of the body's graph, else the body input that stands for it. */
  Operand<?> capture(Operand<?> operand) {
    if (operand.env() == bodyGraph) {
      return operand;
    }
    return captures.computeIfAbsent(operand.asOutput(), k -> root.scope().opBuilder("Placeholder",
        root.scope().makeOpName("capture")).setAttr("dtype", k.dataType()).setAttr("shape", k.shape()).build()
        .output(0));
  }

  /** The tensors of the model's graph the body used, in order of first use. */
  List<Output<?>> capturedOuter() {
    return new ArrayList<>(captures.keySet());
  }

  /** The body inputs standing for {@link #capturedOuter()}, in the same order. */
  List<Output<?>> capturedInputs() {
    return new ArrayList<>(captures.values());
  }

  /**
   * A handle of {@code v} made in the body: the same resource as the model graph's handle (the same shared name in
   * the session's resource manager), with the variable's shape for TensorFlow's shape inference. Porting note: Python
   * TensorFlow captures the outer handle instead; TensorFlow Java's functions take no resource arguments.
   */
  @Override
  Operand<?> handle(Variable v) {
    return handles.computeIfAbsent(v, k -> root.varHandleOp(DTypes.type(k.dtype()), TFNativeArray.tfShape(k.shape()),
        org.tensorflow.op.core.VarHandleOp.sharedName(graph().slot(k).sharedName)));
  }

  @Override
  Operand<?> plainRead(Variable v) {
    return plainReads.computeIfAbsent(v, k -> root.readVariableOp(handle(k), DTypes.type(k.dtype())));
  }

  @Override
  Ops root() {
    return root;
  }

  @Override
  org.tensorflow.Graph gradientGraph() {
    return bodyGraph;
  }

  @Override
  public Tensor placeholder(String dtype, io.keras4j.backend.Shape shape) {
    throw new IllegalStateException("A step inside steps_per_execution's loop cannot create inputs");
  }

  @Override
  public List<Tensor> repeat(int count, java.util.function.Function<Tensor, List<Tensor>> body) {
    return io.keras4j.backend.UnrolledLoop.run(this, count, body);
  }
}
