package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Input;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * Points the gradients of {@code Relu} and {@code Relu6} at the activation's output instead of its input, as Python
 * TensorFlow's gradients ({@code _ReluGrad}, {@code _Relu6Grad} in {@code tensorflow/python/ops/nn_grad.py}) read
 * them, so that Grappler's remapper can fold the activation into the convolution or matrix product before it
 * ({@code _FusedConv2D}, {@code _FusedMatMul} with "BiasAdd" and "Relu") in a training step as it does for Keras.
 *
 * <p>Same arithmetic: {@code ReluGrad(dy, f)} is {@code dy} where {@code f > 0}, else 0, and {@code relu(z) > 0}
 * exactly where {@code z > 0}; {@code Relu6Grad(dy, f)} keeps {@code dy} where {@code 0 < f < 6}, and
 * {@code relu6(z)} lies in (0, 6) exactly where {@code z} does.
 *
 * <p>Porting note: TensorFlow's C++ gradients (the ones {@code Graph.addGradients} builds) read the activation's
 * input, which then has two consumers, and the remapper fuses only a bias with one; TensorFlow Java refuses a custom
 * gradient for an op type that has a C++ one. So after the gradients are built, each {@code ReluGrad} and
 * {@code Relu6Grad} input edge is moved to the matching activation's output with the C API's {@code TF_UpdateEdge}.
 * TensorFlow Java keeps the graph's native handle private; where it can't be reached (the library on the module
 * path without {@code --add-opens org.tensorflow/org.tensorflow=...}) the gradients keep reading the input: same
 * values, no fusion.
 */
final class ReluGradients {
  private static final Map<String, String> ACTIVATION_OF_GRADIENT = Map.of("ReluGrad", "Relu", "Relu6Grad", "Relu6");

  private ReluGradients() {}

  /**
   * Moves the features input of every {@code ReluGrad}/{@code Relu6Grad} of {@code graph} that reads an
   * activation's input onto that activation's output; returns how many it moved.
   */
  static int readOutputs(Graph graph) {
    List<GraphOperation[]> moves = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation grad = it.next();
      String activation = ACTIVATION_OF_GRADIENT.get(grad.type());
      if (activation == null) {
        continue;
      }
      GraphOperation act = activationReading(grad.input(1), activation);
      if (act != null) {
        moves.add(new GraphOperation[] {grad, act});
      }
    }
    if (moves.isEmpty()) {
      return 0;
    }
    TF_Graph handle = NativeGraphs.handle(graph);
    if (handle == null) {
      return 0;
    }
    for (GraphOperation[] m : moves) {
      update(handle, m[1].output(0), m[0], 1);
    }
    return moves.size();
  }

  /** The op of type {@code type} whose input 0 is {@code features}, or null. */
  private static GraphOperation activationReading(Output<?> features, String type) {
    GraphOperation producer = (GraphOperation) features.op();
    for (GraphOperation c : producer.consumers(features.index())) {
      if (c.type().equals(type) && c.input(0).equals(features)) {
        return c;
      }
    }
    return null;
  }

  private static void update(TF_Graph graph, Output<?> from, GraphOperation consumer, int input) {
    TF_Status status = TF_Status.newStatus();
    try (TF_Output src = new TF_Output(); TF_Input dst = new TF_Input()) {
      src.oper(((GraphOperation) from.op()).getUnsafeNativeHandle()).index(from.index());
      dst.oper(consumer.getUnsafeNativeHandle()).index(input);
      org.tensorflow.internal.c_api.global.tensorflow.TF_UpdateEdge(graph, src, dst, status);
      status.throwExceptionIfNotOK();
    } finally {
      status.delete();
    }
  }
}
