package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/** The loop variables of {@link TFRnn}'s loops: function inputs, rows of buffers and the loops' conditions. */
final class LoopVars {
  /** A loop variable's type and static shape. */
  record Spec(Class<? extends TType> type, Shape shape) {}

  private LoopVars() {}

  /** Function inputs of the types and shapes of {@code like}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Operand<?>> placeholders(Ops ftf, List<Operand<?>> like) {
    List<Operand<?>> out = new ArrayList<>();
    for (Operand<?> o : like) {
      out.add(ftf.placeholder((Class) o.type(), Placeholder.shape(o.shape())));
    }
    return out;
  }

  /**
   * The step index {@code t} of a loop body and the tensors every row read and write of that body shares: {@code t} as
   * a one-element vector (a StridedSlice's begin, an InplaceUpdate's rows), {@code t + 1} and the unit stride. Built
   * once per body: every op of a lowered loop body, constants included, runs at every step.
   */
  record Index(Operand<TInt32> t, Operand<TInt32> begin, Operand<TInt32> end, Operand<TInt32> strides,
      Operand<TInt32> axis0) {}

  /** The {@link Index} of step {@code t}, built in {@code ftf}. */
  static Index index(Ops ftf, Operand<TInt32> t) {
    Operand<TInt32> one = ftf.constant(new int[] {1});
    Operand<TInt32> begin = ftf.reshape(t, one);
    return new Index(t, begin, ftf.math.add(begin, one), one, ftf.constant(0));
  }

  /** Row {@code ix.t} of each time-major sequence. */
  static List<Operand<?>> rows(Ops ftf, List<Operand<?>> seqs, Index ix) {
    List<Operand<?>> out = new ArrayList<>();
    for (Operand<?> x : seqs) {
      out.add(row(ftf, x, ix));
    }
    return out;
  }

  /**
   * Row {@code ix.t} of each time-major buffer, or for a buffer left out of the loop (null), a stand-in of the row's
   * type and static shape (the row of the loop variable of {@code specs} at {@code first + k}) that nothing reads.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Operand<?>> rowsOrStandIns(Ops ftf, List<Operand<?>> buffers, Index ix, List<Spec> specs, int first) {
    List<Operand<?>> out = new ArrayList<>();
    for (int k = 0; k < buffers.size(); k++) {
      if (buffers.get(k) != null) {
        out.add(row(ftf, buffers.get(k), ix));
        continue;
      }
      Spec spec = specs.get(first + k);
      Shape row = spec.shape().tail();
      long[] known = row.asArray();
      for (int i = 0; i < known.length; i++) {
        known[i] = Math.max(known[i], 1);
      }
      Operand zeros = ftf.zeros(ftf.constant(known), (Class) spec.type());
      out.add(ftf.placeholderWithDefault(zeros, row));
    }
    return out;
  }

  /** Whether anything in the body reads each of {@code rows}. */
  static boolean[] read(List<Operand<?>> rows) {
    boolean[] out = new boolean[rows.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = ((org.tensorflow.GraphOperation) rows.get(k).op()).numConsumers() > 0;
    }
    return out;
  }

  /**
   * Row {@code ix.t} of a time-major {@code x}, without a copy: a strided slice of dimension 0 (which TensorFlow's
   * kernel returns as a view of the buffer, where Gather copies the row), reshaped to the row's static shape.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<?> row(Ops ftf, Operand x, Index ix) {
    Shape shape = x.shape();
    long[] dims = new long[shape.numDimensions() - 1];
    int unknown = 0;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.size(i + 1);
      unknown += dims[i] < 0 ? 1 : 0;
    }
    if (unknown > 1 || shape.numDimensions() < 1) {
      return ftf.gather(x, ix.t(), ix.axis0());
    }
    Operand slice = ftf.stridedSlice(x, ix.begin(), ix.end(), ix.strides(),
        org.tensorflow.op.core.StridedSlice.shrinkAxisMask(1L));
    return ftf.reshape(slice, ftf.constant(dims));
  }

  /** (time, per-step shape...) with an unknown time. */
  static Shape rowsOf(Shape perStep) {
    long[] dims = new long[perStep.numDimensions() + 1];
    dims[0] = -1;
    for (int i = 0; i < perStep.numDimensions(); i++) {
      dims[i + 1] = perStep.size(i);
    }
    return Shape.of(dims);
  }

  /** {@code buffer} with row {@code ix.t} set to {@code value}, in place. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<?> writeRow(Ops ftf, Operand buffer, Index ix, Operand value) {
    return ftf.inplaceUpdate(buffer, ix.begin(), ftf.expandDims(value, ix.axis0()));
  }

  /**
   * The signature of a loop body: inputs {@code args} and outputs {@code outs}, in order; records the inputs' specs.
   * An output that is an input is passed through an identity (a function cannot return its argument).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Signature signature(List<Operand<?>> args, List<Operand<?>> outs, List<Spec> specs) {
    if (args.size() != outs.size()) {
      throw new IllegalStateException("loop body has " + args.size() + " inputs and " + outs.size() + " outputs");
    }
    Signature.Builder b = Signature.builder();
    for (int i = 0; i < args.size(); i++) {
      Operand<?> a = args.get(i);
      specs.add(new Spec(a.type(), a.shape()));
      b.input(String.format("i%04d", i), a);
    }
    for (int i = 0; i < outs.size(); i++) {
      Operand<?> o = outs.get(i);
      if (args.contains(o) || o.op().type().equals("Placeholder")) {
        o = Ops.create((org.tensorflow.ExecutionEnvironment) o.env()).identity((Operand) o);
      }
      b.output(String.format("o%04d", i), o);
    }
    return b.build();
  }

  /** A loop condition over loop variables of {@code specs}: variable {@code a} less than variable {@code b}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static ConcreteFunction lessThanCond(List<Spec> specs, int a, int b) {
    return ConcreteFunction.create(ctf -> {
      Signature.Builder s = Signature.builder();
      List<Operand> in = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        Operand p = ctf.placeholder((Class) specs.get(i).type(), Placeholder.shape(specs.get(i).shape()));
        in.add(p);
        s.input(String.format("i%04d", i), p);
      }
      return s.output("o0000", ctf.math.less(in.get(a), in.get(b))).build();
    });
  }
}
