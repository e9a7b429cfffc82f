package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;

/**
 * Computes the input gradient of a stride-1, "SAME", odd-sized 2-D convolution as a forward convolution of the
 * output gradient with the kernel flipped in space and its channel axes swapped, instead of TensorFlow's
 * {@code Conv2DBackpropInput}: the same sums, since for such a convolution {@code dx[i] = sum_a dy[i + p - a] w[a]}
 * is a correlation of {@code dy} with the flipped kernel, padded by the same {@code p = (k - 1) / 2} on each side.
 *
 * <p>Porting note: TensorFlow Java 1.0's oneDNN (v3.3.4) runs {@code Conv2DBackpropInput} of W3's second
 * convolution with its brgemm kernel at 2.9x the time of oneDNN 3.7.3's (TensorFlow 2.21, Keras' runtime), while its
 * forward convolution of the same sizes is fast (docs/perf/cnngap.md). {@code -Dkeras4j.convInputGradient=backprop}
 * keeps TensorFlow's form.
 */
final class ConvInputGradients {
  private ConvInputGradients() {}

  /** The names of {@code graph}'s ops, to tell the ones a gradient call adds. */
  static Set<String> names(Graph graph) {
    Set<String> names = new java.util.HashSet<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      names.add(it.next().name());
    }
    return names;
  }

  /**
   * Replaces the qualifying {@code Conv2DBackpropInput} ops added since {@code before}: their consumers read the
   * forward convolution instead; returns each replaced output with its replacement (for the gradients themselves).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Map<Output<?>, Output<?>> asForwardConvolutions(Graph graph, Set<String> before) {
    Map<Output<?>, Output<?>> moved = new HashMap<>();
    if ("backprop".equals(System.getProperty("keras4j.convInputGradient"))) {
      return moved;
    }
    List<GraphOperation> found = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("Conv2DBackpropInput") && !before.contains(op.name()) && qualifies(op)) {
        found.add(op);
      }
    }
    for (GraphOperation op : found) {
      Ops tf = Ops.create(graph).withSubScope(op.name().replace('/', '_') + "_as_conv");
      Operand filter = op.input(1);
      Operand flipped = tf.linalg.transpose(tf.reverse(filter, tf.constant(new int[] {0, 1})),
          tf.constant(new int[] {0, 1, 3, 2}));
      Operand dy = op.input(2);
      Output<?> y = tf.nn.conv2d(dy, flipped, List.of(1L, 1L, 1L, 1L), "SAME").asOutput();
      if (ReluGradients.moveConsumers(graph, op.output(0), y)) {
        moved.put(op.output(0), y);
      }
    }
    return moved;
  }

  private static boolean qualifies(GraphOperation op) {
    var a = op.attributes();
    long[] strides = a.getAttrIntList("strides");
    long[] dilations = a.getAttrIntList("dilations");
    org.tensorflow.ndarray.Shape k = op.input(1).shape();
    return "SAME".equals(a.getAttrString("padding")) && "NHWC".equals(a.getAttrString("data_format"))
        && allOnes(strides) && allOnes(dilations) && k.numDimensions() == 4 && k.size(0) > 0 && k.size(0) % 2 == 1
        && k.size(1) > 0 && k.size(1) % 2 == 1;
  }

  private static boolean allOnes(long[] v) {
    for (long x : v) {
      if (x != 1) {
        return false;
      }
    }
    return true;
  }
}
