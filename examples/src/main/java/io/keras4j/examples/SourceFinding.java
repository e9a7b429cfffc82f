package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.UpSampling2D;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * ConvNN source finding and denoising on simulated sky images ({@link SkySimulator}).
 *
 * <p>Two fully convolutional networks: a denoising autoencoder (noisy image to noiseless image, MSE) and a source
 * finder (image to a per-pixel source map, binary cross-entropy, then 3x3 peak finding to a catalogue). On
 * held-out images it reports the PSNR before and after denoising, and the completeness and purity of both
 * catalogues against the true sources, with a plain threshold-at-5-sigma detector on the same images as the
 * baseline. Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.SourceFinding}.
 */
public final class SourceFinding {
  static final int SIZE = 32;

  private SourceFinding() {}

  /** Images as (n, size, size, 1). */
  static NDArray stack(List<float[][]> images) {
    float[] v = new float[images.size() * SIZE * SIZE];
    int k = 0;
    for (float[][] img : images) {
      for (float[] row : img) {
        System.arraycopy(row, 0, v, k, SIZE);
        k += SIZE;
      }
    }
    return NDArray.of(v, images.size(), SIZE, SIZE, 1);
  }

  /** What one run measured. */
  public record Report(double psnrNoisy, double psnrDenoised, Catalogue.Score network, Catalogue.Score threshold,
      double[] fluxBins) {}

  /** Trains both networks on {@code nTrain} frames and scores them on {@code nTest} new ones. */
  public static Report run(int nTrain, int nTest, int epochs, int verbose, Path out) throws Exception {
    Backend.setRandomSeed(17);
    SkySimulator sim = new SkySimulator(SIZE, 2.5, false);
    Random r = new Random(17);
    List<SkySimulator.Frame> train = new ArrayList<>();
    for (int i = 0; i < nTrain; i++) {
      train.add(sim.frame(r));
    }
    List<SkySimulator.Frame> test = new ArrayList<>();
    for (int i = 0; i < nTest; i++) {
      test.add(sim.frame(r));
    }
    NDArray xTrain = stack(train.stream().map(SkySimulator.Frame::noisy).toList());
    NDArray cleanTrain = stack(train.stream().map(SkySimulator.Frame::clean).toList());
    NDArray mapTrain = stack(train.stream().map(f -> sim.sourceMap(f.sources())).toList());
    NDArray xTest = stack(test.stream().map(SkySimulator.Frame::noisy).toList());

    Sequential denoiser = new Sequential();
    denoiser.add(new Conv2D(16, 3).padding("same").activation("relu").inputShape(SIZE, SIZE, 1));
    denoiser.add(new Conv2D(16, 3).padding("same").activation("relu"));
    denoiser.add(new MaxPooling2D(2));
    denoiser.add(new Conv2D(32, 3).padding("same").activation("relu"));
    denoiser.add(new UpSampling2D(2));
    denoiser.add(new Conv2D(16, 3).padding("same").activation("relu"));
    denoiser.add(new Conv2D(1, 3).padding("same"));
    denoiser.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("mse"));
    denoiser.fit(xTrain, cleanTrain, new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
    float[] denoised = denoiser.predict(xTest, 64).toFloatArray();

    Sequential finder = new Sequential();
    finder.add(new Conv2D(16, 3).padding("same").activation("relu").inputShape(SIZE, SIZE, 1));
    finder.add(new Conv2D(16, 3).padding("same").activation("relu"));
    finder.add(new Conv2D(16, 3).padding("same").activation("relu"));
    finder.add(new Conv2D(1, 1).activation("sigmoid"));
    finder.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("binary_crossentropy"));
    finder.fit(xTrain, mapTrain, new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
    float[] maps = finder.predict(xTest, 64).toFloatArray();

    double[] bins = {60, 120, 240, 480, 960, 5000};
    Catalogue.Score nn = new Catalogue.Score(bins);
    Catalogue.Score thr = new Catalogue.Score(bins);
    double peak = 0;
    double seNoisy = 0;
    double seDenoised = 0;
    for (int i = 0; i < nTest; i++) {
      SkySimulator.Frame f = test.get(i);
      float[][] p = slice(maps, i);
      float[][] d = slice(denoised, i);
      nn.add(f.sources(), Catalogue.peaks(p, 0.7f));
      thr.add(f.sources(), Catalogue.peaks(f.noisy(), 5f));
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          peak = Math.max(peak, f.clean()[y][x]);
          seNoisy += Math.pow(f.noisy()[y][x] - f.clean()[y][x], 2);
          seDenoised += Math.pow(d[y][x] - f.clean()[y][x], 2);
        }
      }
    }
    int pixels = nTest * SIZE * SIZE;
    double psnrNoisy = 10 * Math.log10(peak * peak / (seNoisy / pixels));
    double psnrDenoised = 10 * Math.log10(peak * peak / (seDenoised / pixels));
    if (out != null) {
      Files.createDirectories(out);
      List<float[][]> panels = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        panels.add(test.get(i).noisy());
        panels.add(slice(denoised, i));
        panels.add(test.get(i).clean());
      }
      Images.grid(panels, 3, 6, out.resolve("denoising_panels.png"));
      Plots.completeness(bins, nn.completeness(), thr.completeness(), out.resolve("completeness.png"));
    }
    denoiser.close();
    finder.close();
    return new Report(psnrNoisy, psnrDenoised, nn, thr, bins);
  }

  static float[][] slice(float[] v, int i) {
    float[][] img = new float[SIZE][SIZE];
    for (int y = 0; y < SIZE; y++) {
      System.arraycopy(v, (i * SIZE + y) * SIZE, img[y], 0, SIZE);
    }
    return img;
  }

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : Plots.defaultOutput();
    Report r = run(3000, 300, 15, 2, out);
    System.out.printf("%nPSNR on 300 held-out images: noisy %.2f dB, denoised %.2f dB%n", r.psnrNoisy(),
        r.psnrDenoised());
    System.out.println("Completeness by true flux (electrons), network vs 5-sigma threshold:");
    double[] a = r.network().completeness();
    double[] b = r.threshold().completeness();
    for (int i = 0; i < a.length; i++) {
      System.out.printf("  %6.0f - %6.0f: %.3f  vs  %.3f%n", r.fluxBins()[i], r.fluxBins()[i + 1], a[i], b[i]);
    }
    System.out.printf("Purity: network %.3f, threshold %.3f%n", r.network().purity(), r.threshold().purity());
    System.out.println("Wrote " + out.toAbsolutePath().resolve("denoising_panels.png") + " and completeness.png");
  }
}
