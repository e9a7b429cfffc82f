package io.keras4j.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;
import org.junit.jupiter.api.Test;

/** The ops of a trace that hold a variable's buffer, which the variable's update waits for. */
class ReadUsersTest {
  @Test
  void usersOfTheReadInThisTraceThroughOpsPassingTheBufferButNotEarlierTracesOrControlFlow() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VarHandleOp w = tf.varHandleOp(TFloat32.class, Shape.of(2, 2));
      ReadVariableOp<TFloat32> read = tf.readVariableOp(w, TFloat32.class);
      Operand<TFloat32> earlier = tf.linalg.matMul(read, read); // another function's, traced before
      ReadUsers users = new ReadUsers(g, ReadUsers.opsIn(g));

      Operand<TFloat32> square = tf.linalg.matMul(read, read);
      Operand<TFloat32> reshaped = tf.reshape(read, tf.constant(new long[] {4, 1}));
      Operand<TFloat32> ofReshaped = tf.linalg.matMul(tf.ones(tf.constant(new long[] {1, 4}), TFloat32.class),
          reshaped);
      Operand<TFloat32> sum = tf.math.add(read, read);
      Operand<TBool> always = tf.constant(true);
      GraphOperation enter = op(g, tf, "Enter", read, null);
      GraphOperation switched = op(g, tf, "Switch", read, always);

      Set<Operation> deps = new LinkedHashSet<>();
      users.addTo((GraphOperation) read.op(), deps);
      assertEquals(Set.of(square.op(), reshaped.op(), ofReshaped.op(), sum.op()), deps,
          "not " + earlier.op().name() + " (traced before), " + enter.name() + " nor " + switched.name());
    }
  }

  /** A TensorFlow 1 control-flow op on {@code in} (Enter into a loop frame, or Switch on {@code pred}). */
  private static GraphOperation op(Graph g, Ops tf, String type, Operand<? extends TType> in, Operand<TBool> pred) {
    var b = g.opBuilder(type, type.toLowerCase(), tf.scope()).addInput(in.asOutput());
    if (pred != null) {
      b.addInput(pred.asOutput());
    } else {
      b.setAttr("frame_name", "loop");
    }
    return (GraphOperation) b.build();
  }
}
