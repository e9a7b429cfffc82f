package io.keras4j.backend.tensorflow;

import io.keras4j.backend.RnnResult;
import io.keras4j.backend.RnnStep;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Empty;
import org.tensorflow.op.core.StatelessWhile;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@link io.keras4j.backend.Ops#rnn} as one TensorFlow loop whose backward pass keras4j builds itself (or, over a wide
 * batch, as independent loops over parts of it: {@link RnnChains}).
 *
 * <p>Keras equivalent: the {@code tf.while_loop} branch of {@code keras.src.backend.tensorflow.rnn.rnn}. Porting note:
 * TensorFlow's C gradient code, which TensorFlow Java differentiates graphs with, has no gradient for loops. The
 * forward loop ({@code StatelessWhile} over a function traced from the step) writes each step's output and the states
 * before each step into buffers; its gradient, registered for {@code StatelessWhile}, is a second loop that runs the
 * steps backwards, re-tracing the step and differentiating that one step (a vector-Jacobian product) with
 * TensorFlow's gradients. The graph holds one copy of the step forward and one backward, whatever the sequence length.
 */
final class TFRnn {
  /** The loops built by this class, by the name of their While op, for their gradient. */
  private static final Map<Key, ForwardLoop> LOOPS = new ConcurrentHashMap<>();
  private static boolean gradientRegistered;
  /** Whether loops run lowered to dataflow ({@code -Dkeras4j.rnn.lower=false} to call the body per step). */
  static final boolean LOWER = !"false".equals(System.getProperty("keras4j.rnn.lower"));

  private TFRnn() {}

  /**
   * {@link io.keras4j.backend.Ops#rnn} without unrolling: one loop, or independent loops over parts of a wide batch
   * ({@link RnnChains}).
   */
  static RnnResult run(TFOps outer, RnnStep step, List<Tensor> inputs, List<Tensor> initialStates, Tensor mask,
      boolean goBackwards, boolean zeroOutputForMask, boolean returnAllOutputs) {
    registerGradient();
    io.keras4j.backend.UnrolledRnn.checkInputs(inputs);
    Ops tf = outer.tf();
    List<Operand<?>> timeMajor = new ArrayList<>();
    for (Tensor x : inputs) {
      timeMajor.add(timeMajor(tf, TFMathOps.o(x), goBackwards));
    }
    Operand<?> maskT = null;
    if (mask != null) {
      Operand<?> m = TFMathOps.o(mask);
      if (!"bool".equals(mask.dtype())) {
        m = tf.dtypes.cast(m, org.tensorflow.types.TBool.class);
      }
      maskT = timeMajor(tf, m, goBackwards);
    }
    List<Operand<?>> states = new ArrayList<>();
    for (Tensor s : initialStates) {
      states.add(TFMathOps.o(s));
    }
    int chains = RnnChains.count(step, timeMajor.get(0));
    Parts parts = chains > 1
        ? RnnChains.run(outer, step, timeMajor, maskT, states, zeroOutputForMask, returnAllOutputs, chains) : null;
    if (parts == null) {
      ForwardLoop loop = ForwardLoop.build(outer, step, project(step, timeMajor), maskT, states, zeroOutputForMask,
          returnAllOutputs);
      parts = register(outer, loop);
    }
    return parts.result(tf);
  }

  /** The step's projection of time-major sequences ({@link RnnStep#project}), done once before the loop. */
  static List<Operand<?>> project(RnnStep step, List<Operand<?>> timeMajor) {
    List<Tensor> in = new ArrayList<>();
    for (Operand<?> x : timeMajor) {
      in.add(TFMathOps.t(x));
    }
    List<Operand<?>> xs = new ArrayList<>();
    for (Tensor x : step.project(in)) { // projected time-major: the narrow inputs are transposed, not the projection
      xs.add(TFMathOps.o(x));
    }
    return xs;
  }

  /** Registers {@code loop} for its gradient; its last output, outputs (batch-major when all) and final states. */
  static Parts register(TFOps outer, ForwardLoop loop) {
    Ops tf = outer.tf();
    Key key = new Key(tf.scope().env(), loop.name());
    LOOPS.put(key, loop);
    outer.graph().onClose(() -> LOOPS.remove(key));
    return new Parts(loop.lastOutput(), loop.all ? batchMajor(tf, loop.outputs()) : null, loop.finalStates());
  }

  /** A recurrence's last output, its outputs (batch-major; null when only the last is returned), its final states. */
  record Parts(Operand<?> last, Operand<?> outputs, List<Operand<?>> states) {
    RnnResult result(Ops tf) {
      List<Tensor> finalStates = new ArrayList<>();
      for (Operand<?> s : states) {
        finalStates.add(TFMathOps.t(s));
      }
      Operand<?> all = outputs != null ? outputs : tf.expandDims(last, tf.constant(1));
      return new RnnResult(TFMathOps.t(last), TFMathOps.t(all), finalStates);
    }
  }

