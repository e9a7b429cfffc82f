package io.keras4j.layers;

import io.keras4j.backend.Tensor;

/**
 * A test layer that passes its input through and attaches a Keras mask to it: true where the first feature is
 * positive, and always at step 0 (as a Masking or Embedding layer would attach one).
 */
final class MaskFromFirstFeature extends Layer {
  @Override
  protected Tensor call(Tensor input, boolean training) {
    return ops().identity(input);
  }

  @Override
  public Tensor computeMask(Tensor input, Tensor mask) {
    var ops = ops();
    Tensor first = ops.squeeze(ops.slice(input, new int[] {0, 0, 0}, new int[] {-1, -1, 1}), -1);
    Tensor step0 = ops.equal(ops.cumsum(ops.onesLike(first), 1), ops.constant(1f));
    return ops.logicalOr(ops.greater(first, ops.constant(0f)), step0);
  }
}
