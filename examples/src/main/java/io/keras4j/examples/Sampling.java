package io.keras4j.examples;

// Follows keras-io examples/generative/vae.py, class Sampling (Keras 3).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.BaseLayer;
import io.keras4j.random.SeedGenerator;
import java.util.List;
import java.util.Map;

/**
 * The reparameterisation trick of a variational autoencoder: from {@code (z_mean, z_log_var)} draws
 * {@code z = z_mean + exp(0.5 * z_log_var) * epsilon}, epsilon standard normal, so gradients flow to the mean and
 * the log-variance.
 *
 * <p>Keras equivalent: the {@code Sampling} layer of Keras' VAE example (keras.io/examples/generative/vae), which
 * draws with its own {@code keras.random.SeedGenerator(1337)}:
 * <pre>{@code
 * List<KerasTensor> z = new Sampling().apply(List.of(zMean, zLogVar));
 * }</pre>
 * It samples in inference too, as Keras' example does.
 */
public class Sampling extends BaseLayer<Sampling> {
  private long seed = 1337;
  private SeedGenerator seedGenerator = new SeedGenerator(seed);

  /** A sampling layer seeded 1337, as Keras' example. */
  public Sampling() {}

  /** Sets the seed of its generator (the example's {@code SeedGenerator(1337)}). Default: 1337. */
  public Sampling seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return this;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("Layer '" + name() + "' (Sampling) expects 2 inputs, [z_mean, z_log_var]. "
          + "Received: " + inputs.size() + " inputs");
    }
    Ops ops = ops();
    Tensor mean = inputs.get(0);
    Tensor logVar = inputs.get(1);
    Tensor epsilon = ops.statelessRandomNormal(ops.shapeOf(mean), seedGenerator.next(), 0f, 1f);
    return List.of(ops.add(mean, ops.multiply(ops.exp(ops.multiply(logVar, 0.5f)), epsilon)));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    if (in.size() != 2 || !in.get(0).equals(in.get(1))) {
      throw new IllegalArgumentException("Layer '" + name() + "' (Sampling) expects z_mean and z_log_var of one "
          + "shape. Received: shapes " + in);
    }
    return List.of(in.get(0));
  }

  /** Its random generator, saved with the model. */
  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seedGenerator);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("seed", seed);
    return c;
  }
}
