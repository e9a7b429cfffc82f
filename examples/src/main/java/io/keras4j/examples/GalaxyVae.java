package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Conv2DTranspose;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.Input;
import io.keras4j.layers.Reshape;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A variational autoencoder with a 2-D latent space trained on simulated galaxies ({@link GalaxySimulator}), as
 * Keras' VAE example trains on MNIST: a convolutional encoder, {@link Sampling}, a transposed-convolution decoder,
 * and the {@link Vae} model's own train step.
 *
 * <p>It reports the negative ELBO per image (reconstruction loss plus KL, nats) on training and held-out images,
 * and how well the latent space keeps the four classes apart (a 5-nearest-neighbour classifier on z_mean). It
 * writes the ELBO curve, the held-out images' z_mean coloured by class, and the decoded grid over z in [-2, 2]^2.
 * Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.GalaxyVae}.
 */
public final class GalaxyVae {
  static final int SIZE = 28;
  static final int LATENT = 2;
  static final double LEARNING_RATE = 1e-3;

  private GalaxyVae() {}

  /** What one run measured; the losses are per image, in nats. */
  public record Report(History history, double testLossBefore, Map<String, Double> test, double latentKnnAccuracy) {}

  /** The encoder: image to [z_mean, z_log_var, z]. */
  static Model encoder() {
    KerasTensor in = Input.of(SIZE, SIZE, 1);
    KerasTensor x = new Conv2D(16, 3).strides(2).padding("same").activation("relu").apply(in);
    x = new Conv2D(32, 3).strides(2).padding("same").activation("relu").apply(x);
    x = new Dense(32).activation("relu").apply(new Flatten().apply(x));
    KerasTensor mean = new Dense(LATENT).name("z_mean").apply(x);
    KerasTensor logVar = new Dense(LATENT).name("z_log_var").apply(x);
    KerasTensor z = new Sampling().apply(List.of(mean, logVar)).get(0);
    return new Model(List.of(in), List.of(mean, logVar, z)).name("encoder");
  }

  /** The decoder: z to an image in [0, 1]. */
  static Model decoder() {
    KerasTensor in = Input.of(LATENT);
    KerasTensor x = new Dense(7 * 7 * 32).activation("relu").apply(in);
    x = new Reshape(7, 7, 32).apply(x);
    x = new Conv2DTranspose(32, 3).strides(2).padding("same").activation("relu").apply(x);
    x = new Conv2DTranspose(16, 3).strides(2).padding("same").activation("relu").apply(x);
    KerasTensor out = new Conv2DTranspose(1, 3).padding("same").activation("sigmoid").apply(x);
    return new Model(in, out).name("decoder");
  }

  /** Trains on {@code nTrain} galaxies for {@code epochs}, scores on {@code nTest}; writes PNGs when out != null. */
  public static Report run(int nTrain, int nTest, int epochs, int verbose, Path out) throws Exception {
    return run(nTrain, nTest, epochs, LEARNING_RATE, verbose, out);
  }

  static Report run(int nTrain, int nTest, int epochs, double learningRate, int verbose, Path out)
      throws Exception {
    Backend.setRandomSeed(21);
    GalaxySimulator sim = new GalaxySimulator(SIZE);
    Random r = new Random(21);
    GalaxySimulator.Sample train = sim.sample(nTrain, r);
    GalaxySimulator.Sample test = sim.sample(nTest, r);
    try (Vae vae = new Vae(encoder(), decoder())) {
      vae.compile(new CompileOptions().optimizer(new Adam(learningRate)));
      double before = vae.evaluate(test.x(), null, 128).get("loss");
      History h = vae.fit(train.x(), null, new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
      Map<String, Double> scores = vae.evaluate(test.x(), null, 128);
      double[][] zTrain = latentMeans(vae, train.x());
      double[][] zTest = latentMeans(vae, test.x());
      double knn = new Knn(5).fit(zTrain, train.labels()).score(zTest, test.labels());
      if (out != null) {
        Files.createDirectories(out);
        GenerativePlots.curves(h, List.of("loss", "reconstruction_loss", "kl_loss"),
            "Galaxy VAE: negative ELBO per image", "nats", out.resolve("vae_elbo.png"));
        GenerativePlots.scatter(zTest, test.labels(), GalaxySimulator.CLASSES, "Galaxy VAE: z_mean of held-out "
            + "galaxies", out.resolve("vae_latent.png"));
        GenerativePlots.grid(decodeGrid(vae, 10, 2.0), 10, 2, out.resolve("vae_generated.png"));
      }
      return new Report(h, before, scores, knn);
    }
  }

  /** z_mean of each image. */
  static double[][] latentMeans(Vae vae, NDArray x) {
    float[] mean = vae.encoder().predictOutputs(x, 128).get(0).toFloatArray();
    double[][] z = new double[mean.length / LATENT][LATENT];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < LATENT; j++) {
        z[i][j] = mean[i * LATENT + j];
      }
    }
    return z;
  }

  /** The decoded images of an n x n grid of z over [-extent, extent]^2, rows from high z[1] to low. */
  static List<float[][]> decodeGrid(Vae vae, int n, double extent) {
    float[][] z = new float[n * n][LATENT];
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        z[row * n + col][0] = (float) (-extent + 2 * extent * col / (n - 1));
        z[row * n + col][1] = (float) (extent - 2 * extent * row / (n - 1));
      }
    }
    float[] images = vae.decoder().predict(z, 128).toFloatArray();
    List<float[][]> out = new ArrayList<>();
    for (int i = 0; i < n * n; i++) {
      out.add(GenerativePlots.image(images, i, SIZE));
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : Plots.defaultOutput();
    Report r = run(4000, 800, 30, 2, out);
    List<Double> loss = r.history().get("loss");
    System.out.printf("%nNegative ELBO per image (nats), training: epoch 1 %.1f, epoch %d %.1f%n", loss.get(0),
        loss.size(), loss.get(loss.size() - 1));
    System.out.printf("Held-out: before training %.1f, after %.1f (reconstruction %.1f + KL %.2f)%n",
        r.testLossBefore(), r.test().get("loss"), r.test().get("reconstruction_loss"), r.test().get("kl_loss"));
    System.out.printf("5-NN class accuracy on the 2-D latent means: %.3f (chance 0.25)%n", r.latentKnnAccuracy());
    System.out.println("Wrote vae_elbo.png, vae_latent.png, vae_generated.png to " + out.toAbsolutePath());
  }
}
