package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Conv2DTranspose;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.Input;
import io.keras4j.layers.LeakyReLU;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.Reshape;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A DCGAN making mock galaxy images (the lecture's "mock catalogues"), trained on simulated galaxies
 * ({@link GalaxySimulator}) with Keras' DCGAN recipe ({@link Gan}).
 *
 * <p>Quality figure: the Fréchet distance ({@link FrechetDistance}) between features of a small CNN classifier
 * trained on real simulated galaxies, of held-out real galaxies and of generated ones (an FID on this domain), with
 * two references: real galaxies against other real ones (the floor) and uniform noise images (the ceiling); and
 * how the classifier sees the generated galaxies (the fraction it classifies with probability above 0.9, and the
 * fraction given to each class, 0.25 each for the real ones). Writes a grid of generated galaxies per epoch
 * ({@code gan_epoch_NN.png}, the same latent vectors each time). Run:
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.GalaxyGan}.
 */
public final class GalaxyGan {
  static final int SIZE = 28;
  static final int LATENT = 32;

  private GalaxyGan() {}

  /** What one run measured. */
  public record Report(History history, double fidGenerated, double fidNoise, double fidReal,
      double classifierAccuracy, double confidentFraction, double[] generatedClassFractions) {}

  /** The discriminator: image to the probability that it is generated. */
  static Model discriminator() {
    KerasTensor in = Input.of(SIZE, SIZE, 1);
    KerasTensor x = new LeakyReLU(0.2).apply(new Conv2D(32, 4).strides(2).padding("same").apply(in));
    x = new LeakyReLU(0.2).apply(new Conv2D(64, 4).strides(2).padding("same").apply(x));
    x = new Dropout(0.2).apply(new Flatten().apply(x));
    return new Model(in, new Dense(1).activation("sigmoid").apply(x)).name("discriminator");
  }

  /** The generator: a latent vector to an image in [0, 1]. */
  static Model generator() {
    KerasTensor in = Input.of(LATENT);
    KerasTensor x = new Reshape(7, 7, 64).apply(new Dense(7 * 7 * 64).apply(in));
    x = new LeakyReLU(0.2).apply(new Conv2DTranspose(64, 4).strides(2).padding("same").apply(x));
    x = new LeakyReLU(0.2).apply(new Conv2DTranspose(32, 4).strides(2).padding("same").apply(x));
    return new Model(in, new Conv2D(1, 5).padding("same").activation("sigmoid").apply(x)).name("generator");
  }

  /** The feature network: a CNN classifying the four classes; its 32-unit layer named "features". */
  static Model classifier() {
    KerasTensor in = Input.of(SIZE, SIZE, 1);
    KerasTensor x = new MaxPooling2D(2).apply(new Conv2D(16, 3).activation("relu").apply(in));
    x = new MaxPooling2D(2).apply(new Conv2D(32, 3).activation("relu").apply(x));
    x = new Dense(32).activation("relu").name("features").apply(new Flatten().apply(x));
    return new Model(in, new Dense(GalaxySimulator.CLASSES.size()).activation("softmax").apply(x))
        .name("galaxy_classifier");
  }

  /** Trains the GAN on {@code nTrain} galaxies for {@code epochs}; scores {@code nEval} generated ones. */
  public static Report run(int nTrain, int nEval, int epochs, int verbose, Path out) throws Exception {
    Backend.setRandomSeed(31);
    GalaxySimulator sim = new GalaxySimulator(SIZE);
    Random r = new Random(31);
    GalaxySimulator.Sample train = sim.sample(nTrain, r);
    GalaxySimulator.Sample heldOut = sim.sample(nEval, r);
    if (out != null) {
      Files.createDirectories(out);
      GenerativePlots.grid(heldOut.images().subList(0, 16), 8, 3, out.resolve("gan_real.png"));
    }
    float[][] fixedZ = normal(16, new Random(32));
    History h;
    try (Gan gan = new Gan(discriminator(), generator(), LATENT)) {
      Adam d = new Adam(2e-4).beta1(0.5);
      Adam g = new Adam(2e-4).beta1(0.5);
      d.name("d_optimizer");
      g.name("g_optimizer");
      gan.compile(d, g, new BinaryCrossentropy());
      FitOptions fit = new FitOptions().epochs(epochs).batchSize(32).verbose(verbose);
      if (out != null) {
        fit.callbacks(new Monitor(gan.generator(), fixedZ, out));
      }
      h = gan.fit(train.x(), null, fit);
      NDArray generated = gan.generator().predict(normal(nEval, new Random(33)), 128);
      return score(h, train, heldOut, generated, r);
    }
  }

