package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * The base of the elementwise merge layers: inputs of one shape combined into one output of that shape.
 *
 * <p>Keras equivalent: {@code keras.layers.Merge} (the base of Add, Subtract, Multiply, Average, Maximum,
 * Minimum). A subclass names itself as {@code T}, so that the common setters return it. Inputs of one rank broadcast
 * as in Keras (an axis of size 1 stretches to the others'). Porting note: inputs of different ranks, which Keras
 * expands, are refused.
 *
 * @param <T> the concrete merge layer
 */
public abstract class Merge<T extends Merge<T>> extends BaseLayer<T> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

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
    broadcast(inputShapes);
  }

  /** The broadcast of the input shapes (Keras' {@code _compute_elemwise_op_output_shape}); unknown stays unknown. */
  private Shape broadcast(List<Shape> inputShapes) {
    Shape out = inputShapes.get(0);
    for (Shape s : inputShapes) {
      if (s.rank() != out.rank()) {
        throw new IllegalArgumentException("Inputs of layer '" + name() + "' must have the same rank. Received: "
            + inputShapes);
      }
      for (int i = 1; i < s.rank(); i++) {
        long a = out.get(i);
        long b = s.get(i);
        if (a == 1 || a == Shape.UNKNOWN && b != 1) {
          out = out.with(i, b);
        } else if (b != 1 && b != Shape.UNKNOWN && a != b) {
          throw new IllegalArgumentException("Inputs of layer '" + name() + "' must have the same shape or "
              + "broadcast (size-1 axes). Received: " + inputShapes);
        }
      }
    }
    return out;
  }

  /**
   * Combines the inputs given their masks (null entries for none); by default the masks do not change the values.
   * Maximum, Minimum and Multiply override it so that masked entries do not count, as in Keras.
   */
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    return merge(inputs);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    return List.of(merge(inputs));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
    return List.of(merge(inputs, masks));
  }

  /** The OR of the input masks, or none when an input has none (Keras' {@code Merge.compute_mask}). */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor m = Masks.or(masks);
    return m == null ? null : List.of(m);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(broadcast(in));
  }
}
