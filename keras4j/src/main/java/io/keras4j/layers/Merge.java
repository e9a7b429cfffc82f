package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * The base of the elementwise merge layers: inputs of one shape combined into one output of that shape.
 *
 * <p>Keras equivalent: {@code keras.layers.Merge} (the base of Add, Subtract, Multiply, Average, Maximum,
 * Minimum). A subclass names itself as {@code T}, so that the common setters return it. Porting note: inputs
 * must have equal shapes (Keras also broadcasts size-1 axes).
 *
 * @param <T> the concrete merge layer
 */
public abstract class Merge<T extends Merge<T>> extends BaseLayer<T> {
  /** Combines the inputs (at least 2). */
  protected abstract Tensor merge(List<Tensor> inputs);

  /** {@code op(op(x0, x1), x2)...} over the inputs. */
  protected static Tensor fold(List<Tensor> inputs, java.util.function.BinaryOperator<Tensor> op) {
    Tensor y = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      y = op.apply(y, inputs.get(i));
    }
    return y;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    if (inputShapes.size() < 2) {
      throw new IllegalArgumentException("A merge layer should be called on a list of at least 2 inputs. Got "
          + inputShapes.size() + " inputs. Layer: " + name());
    }
    Shape first = inputShapes.get(0);
    for (Shape s : inputShapes) {
      if (!s.withoutBatch().isCompatibleWith(first.withoutBatch())) {
        throw new IllegalArgumentException("Inputs of layer '" + name() + "' must have the same shape. Received: "
            + inputShapes);
      }
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    return List.of(merge(inputs));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }
}
