package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

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

  /** Whether {@code type} overrides {@code call(Tensor, Tensor, boolean)}, the single-input call with a mask. */
  static boolean overridesMaskedCall(Class<?> type) {
    return MASKED_CALL.get(type);
  }

  private static final ClassValue<Boolean> MASKED_CALL = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      for (Class<?> c = type; c != Layer.class; c = c.getSuperclass()) {
        try {
          c.getDeclaredMethod("call", Tensor.class, Tensor.class, boolean.class);
          return true;
        } catch (NoSuchMethodException e) {
          // keep looking in the superclass
        }
      }
      return false;
    }
  };

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
    if (outputs.stream().allMatch(o -> Backend.getKerasMask(o) != null)) {
      return; // Keras: mask_already_computed (the call set them, as Masking's does, or returned a masked input)
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

  /** {@code any(mask, axis)} of a boolean mask (Keras' {@code ops.any}). */
  static Tensor any(Tensor mask, int axis, boolean keepdims) {
    Ops ops = Backend.ops();
    return ops.greater(ops.max(ops.cast(mask, "float32"), new int[] {axis}, keepdims), ops.constant(0f));
  }

  /** The OR of the masks, or null when one is missing (Keras' {@code Merge.compute_mask}). */
  static Tensor or(List<Tensor> masks) {
    if (masks == null || masks.isEmpty() || masks.stream().anyMatch(java.util.Objects::isNull)) {
      return null;
    }
    Ops ops = Backend.ops();
    Tensor out = ops.cast(masks.get(0), "bool");
    for (Tensor m : masks.subList(1, masks.size())) {
      out = ops.logicalOr(out, ops.cast(m, "bool"));
    }
    return out;
  }

  /** A (batch, steps) mask broadcast to {@code x}'s shape along its last axis, as boolean. */
  private static Tensor spread(Tensor mask, Tensor x) {
    Ops ops = Backend.ops();
    return ops.broadcastTo(ops.expandDims(ops.cast(mask, "bool"), -1), ops.shapeOf(x));
  }

  /**
   * {@code op} folded over the inputs where a masked entry takes the other operand's value, so that it cannot win
   * (Keras' {@code Merge._apply_merge_op_and_or_mask}, used by Maximum and Minimum).
   */
  static Tensor foldSkippingMasked(List<Tensor> inputs, List<Tensor> masks, BinaryOperator<Tensor> op) {
    Ops ops = Backend.ops();
    Tensor out = inputs.get(0);
    Tensor outMask = masks.get(0) == null ? null : spread(masks.get(0), out);
    for (int i = 1; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      Tensor mask = masks.get(i) == null ? null : spread(masks.get(i), x);
      if (mask != null) {
        x = ops.where(mask, x, out);
      }
      if (outMask != null) {
        out = ops.where(outMask, out, x);
      }
      outMask = mask != null && outMask != null ? ops.logicalOr(outMask, mask) : null;
      out = op.apply(out, x);
    }
    return out;
  }

  /**
   * The product of the inputs where a masked entry counts as 1, and 0 where every input is masked when all have
   * masks (Keras' {@code Multiply._merge_function}).
   */
  static Tensor multiplySkippingMasked(List<Tensor> inputs, List<Tensor> masks) {
    Ops ops = Backend.ops();
    boolean allMasked = masks.stream().noneMatch(java.util.Objects::isNull);
    Tensor out = null;
    Tensor outMask = null;
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      if (masks.get(i) != null) {
        Tensor mask = spread(masks.get(i), x);
        x = ops.where(mask, x, ops.onesLike(x));
        if (allMasked) {
          outMask = outMask == null ? mask : ops.logicalOr(outMask, mask);
        }
      }
      out = out == null ? x : ops.multiply(out, x);
    }
    return allMasked ? ops.where(outMask, out, ops.zerosLike(out)) : out;
  }

  /**
   * Concatenate's output mask: each input's mask (all true for an input without one) spread over its last axis,
   * concatenated along {@code axis}, then any over the last axis (Keras' {@code Concatenate.compute_mask}); null when
   * no input has a mask.
   */
  static Tensor concatenated(List<Tensor> inputs, List<Tensor> masks, int axis) {
    if (masks.stream().allMatch(m -> m == null)) {
      return null;
    }
    Ops ops = Backend.ops();
    List<Tensor> full = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      Tensor m = masks.get(i);
      if (m == null) {
        full.add(ops.cast(ops.onesLike(x), "bool"));
      } else if (m.rank() < x.rank()) {
        full.add(spread(m, x));
      } else {
        full.add(ops.cast(m, "bool"));
      }
    }
    return any(ops.concatenate(full, axis), -1, false);
  }
}