  private static Report score(History h, GalaxySimulator.Sample train, GalaxySimulator.Sample heldOut,
      NDArray generated, Random r) {
    try (Model classifier = classifier()) {
      classifier.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("sparse_categorical_crossentropy")
          .metrics("accuracy"));
      classifier.fit(train.x(), labels(train.labels()), new FitOptions().epochs(4).batchSize(32).verbose(0));
      double accuracy = classifier.evaluate(heldOut.x(), labels(heldOut.labels()), 128).get("accuracy");
      try (Model features = new Model(classifier.inputs().get(0), classifier.getLayer("features").output())) {
        int n = heldOut.labels().length;
        double[][] real = rows(features.predict(heldOut.x(), 128), 32);
        double[][] trainReal = rows(features.predict(first(train.x(), n), 128), 32);
        double[][] fake = rows(features.predict(generated, 128), 32);
        double[][] noise = rows(features.predict(uniformNoise(n, r), 128), 32);
        double[][] probs = rows(classifier.predict(generated, 128), GalaxySimulator.CLASSES.size());
        double confident = 0;
        double[] fractions = new double[GalaxySimulator.CLASSES.size()];
        for (double[] p : probs) {
          int best = argmax(p);
          fractions[best] += 1.0 / probs.length;
          confident += p[best] > 0.9 ? 1.0 / probs.length : 0;
        }
        return new Report(h, FrechetDistance.of(real, fake), FrechetDistance.of(real, noise),
            FrechetDistance.of(real, trainReal), accuracy, confident, fractions);
      }
    }
  }

  /** Writes the generator's images of fixed latent vectors at the end of each epoch (Keras' GANMonitor). */
  static final class Monitor extends Callback {
    private final Model generator;
    private final float[][] z;
    private final Path out;

    Monitor(Model generator, float[][] z, Path out) {
      this.generator = generator;
      this.z = z;
      this.out = out;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      float[] images = generator.predict(z, z.length).toFloatArray();
      List<float[][]> grid = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        grid.add(GenerativePlots.image(images, i, SIZE));
      }
      try {
        GenerativePlots.grid(grid, 8, 3, out.resolve(String.format("gan_epoch_%02d.png", epoch + 1)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static float[][] normal(int n, Random r) {
    float[][] z = new float[n][LATENT];
    for (float[] row : z) {
      for (int j = 0; j < LATENT; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return z;
  }

  static NDArray uniformNoise(int n, Random r) {
    float[] v = new float[n * SIZE * SIZE];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextFloat();
    }
    return NDArray.of(v, n, SIZE, SIZE, 1);
  }

  private static NDArray first(NDArray x, int n) {
    float[] v = x.toFloatArray();
    return NDArray.of(java.util.Arrays.copyOf(v, n * SIZE * SIZE), n, SIZE, SIZE, 1);
  }

  private static float[] labels(int[] labels) {
    float[] out = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i];
    }
    return out;
  }

  static double[][] rows(NDArray a, int columns) {
    float[] v = a.toFloatArray();
    double[][] out = new double[v.length / columns][columns];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < columns; j++) {
        out[i][j] = v[i * columns + j];
      }
    }
    return out;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      best = p[i] > p[best] ? i : best;
    }
    return best;
  }

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : Plots.defaultOutput();
    Report r = run(4000, 500, 20, 2, out);
    System.out.printf("%nFeature classifier's held-out accuracy on real galaxies: %.3f%n", r.classifierAccuracy());
    System.out.printf("Frechet distance to held-out real galaxies (classifier features): generated %.3f, "
        + "other real %.3f, uniform noise %.3f%n", r.fidGenerated(), r.fidReal(), r.fidNoise());
    StringBuilder fractions = new StringBuilder();
    for (int k = 0; k < GalaxySimulator.CLASSES.size(); k++) {
      fractions.append(String.format(" %s %.2f", GalaxySimulator.CLASSES.get(k), r.generatedClassFractions()[k]));
    }
    System.out.printf("Generated galaxies classified with p > 0.9: %.3f; classified as%s (real: 0.25 each)%n",
        r.confidentFraction(), fractions);
    System.out.println("Wrote gan_real.png and gan_epoch_NN.png to " + out.toAbsolutePath());
  }
}
