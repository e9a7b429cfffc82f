package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * Raw TensorFlow Java ops inside a keras4j trace, for Lambda layers and custom code that needs an op keras4j's
 * {@link io.keras4j.backend.Ops} lacks.
 *
 * <p>Porting note: the Java counterpart of calling {@code tf.*} inside a Keras {@code Lambda} with the TensorFlow
 * backend. The io.keras4j module does not export this package: code on the class path uses it as is, a named module
 * needs {@code --add-exports io.keras4j/io.keras4j.backend.tensorflow=its.module}.
 * <pre>{@code
 * new Lambda(x -> TensorFlowOps.tensor(TensorFlowOps.tf().math.cumprod(TensorFlowOps.operand(x),
 *     TensorFlowOps.tf().constant(-1))))
 * }</pre>
 */
public final class TensorFlowOps {
  private TensorFlowOps() {}

  private static TFOps current() {
    if (!(Backend.ops() instanceof TFOps ops)) {
      throw new IllegalStateException("The current trace does not run on the TensorFlow engine");
    }
    return ops;
  }

  /** TensorFlow Java's {@code Ops} of the graph being traced. */
  public static Ops tf() {
    return current().tf();
  }

  /** The TensorFlow operand behind a keras4j tensor. */
  public static Operand<?> operand(Tensor t) {
    if (!(t instanceof TFTensor tt)) {
      throw new IllegalArgumentException("Expected a tensor of a TensorFlow trace. Received: " + t);
    }
    return tt.operand();
  }

  /** A keras4j tensor for a TensorFlow operand of the graph being traced. */
  public static Tensor tensor(Operand<?> operand) {
    return new TFTensor(operand);
  }
}
