package io.keras4j.examples;

// Follows keras-io examples/generative/dcgan_overriding_train_step.py, class GAN (Keras 3).

import io.keras4j.backend.GradientTape;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.models.StepData;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.random.SeedGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generative adversarial network: a discriminator (image to the probability that it is generated) and a
 * generator (latent vector to image), each trained by its own optimizer in one train step.
 *
 * <p>Keras equivalent: the {@code GAN(keras.Model)} of Keras' example "DCGAN to generate face images": the
 * discriminator learns generated images as 1 and real ones as 0, with labels jittered by {@code 0.05 * uniform},
 * then the generator learns from the updated discriminator with the "misleading" labels 0; logs {@code d_loss} and
 * {@code g_loss}:
 * <pre>{@code
 * Gan gan = new Gan(discriminator, generator, 64);
 * gan.compile(new Adam(1e-4), new Adam(1e-4), new BinaryCrossentropy());
 * gan.fit(images, null, 20, 32);
 * }</pre>
 */
public class Gan extends Model {
  private final Model discriminator;
  private final Model generator;
  private final int latentDim;
  private final SeedGenerator seedGenerator = new SeedGenerator(1337);
  private final Mean dLossMetric = new Mean("d_loss");
  private final Mean gLossMetric = new Mean("g_loss");
  private Optimizer dOptimizer;
  private Optimizer gOptimizer;
  private Loss lossFn;

  /** A GAN of {@code discriminator} and {@code generator}, whose input has {@code latentDim} values. */
  public Gan(Model discriminator, Model generator, int latentDim) {
    if (latentDim < 1) {
      throw new IllegalArgumentException("Gan expects latent_dim >= 1. Received: latentDim=" + latentDim);
    }
    this.discriminator = track(discriminator);
    this.generator = track(generator);
    this.latentDim = latentDim;
    name("gan");
  }

  /** Keras' {@code compile(d_optimizer, g_optimizer, loss_fn)} of the example. */
  public void compile(Optimizer dOptimizer, Optimizer gOptimizer, Loss lossFn) {
    compile(new CompileOptions());
    this.dOptimizer = dOptimizer;
    this.gOptimizer = gOptimizer;
    this.lossFn = lossFn;
  }

  /** The discriminator. */
  public Model discriminator() {
    return discriminator;
  }

  /** The generator. */
  public Model generator() {
    return generator;
  }

  @Override
  public List<Metric> metrics() {
    return List.of(dLossMetric, gLossMetric);
  }

  @Override
  protected Map<String, Tensor> trainStep(StepData data) {
    if (lossFn == null) {
      throw new IllegalStateException("Gan '" + name() + "' must be compiled with compile(dOptimizer, gOptimizer, "
          + "lossFn) before fit");
    }
    Ops ops = ops();
    Tensor real = data.x();
    Tensor batch = ops.dimension(real, 0);
    Tensor column = shape(ops, batch, 1);
    Tensor generated = generator.apply(latent(ops, batch), false);
    Tensor combined = ops.concatenate(List.of(generated, real), 0);
    Tensor labels = ops.concatenate(List.of(ops.fill(column, 1f), ops.fill(column, 0f)), 0);
    labels = ops.add(labels, ops.multiply(
        ops.statelessRandomUniform(ops.shapeOf(labels), seedGenerator.next(), 0f, 1f), 0.05f));
    Tensor dLoss = lossFn.apply(labels, discriminator.apply(combined, true), null);
    List<Variable> dWeights = discriminator.trainableWeights();
    dOptimizer.applyGradients(new GradientTape().gradient(dLoss, dWeights), dWeights);

    Tensor misleading = ops.fill(column, 0f);
    Tensor predictions = discriminator.apply(generator.apply(latent(ops, batch), true), false);
    Tensor gLoss = lossFn.apply(misleading, predictions, null);
    List<Variable> gWeights = generator.trainableWeights();
    gOptimizer.applyGradients(new GradientTape().gradient(gLoss, gWeights), gWeights);

    dLossMetric.updateState(null, dLoss, null);
    gLossMetric.updateState(null, gLoss, null);
    Map<String, Tensor> logs = new LinkedHashMap<>();
    logs.put("d_loss", dLossMetric.result());
    logs.put("g_loss", gLossMetric.result());
    return logs;
  }

  /** Standard normal latent vectors, (batch, latent_dim). */
  private Tensor latent(Ops ops, Tensor batch) {
    return ops.statelessRandomNormal(shape(ops, batch, latentDim), seedGenerator.next(), 0f, 1f);
  }

  private static Tensor shape(Ops ops, Tensor batch, int columns) {
    return ops.concatenate(List.of(ops.reshape(batch, 1), ops.constant(new int[] {columns}, Shape.of(1))), 0);
  }

  /** Its random generator (Keras' {@code seed_generator}), then its models' ones. */
  @Override
  public List<SeedGenerator> seedGenerators() {
    List<SeedGenerator> out = new java.util.ArrayList<>(List.of(seedGenerator));
    out.addAll(super.seedGenerators());
    return out;
  }

  /** Releases the compiled graphs of the GAN and of its two models. */
  @Override
  public void close() {
    super.close();
    discriminator.close();
    generator.close();
  }
}
