package io.keras4j.backend;

/**
 * The random operations: stateful draws, which draw new numbers at every call of the traced function, and stateless
 * ones, whose numbers are a function of {@code seed}, an integer (2,) tensor.
 *
 * <p>Keras equivalent: {@code keras.random}.
 * Part of {@link Ops}, which extends it: get them with {@link Backend#ops()}.
 * <pre>{@code Tensor noise = Backend.ops().statelessRandomNormal(shape, seed, 0f, 1f);}</pre>
 */
public interface RandomOps {
  Tensor randomUniform(Tensor shape, float min, float max, long seed);

  Tensor randomNormal(Tensor shape, float mean, float stddev, long seed);

  /** Gamma(alpha, 1) draws of {@code shape} + alpha's shape (TensorFlow's {@code RandomGamma}), float32. */
  Tensor randomGamma(Tensor shape, Tensor alpha, long seed);

  /**
   * Uniform numbers in [min, max) drawn from {@code seed} (int32 or int64, shape (2,)), the same for the same seed
   * (Keras' {@code keras.random.uniform} with a seed tensor; {@code tf.random.stateless_uniform} on TensorFlow).
   */
  Tensor statelessRandomUniform(Tensor shape, Tensor seed, float min, float max);

  /** Normal numbers of the given mean and stddev drawn from {@code seed} ({@code tf.random.stateless_normal}). */
  Tensor statelessRandomNormal(Tensor shape, Tensor seed, float mean, float stddev);

  /**
   * Inverted dropout from {@code seed}: an element is kept where a uniform draw of {@code noiseShape} (broadcast to
   * {@code x}) is at least {@code rate} and scaled by {@code 1 / (1 - rate)}, else zero (Keras'
   * {@code keras.random.dropout}; {@code tf.nn.experimental.stateless_dropout} on TensorFlow).
   */
  Tensor statelessDropout(Tensor x, double rate, Tensor noiseShape, Tensor seed);
}