  private static synchronized void registerGradient() {
    if (!gradientRegistered) {
      gradientRegistered = true;
      if (!org.tensorflow.TensorFlow.registerCustomGradient(StatelessWhile.OP_NAME, TFRnn::gradient)) {
        throw new IllegalStateException("Could not register keras4j's gradient of StatelessWhile");
      }
      // the loops' buffers are Empty ops of shapes computed from the inputs: their shape has no gradient
      org.tensorflow.TensorFlow.registerCustomGradient(Empty.Inputs.class,
          (tf, op, grads) -> List.of(tf.zerosLike(op.shape)));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Operand<?>> gradient(Ops tf, org.tensorflow.GraphOperation op, List<Output<?>> grads) {
    ForwardLoop loop = LOOPS.get(new Key(op.env(), op.name()));
    if (loop == null) {
      throw new IllegalStateException("keras4j has no gradient for the loop " + op.name()
          + ": only loops built by keras.ops.rnn (keras4j's Ops.rnn) can be differentiated");
    }
    if (loop.backward == null) {
      throw new IllegalStateException("The backward loop of " + op.name() + " was not prepared: call "
          + "TFRnn.prepareGradients before TensorFlow's gradients");
    }
    return loop.backward.gradients(tf, grads);
  }

  /**
   * Traces the backward loops of this graph's recurrences that do not have one yet. Called before TensorFlow builds
   * gradients, which locks the graph: no function can be added to it from inside a gradient.
   */
  static void prepareGradients(Object graph) {
    for (Map.Entry<Key, ForwardLoop> e : LOOPS.entrySet()) {
      if (e.getKey().graph() == graph && e.getValue().backward == null) {
        e.getValue().backward = new BackwardLoop(e.getValue(), (org.tensorflow.Graph) graph);
      }
    }
  }

  /** A StatelessWhile of {@code cond} and {@code body} over {@code inputs}, lowered as Keras' loops are. */
  static StatelessWhile loop(Ops tf, String name, List<Operand<?>> inputs, ConcreteFunction cond,
      ConcreteFunction body) {
    org.tensorflow.OperationBuilder b = loopOp(tf.scope().opBuilder(StatelessWhile.OP_NAME, name), inputs);
    return new StatelessWhile(b.setAttr("cond", cond).setAttr("body", body).build());
  }

  /**
   * The inputs and attributes of a loop op but its functions: the types "T", TensorFlow's default of 10 parallel
   * iterations, and {@code _lower_using_switch_merge}, which lets the session run the loop as dataflow (Enter, Merge,
   * Switch, NextIteration, Exit) rather than calling the body function once per step, as Python TensorFlow marks its
   * while loops.
   */
  static org.tensorflow.OperationBuilder loopOp(org.tensorflow.OperationBuilder b, List<Operand<?>> in) {
    Output<?>[] inputs = new Output<?>[in.size()];
    org.tensorflow.proto.DataType[] types = new org.tensorflow.proto.DataType[in.size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = in.get(i).asOutput();
      types[i] = inputs[i].dataType();
    }
    return b.addInputList(inputs).setAttr("T", types).setAttr("parallel_iterations", 10L)
        .setAttr("_lower_using_switch_merge", LOWER);
  }

  /** (batch, time, ...) to (time, batch, ...), reversed in time when {@code reverse}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<?> timeMajor(Ops tf, Operand x, boolean reverse) {
    int rank = x.shape().numDimensions();
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    perm[0] = 1;
    perm[1] = 0;
    Operand t = tf.linalg.transpose(x, tf.constant(perm));
    return reverse ? tf.reverse(t, tf.constant(new int[] {0})) : t;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<?> batchMajor(Ops tf, Operand x) {
    return timeMajor(tf, x, false);
  }

  /** An uninitialised buffer of {@code shape} that the loop fills row by row (never folded or shared). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<?> buffer(Ops tf, Operand<TInt32> shape, Class type) {
    return tf.empty(shape, type, Empty.init(false));
  }

  /** The shape (steps, batch, dims...) where dims are {@code perStep}'s static non-batch dimensions. */
  static Operand<TInt32> rowsShape(Ops tf, Operand<TInt32> steps, Operand<TInt32> batch,
      org.tensorflow.ndarray.Shape perStep, String what) {
    List<Operand<TInt32>> parts = new ArrayList<>();
    parts.add(tf.reshape(steps, tf.constant(new int[] {1})));
    parts.add(tf.reshape(batch, tf.constant(new int[] {1})));
    int[] rest = new int[perStep.numDimensions() - 1];
    for (int i = 0; i < rest.length; i++) {
      long d = perStep.size(i + 1);
      if (d < 0) {
        throw new IllegalArgumentException("The " + what + " of an RNN step must have a known shape apart from the "
            + "batch. Received: shape " + perStep);
      }
      rest[i] = (int) d;
    }
    parts.add(tf.constant(rest));
    return tf.concat(parts, tf.constant(0));
  }

  /**
   * Zeros of type {@code type} and of {@code perStep}'s (batch, dims...) shape with the batch of {@code batch} (the
   * step output's type: a mixed policy's compute dtype).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<?> zerosOf(Ops tf, Operand<TInt32> batch, org.tensorflow.ndarray.Shape perStep, Class type,
      String what) {
    Operand<TInt32> shape = rowsShape(tf, tf.constant(1), batch, perStep, what);
    Operand<TInt32> rest = tf.slice(shape, tf.constant(new int[] {1}), tf.constant(new int[] {-1}));
    return tf.fill(rest, tf.dtypes.cast(tf.constant(0f), type));
  }

  /** Closes {@code f} quietly: its definition lives on in the graph that uses it. */
  static void release(ConcreteFunction f) {
    f.close();
  }

  /** The static type of a float operand, for buffers. */
  static Class<TFloat32> floatType() {
    return TFloat32.class;
  }

  /** A loop: its graph (compared by identity) and its op's name. */
  private record Key(Object graph, String name) {}
}
