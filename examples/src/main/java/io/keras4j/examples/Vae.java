package io.keras4j.examples;

// Follows keras-io examples/generative/vae.py, class VAE (Keras 3).

import io.keras4j.backend.Backend;
import io.keras4j.backend.GradientTape;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.models.Model;
import io.keras4j.models.StepData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variational autoencoder: an encoder to {@code (z_mean, z_log_var, z)} (z drawn by {@link Sampling}) and a
 * decoder from z to an image in [0, 1], trained on the negative ELBO, the reconstruction loss (binary
 * cross-entropy summed over the pixels) plus the KL divergence of the posterior from the standard normal prior.
 *
 * <p>Keras equivalent: the {@code VAE(keras.Model)} of Keras' VAE example, with its {@code train_step} and its
 * three trackers; the logs are {@code loss} (the tracker {@code total_loss}), {@code reconstruction_loss} and
 * {@code kl_loss}, each a mean per image:
 * <pre>{@code
 * Vae vae = new Vae(encoder, decoder);
 * vae.compile(new CompileOptions().optimizer(new Adam(1e-3)));
 * History h = vae.fit(images, null, 30, 128);
 * }</pre>
 * Porting note: {@code evaluate} runs the same losses without the update (the example defines no test_step).
 */
public class Vae extends Model {
  private final Model encoder;
  private final Model decoder;
  private final Mean totalLossTracker = new Mean("total_loss");
  private final Mean reconstructionLossTracker = new Mean("reconstruction_loss");
  private final Mean klLossTracker = new Mean("kl_loss");

  /** A VAE of {@code encoder} (image to [z_mean, z_log_var, z]) and {@code decoder} (z to image). */
  public Vae(Model encoder, Model decoder) {
    if (encoder.outputs().size() != 3) {
      throw new IllegalArgumentException("Vae expects an encoder with 3 outputs [z_mean, z_log_var, z]. Received: "
          + encoder.outputs().size() + " outputs of model '" + encoder.name() + "'");
    }
    this.encoder = track(encoder);
    this.decoder = track(decoder);
    name("vae");
  }

  /** The encoder, image to [z_mean, z_log_var, z]. */
  public Model encoder() {
    return encoder;
  }

  /** The decoder, z to image. */
  public Model decoder() {
    return decoder;
  }

  @Override
  public List<Metric> metrics() {
    return List.of(totalLossTracker, reconstructionLossTracker, klLossTracker);
  }

  /**
   * The KL divergence of N(mean, exp(logVar)) from N(0, 1), summed over the latent dimensions and averaged over
   * the batch: {@code mean_i(-0.5 sum_j(1 + logVar - mean^2 - exp(logVar)))}, as Keras' example computes it.
   */
  public static Tensor klLoss(Tensor mean, Tensor logVar) {
    Ops ops = Backend.ops();
    Tensor inner = ops.subtract(ops.subtract(ops.add(logVar, 1f), ops.square(mean)), ops.exp(logVar));
    return ops.mean(ops.sum(ops.multiply(inner, -0.5f), new int[] {1}, false), null, false);
  }

  /**
   * Binary cross-entropy of the reconstruction summed over each image's pixels, averaged over the batch (the
   * example's {@code ops.mean(ops.sum(binary_crossentropy(data, reconstruction), axis=(1, 2)))}).
   */
  public static Tensor reconstructionLoss(Tensor data, Tensor reconstruction) {
    Ops ops = Backend.ops();
    Tensor perPixel = new BinaryCrossentropy().call(data, reconstruction);
    return ops.mean(ops.sum(perPixel, new int[] {1, 2}, false), null, false);
  }

  @Override
  protected Map<String, Tensor> trainStep(StepData data) {
    Tensor[] losses = losses(data.x(), true);
    List<Variable> weights = trainableWeights();
    List<Tensor> grads = new GradientTape().gradient(losses[0], weights);
    optimizer().applyGradients(grads, weights);
    return track(losses);
  }

  @Override
  protected Map<String, Tensor> testStep(StepData data) {
    return track(losses(data.x(), false));
  }

  /** Total, reconstruction and KL losses of a batch. */
  private Tensor[] losses(Tensor x, boolean training) {
    List<Tensor> encoded = encoder.applyAll(List.of(x), training);
    Tensor reconstruction = decoder.apply(encoded.get(2), training);
    Tensor reconstructionLoss = reconstructionLoss(x, reconstruction);
    Tensor kl = klLoss(encoded.get(0), encoded.get(1));
    return new Tensor[] {Backend.ops().add(reconstructionLoss, kl), reconstructionLoss, kl};
  }

  private Map<String, Tensor> track(Tensor[] losses) {
    totalLossTracker.updateState(null, losses[0], null);
    reconstructionLossTracker.updateState(null, losses[1], null);
    klLossTracker.updateState(null, losses[2], null);
    Map<String, Tensor> logs = new LinkedHashMap<>();
    logs.put("loss", totalLossTracker.result());
    logs.put("reconstruction_loss", reconstructionLossTracker.result());
    logs.put("kl_loss", klLossTracker.result());
    return logs;
  }

  /** Releases the compiled graphs of the VAE, its encoder and its decoder. */
  @Override
  public void close() {
    super.close();
    encoder.close();
    decoder.close();
  }
}
