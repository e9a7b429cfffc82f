package io.keras4j.backend.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.StatelessRandomGetKeyCounter;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The stateless random ops of {@link TFOps}, built as TensorFlow 2.21's Python API builds them, so a seed gives the
 * numbers Keras 3 gives on TensorFlow.
 *
 * <p>Follows {@code keras/src/backend/tensorflow/random.py} ({@code _cast_seed}, {@code uniform}, {@code normal},
 * {@code dropout}) and {@code tensorflow/python/ops/stateless_random_ops.py}: the seed is reduced to int32 by
 * {@code floormod(seed, 2^31 - 2)}, turned into a key and counter by {@code StatelessRandomGetKeyCounter}, and drawn
 * by the V2 kernels with the "auto select" algorithm (Philox on CPU and GPU). Porting note: the draws are wrapped in
 * StopGradient: Python TensorFlow declares the stateless kernels not differentiable, but TensorFlow Java's C++
 * gradient registry has no entry for them, and the draw's shape may come from a differentiated input.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class TFStatelessRandom {
  /** {@code tf.random.Algorithm.AUTO_SELECT}, what {@code tf.random.stateless_*} use when no alg is given. */
  private static final int AUTO_SELECT = 3;

  private TFStatelessRandom() {}

  /** Keras' {@code _cast_seed}: an int32 seed as it is, any other integer seed {@code floormod(seed, int32 max - 1)}. */
  static Operand<TInt32> castSeed(Ops tf, Operand seed) {
    if (seed.type() == TInt32.class) {
      return seed;
    }
    Operand<TInt64> s = seed.type() == TInt64.class ? seed : tf.dtypes.cast(seed, TInt64.class);
    return tf.dtypes.cast(tf.math.floorMod(s, tf.constant((long) Integer.MAX_VALUE - 1)), TInt32.class);
  }

  /** {@code tf.random.stateless_uniform(shape, seed, minval, maxval)} for float32: {@code u * (max - min) + min}. */
  static Operand<TFloat32> uniform(Ops tf, Operand shape, Operand seed, float min, float max) {
    StatelessRandomGetKeyCounter kc = tf.random.statelessRandomGetKeyCounter(castSeed(tf, seed));
    Operand<TFloat32> u = tf.random.statelessRandomUniformV2(shape, kc.key(), kc.counter(), tf.constant(AUTO_SELECT),
        TFloat32.class);
    return tf.stopGradient(tf.math.add(tf.math.mul(u, tf.constant(max - min)), tf.constant(min)));
  }

  /** {@code tf.random.stateless_normal(shape, seed, mean, stddev)} for float32: {@code n * stddev + mean}. */
  static Operand<TFloat32> normal(Ops tf, Operand shape, Operand seed, float mean, float stddev) {
    StatelessRandomGetKeyCounter kc = tf.random.statelessRandomGetKeyCounter(castSeed(tf, seed));
    Operand<TFloat32> n = tf.random.statelessRandomNormalV2(shape, kc.key(), kc.counter(), tf.constant(AUTO_SELECT),
        TFloat32.class);
    return tf.stopGradient(tf.math.add(tf.math.mul(n, tf.constant(stddev)), tf.constant(mean)));
  }

  /**
   * {@code tf.nn.experimental.stateless_dropout(x, rate, seed, noise_shape)} with a number {@code rate} in (0, 1):
   * {@code x * float32(1 / (1 - rate))} where {@code uniform(noise_shape) >= rate}, else 0. Porting note: TensorFlow
   * selects with {@code where}; here the scaled input is multiplied by the 0/1 mask (the same numbers for finite
   * inputs), whose gradient the C++ gradient registry has.
   */
  static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, double rate, Operand noiseShape, Operand seed) {
    Operand<TFloat32> scaled = tf.math.mul(x, tf.constant((float) (1 / (1 - rate))));
    Operand<TFloat32> u = uniform(tf, noiseShape, seed, 0f, 1f);
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant((float) rate)), TFloat32.class);
    return tf.math.mul(scaled, keep);
  }
}
