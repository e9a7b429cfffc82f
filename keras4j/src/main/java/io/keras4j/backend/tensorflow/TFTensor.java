package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import org.tensorflow.Operand;

/** A {@link Tensor} backed by a TensorFlow graph output. */
final class TFTensor implements Tensor {
  private final Operand<?> operand;

  TFTensor(Operand<?> operand) {
    this.operand = operand;
  }

  Operand<?> operand() {
    return operand;
  }

  @Override
  public Shape shape() {
    org.tensorflow.ndarray.Shape s = operand.shape();
    if (s.isUnknown()) {
      throw new IllegalStateException("Tensor " + operand + " has an unknown rank");
    }
    return Shape.of(s.asArray());
  }

  @Override
  public String dtype() {
    return DTypes.name(operand.type());
  }

  @Override
  public String toString() {
    return "<Tensor " + operand.op().name() + " shape=" + shape() + " dtype=" + dtype() + ">";
  }
}
