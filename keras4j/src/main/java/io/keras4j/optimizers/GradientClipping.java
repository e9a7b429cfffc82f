package io.keras4j.optimizers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping by norm, global norm and value.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Optimizer._clip_gradients} (clipnorm, global_clipnorm, clipvalue).
 */
final class GradientClipping {
  private GradientClipping() {}

  /**
   * {@code gradients} clipped as Keras clips them before the update: each by its norm ({@code clipnorm}) or all
   * by their global norm ({@code globalClipnorm}), then elementwise ({@code clipvalue}); null or 0 turns a step off.
   */
  static List<Tensor> clip(Ops ops, List<Tensor> gradients, Double clipnorm, Double globalClipnorm,
      Double clipvalue) {
    List<Tensor> out = new ArrayList<>(gradients);
    if (clipnorm != null && clipnorm > 0) {
      for (int i = 0; i < out.size(); i++) {
        Tensor g = out.get(i);
        if (g != null) {
          Tensor norm = ops.sqrt(ops.sum(ops.square(g), null, false));
          out.set(i, ops.divide(ops.multiply(g, clipnorm.floatValue()), ops.maximum(norm, clipnorm.floatValue())));
        }
      }
    } else if (globalClipnorm != null && globalClipnorm > 0) {
      Tensor total = ops.constant(0f);
      for (Tensor g : out) {
        if (g != null) {
          total = ops.add(total, ops.sum(ops.square(g), null, false));
        }
      }
      Tensor scale = ops.divide(ops.constant(globalClipnorm.floatValue()),
          ops.maximum(ops.sqrt(total), globalClipnorm.floatValue()));
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) != null) {
          out.set(i, ops.multiply(out.get(i), scale));
        }
      }
    }
    if (clipvalue != null && clipvalue > 0) {
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) != null) {
          out.set(i, ops.clip(out.get(i), -clipvalue.floatValue(), clipvalue.floatValue()));
        }
      }
    }
    return out;
  }
}
