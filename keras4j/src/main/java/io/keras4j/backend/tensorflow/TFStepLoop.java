package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;

/**
 * {@link io.keras4j.backend.Ops#repeat} as one TensorFlow {@code While}: the body (a whole training step, its
 * gradients and variable updates included) is traced once into a function whose loop variables are the iteration
 * index, the count, the previous iteration's results and every tensor of the model's graph the body uses (the
 * variables' resource handles among them). Each iteration's outputs wait for its updates, so the next iteration reads
 * the updated variables.
 *
 * <p>Keras equivalent: the {@code tf.while_loop} of {@code TensorFlowTrainer.make_train_function} with
 * {@code steps_per_execution > 1} (keras/src/backend/tensorflow/trainer.py).
 */
final class TFStepLoop {
  private final TFOps outer;
  private final Tensor count;
  private final List<DataType> types = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>();
  private final List<Class<?>> resultTypes = new ArrayList<>();
  private TFLoopOps body;
  private int nResults;

  private TFStepLoop(TFOps outer, Tensor count) {
    this.outer = outer;
    this.count = count;
  }

  /**
   * The last of {@code count} (an int32 scalar of {@code outer}'s graph) iterations of {@code step}'s results, run by
   * one loop op in {@code outer}'s graph.
   */
  static List<Tensor> run(TFOps outer, Tensor count, Function<Tensor, List<Tensor>> step) {
    return new TFStepLoop(outer, count).build(step);
  }

  private List<Tensor> build(Function<Tensor, List<Tensor>> step) {
    try {
      return buildLoop(step);
    } finally {
      if (body != null) {
        body.closeOwners();
      }
    }
  }

  private List<Tensor> buildLoop(Function<Tensor, List<Tensor>> step) {
    List<Operand<?>> initial = new ArrayList<>();
    try (ConcreteFunction fn = ConcreteFunction.create(ftf -> traceBody(ftf, step));
        ConcreteFunction cond = ConcreteFunction.create(this::traceCond)) {
      Ops root = outer.root();
      initial.add(root.constant(0));
      initial.add(TFMathOps.o(count));
      for (int i = 0; i < nResults; i++) {
        initial.add(zeros(root, i));
      }
      initial.addAll(body.capturedOuter());
      org.tensorflow.OperationBuilder b = TFRnn.loopOp(outer.tf().scope().opBuilder("While",
          outer.tf().scope().makeOpName("steps_loop")), initial);
      org.tensorflow.GraphOperation loop = (org.tensorflow.GraphOperation) b.setAttr("cond", cond)
          .setAttr("body", fn).build();
      NodeOwners.noteFunction(outer, fn, body.recordedOwners(), loop.name());
      outer.updates().add((org.tensorflow.op.Op) () -> loop);
      outer.readVariables().addAll(body.readVariables());
      outer.assignedVariables().addAll(body.assignedVariables());
      List<Tensor> results = new ArrayList<>();
      for (int i = 0; i < nResults; i++) {
        results.add(TFMathOps.t(loop.output(2 + i)));
      }
      return results;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Operand<?> zeros(Ops root, int i) {
    return root.zeros(root.constant(shapes.get(i + 2).asArray()), (Class) resultTypes.get(i));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Signature traceBody(Ops ftf, Function<Tensor, List<Tensor>> step) {
    body = new TFLoopOps(outer.graph(), ftf);
    Output<?> index = placeholder(ftf, DataType.DT_INT32, Shape.scalar());
    Output<?> n = placeholder(ftf, DataType.DT_INT32, Shape.scalar());
    List<Operand<?>> results = new ArrayList<>();
    for (Tensor r : body.tracing(() -> step.apply(TFMathOps.t(index)))) {
      Operand<?> o = body.capture(((TFTensor) r).operand());
      if (o.shape().isUnknown() || o.shape().hasUnknownDimension()) {
        throw new IllegalStateException("A loop's results need fully defined shapes. Received: " + o.shape());
      }
      results.add(o);
      resultTypes.add(o.type());
    }
    nResults = results.size();
    List<Operand<?>> args = new ArrayList<>(List.of(index, n));
    for (Operand<?> r : results) {
      args.add(placeholder(ftf, r.asOutput().dataType(), r.shape()));
    }
    args.addAll(body.capturedInputs());
    // every output waits for the iteration's updates: the next iteration reads what this one assigned
    Ops after = ftf.withControlDependencies(new ArrayList<>(body.updates()));
    List<Operand<?>> outs = new ArrayList<>();
    outs.add(after.math.add((Operand) index, ftf.constant(1)));
    outs.add(after.identity((Operand) n));
    for (Operand<?> r : results) {
      outs.add(after.identity((Operand) r));
    }
    for (Output<?> c : body.capturedInputs()) {
      outs.add(after.identity((Operand) c));
    }
    Signature.Builder s = Signature.builder();
    for (int i = 0; i < args.size(); i++) {
      types.add(args.get(i).asOutput().dataType());
      shapes.add(args.get(i).shape());
      s.input(String.format("i%04d", i), args.get(i));
      s.output(String.format("o%04d", i), outs.get(i));
    }
    return s.build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Signature traceCond(Ops ctf) {
    Signature.Builder s = Signature.builder();
    List<Operand> in = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      Output<?> p = placeholder(ctf, types.get(i), shapes.get(i));
      in.add(p);
      s.input(String.format("i%04d", i), p);
    }
    return s.output("o0000", ctf.math.less(in.get(0), in.get(1))).build();
  }

  private static Output<?> placeholder(Ops ops, DataType type, Shape shape) {
    return ops.scope().opBuilder("Placeholder", ops.scope().makeOpName("arg")).setAttr("dtype", type)
        .setAttr("shape", shape).build().output(0);
  }
}
