package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * An MLP that learns the discrete Fourier transform of N-sample signals.
 *
 * <p>Input: N real samples. Target: the DFT's real and imaginary parts, {@code X_k = sum_n x_n e^{-2 pi i k n/N}},
 * computed exactly in Java. The DFT is linear, so a network with a linear output can represent it exactly; the
 * hidden layer shows it learns it from examples. Run:
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.FourierTransform}.
 */
public final class FourierTransform {
  private FourierTransform() {}

  /** The DFT of {@code x}: re[0..N-1] then im[0..N-1]. */
  public static float[] dft(float[] x) {
    int n = x.length;
    float[] out = new float[2 * n];
    for (int k = 0; k < n; k++) {
      double re = 0;
      double im = 0;
      for (int t = 0; t < n; t++) {
        double a = -2 * Math.PI * k * t / n;
        re += x[t] * Math.cos(a);
        im += x[t] * Math.sin(a);
      }
      out[k] = (float) re;
      out[n + k] = (float) im;
    }
    return out;
  }

  /** Random signals: a few sinusoids of random frequency, amplitude and phase plus noise. */
  public static float[][] signals(int count, int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[count][n];
    for (float[] s : x) {
      int parts = 1 + r.nextInt(3);
      for (int p = 0; p < parts; p++) {
        double f = r.nextInt(n / 2);
        double amp = r.nextDouble();
        double phase = 2 * Math.PI * r.nextDouble();
        for (int t = 0; t < n; t++) {
          s[t] += (float) (amp * Math.cos(2 * Math.PI * f * t / n + phase));
        }
      }
      for (int t = 0; t < n; t++) {
        s[t] += (float) (0.05 * r.nextGaussian());
      }
    }
    return x;
  }

  /** The relative error ||pred - true|| / ||true|| over all test spectra. */
  public static double relativeError(float[][] pred, float[][] truth) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < pred.length; i++) {
      for (int j = 0; j < pred[i].length; j++) {
        num += (pred[i][j] - truth[i][j]) * (pred[i][j] - truth[i][j]);
        den += truth[i][j] * truth[i][j];
      }
    }
    return Math.sqrt(num / den);
  }

  /** Trains the network; returns {model predictions on test, exact test spectra, test signals}. */
  public static float[][][] run(int n, int epochs, int verbose) {
    Backend.setRandomSeed(11);
    float[][] xTrain = signals(8000, n, 1);
    float[][] xTest = signals(500, n, 2);
    float[][] yTrain = new float[xTrain.length][];
    float[][] yTest = new float[xTest.length][];
    for (int i = 0; i < xTrain.length; i++) {
      yTrain[i] = dft(xTrain[i]);
    }
    for (int i = 0; i < xTest.length; i++) {
      yTest[i] = dft(xTest[i]);
    }
    Sequential model = new Sequential();
    model.add(new Dense(4 * n).activation("linear").inputDim(n));
    model.add(new Dense(2 * n));
    model.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("mse"));
    model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(64).verbose(verbose));
    float[][] pred = model.predict(xTest).toFloat2D();
    model.close();
    return new float[][][] {pred, yTest, xTest};
  }

  public static void main(String[] args) throws Exception {
    int n = 32;
    float[][][] r = run(n, 30, 2);
    double err = relativeError(r[0], r[1]);
    System.out.printf("Relative error of the learned DFT on 500 test signals: %.4f%n", err);
    Path out = args.length > 0 ? Path.of(args[0]) : Plots.defaultOutput();
    Files.createDirectories(out);
    double[] k = new double[n];
    double[] truth = new double[n];
    double[] pred = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = i;
      truth[i] = Math.hypot(r[1][0][i], r[1][0][n + i]);
      pred[i] = Math.hypot(r[0][0][i], r[0][0][n + i]);
    }
    Path png = out.resolve("fourier_spectrum.png");
    Plots.lines("Learned vs exact DFT (test signal 0)", k, truth, "exact |X_k|", pred, "network |X_k|", png);
    System.out.println("Wrote " + png.toAbsolutePath());
  }
}
