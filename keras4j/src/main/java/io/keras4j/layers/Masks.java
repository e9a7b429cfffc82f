package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * How a layer's call attaches masks to its outputs (Keras' {@code Layer._set_mask_metadata}).
 *
 * <p>Keras equivalent: the mask part of {@code Layer.__call__}: a layer that supports masking sets the masks its
 * {@code compute_mask} returns on outputs that have none; one that does not drops the incoming mask.
 */
final class Masks {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Masks.class);

  private Masks() {}

  /** Whether {@code type} overrides either computeMask (Keras: supports_masking defaults to that). */
  static boolean overridesComputeMask(Class<?> type) {
    try {
      return type.getMethod("computeMask", Tensor.class, Tensor.class).getDeclaringClass() != Layer.class
          || type.getMethod("computeMask", List.class, List.class).getDeclaringClass() != Layer.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Attaches {@code layer}'s output masks for these inputs and input masks to {@code outputs}. */
  static void attach(Layer layer, List<Tensor> inputs, List<Tensor> masks, List<Tensor> outputs) {
    boolean anyMask = masks.stream().anyMatch(m -> m != null);
    if (!layer.supportsMasking()) {
      if (anyMask) {
        LOG.warn("Layer '{}' (of type {}) was passed an input with a mask attached to it. However, this layer does "
            + "not support masking and will therefore destroy the mask information. Downstream layers will not see "
            + "the mask.", layer.name(), layer.getClass().getSimpleName());
      }
      return;
    }
    List<Tensor> outMasks = layer.computeMask(inputs, masks);
    if (outMasks == null) {
      return;
    }
    for (int i = 0; i < outputs.size() && i < outMasks.size(); i++) {
      if (outMasks.get(i) != null && Backend.getKerasMask(outputs.get(i)) == null) {
        Backend.setKerasMask(outputs.get(i), outMasks.get(i));
      }
    }
  }
}
