package io.keras4j.backend.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;

/**
 * Gradients TensorFlow's C++ registry lacks, registered through TensorFlow Java's custom-gradient support.
 *
 * <p>Porting note: Python TensorFlow defines these in Python; the C API that TensorFlow Java builds gradients with
 * does not have them. Conv3D: d/dinput is Conv3DBackpropInputV2, d/dfilter is Conv3DBackpropFilterV2.
 * Conv3DBackpropInputV2 (Conv3DTranspose): d/dout_backprop is Conv3D of the gradient, d/dfilter is
 * Conv3DBackpropFilterV2 with the roles of input and out_backprop exchanged, as Python TensorFlow's
 * {@code _Conv3DBackpropInputGrad}; the input sizes get zeros.
 */
final class CustomGradients {
  private static boolean registered;

  private CustomGradients() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static synchronized void ensureRegistered() {
    if (registered) {
      return;
    }
    registered = true;
    TensorFlow.registerCustomGradient(Conv3d.Inputs.class, (tf, op, grads) -> {
      Conv3d.Inputs in = (Conv3d.Inputs) op;
      List<Long> strides = toList(in.strides);
      List<Long> dilations = toList(in.dilations);
      Operand dy = (Operand) grads.get(0);
      Operand dx = tf.nn.conv3dBackpropInput(tf.shape(in.input), in.filter, dy, strides, in.padding,
          Conv3dBackpropInput.dilations(dilations));
      Operand dw = tf.nn.conv3dBackpropFilter(in.input, tf.shape(in.filter), dy, strides, in.padding,
          Conv3dBackpropFilter.dilations(dilations));
      return List.of(dx, dw);
    });
    TensorFlow.registerCustomGradient(Conv3dBackpropInput.Inputs.class, (tf, op, grads) -> {
      Conv3dBackpropInput.Inputs in = (Conv3dBackpropInput.Inputs) op;
      List<Long> strides = toList(in.strides);
      List<Long> dilations = toList(in.dilations);
      Operand dy = (Operand) grads.get(0);
      Operand dw = tf.nn.conv3dBackpropFilter(dy, tf.shape(in.filter), in.outBackprop, strides, in.padding,
          Conv3dBackpropFilter.dilations(dilations));
      Operand dx = tf.nn.conv3d(dy, in.filter, strides, in.padding, Conv3d.dilations(dilations));
      return List.of(tf.zerosLike(in.inputSizes), dw, dx);
    });
    registerErfc();
  }

  /** Erfc (exact GELU in SavedModels): d/dx erfc(x) = -2 / sqrt(pi) * exp(-x^2), as Python TensorFlow's. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void registerErfc() {
    TensorFlow.registerCustomGradient(org.tensorflow.op.math.Erfc.Inputs.class, (tf, op, grads) -> {
      Operand x = ((org.tensorflow.op.math.Erfc.Inputs) op).x;
      Operand scale = tf.dtypes.cast(tf.constant(-2 / Math.sqrt(Math.PI)), x.type());
      Operand d = tf.math.mul(scale, tf.math.exp(tf.math.neg(tf.math.square(x))));
      return List.of(tf.math.mul((Operand) grads.get(0), d));
    });
  }

  private static List<Long> toList(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
