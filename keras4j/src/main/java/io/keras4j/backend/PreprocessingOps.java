package io.keras4j.backend;

import java.util.List;

/**
 * The operations of Keras' preprocessing layers: bucketizing by sorted boundaries and hashing integers into bins.
 *
 * <p>Keras equivalent: {@code keras.ops.searchsorted} and {@code ops.digitize} ({@code Discretization}), and the
 * TensorFlow string hashes Keras' {@code Hashing} and {@code HashedCrossing} layers call. Part of {@link Ops}, which
 * extends it: get them with {@link Backend#ops()}.
 * <pre>{@code Tensor bins = Backend.ops().searchSorted(boundaries, x, true);}</pre>
 */
public interface PreprocessingOps {
  /**
   * For each value, its insertion index in the 1-D ascending {@code sorted}: the first index whose element is
   * {@code >= value} ({@code right} false) or {@code > value} ({@code right} true), int32 of the values' shape
   * (Keras' {@code ops.searchsorted}; with {@code right} true, {@code ops.digitize}).
   */
  Tensor searchSorted(Tensor sorted, Tensor values, boolean right);

  /**
   * Each value hashed into {@code [0, numBins)}, int64: floats truncated to int64, the integers written as decimal
   * strings and hashed with FarmHash Fingerprint64 ({@code salt} null, {@code tf.strings.to_hash_bucket_fast}) or
   * keyed SipHash with the two 64-bit {@code salt} words ({@code tf.strings.to_hash_bucket_strong}), as Keras'
   * {@code Hashing} layer.
   */
  Tensor hashBucket(Tensor x, int numBins, long[] salt);

  /**
   * The hashed cross of rank-2 {@code (batch, 1)} integer features into {@code [0, numBins)}, int64 {@code (batch, 1)}:
   * FingerprintCat64 of their Fingerprint64s, as {@code tf.sparse.cross_hashed} (Keras' {@code HashedCrossing}).
   */
  Tensor crossHashed(List<Tensor> xs, int numBins);
}
