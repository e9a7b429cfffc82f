package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.plot.Figure;
import io.keras4j.plot.PrecisionRecallCurve;
import io.keras4j.plot.RocCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Anomaly detection with an autoencoder: trained on normal light curves only, it reconstructs them well and
 * anomalies badly, so the reconstruction error ranks objects by strangeness.
 *
 * <p>Simulated light curves of 64 regular epochs: normal objects are periodic variables (a sinusoid plus its first
 * harmonic, random period from 8 to 32 epochs, amplitude, phase) with 5% Gaussian noise; planted anomalies are
 * transients (a fast-rise exponential-decay burst on a flat, noisy baseline) and flares on a periodic variable.
 * Each curve is scaled to zero mean and unit standard deviation. The score is the mean squared reconstruction
 * error; the report is the ROC AUC of the score for the planted anomalies, and {@code examples/output/anomaly_roc.png}
 * its ROC and precision-recall curves. Run:
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.AnomalyDetection}.
 */
public final class AnomalyDetection {
  static final int EPOCHS = 64;

  private AnomalyDetection() {}

  static float[] periodic(Random r) {
    double period = 8 + 24 * r.nextDouble();
    double phase = 2 * Math.PI * r.nextDouble();
    double a2 = 0.5 * r.nextDouble();
    float[] v = new float[EPOCHS];
    for (int t = 0; t < EPOCHS; t++) {
      double w = 2 * Math.PI * t / period + phase;
      v[t] = (float) (Math.sin(w) + a2 * Math.sin(2 * w) + 0.05 * r.nextGaussian());
    }
    return v;
  }

  static float[] transientBurst(Random r) {
    double t0 = 8 + 40 * r.nextDouble();
    double tau = 2 + 6 * r.nextDouble();
    float[] v = new float[EPOCHS];
    for (int t = 0; t < EPOCHS; t++) {
      double burst = t < t0 ? Math.exp((t - t0) / 0.7) : Math.exp(-(t - t0) / tau);
      v[t] = (float) (burst + 0.05 * r.nextGaussian());
    }
    return v;
  }

  static float[] flare(Random r) {
    float[] v = periodic(r);
    int t0 = 4 + r.nextInt(EPOCHS - 8);
    for (int t = t0; t < Math.min(EPOCHS, t0 + 4); t++) {
      v[t] += (float) (3 * Math.exp(-(t - t0) / 1.5));
    }
    return v;
  }

  /** Zero mean, unit standard deviation. */
  static float[] standardise(float[] v) {
    double m = 0;
    for (float x : v) {
      m += x / v.length;
    }
    double s = 0;
    for (float x : v) {
      s += (x - m) * (x - m) / v.length;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) ((v[i] - m) / Math.sqrt(s + 1e-12));
    }
    return out;
  }

  /** ROC AUC of {@code score} for {@code positive} labels: the chance a positive outranks a negative. */
  static double rocAuc(double[] score, boolean[] positive) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < score.length; i++) {
      if (!positive[i]) {
        continue;
      }
      for (int j = 0; j < score.length; j++) {
        if (!positive[j]) {
          pairs++;
          wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  /** The reconstruction error of each held-out curve and whether it is a planted anomaly. */
  public record Scores(double[] score, boolean[] anomaly) {}

  /** Trains on {@code nTrain} normal curves; returns the ROC AUC on a held-out set with 5% anomalies. */
  public static double run(int nTrain, int epochs, int verbose) {
    Scores s = scores(nTrain, epochs, verbose);
    return rocAuc(s.score(), s.anomaly());
  }

  /** Trains on {@code nTrain} normal curves; scores a held-out set of 1000 curves with 5% anomalies. */
  public static Scores scores(int nTrain, int epochs, int verbose) {
    Backend.setRandomSeed(31);
    Random r = new Random(31);
    float[][] train = new float[nTrain][];
    for (int i = 0; i < nTrain; i++) {
      train[i] = standardise(periodic(r));
    }
    int nTest = 1000;
    float[][] test = new float[nTest][];
    boolean[] anomaly = new boolean[nTest];
    for (int i = 0; i < nTest; i++) {
      anomaly[i] = i % 20 == 0;
      test[i] = standardise(!anomaly[i] ? periodic(r) : i % 40 == 0 ? transientBurst(r) : flare(r));
    }
    Sequential ae = new Sequential();
    ae.add(new Dense(32).activation("relu").inputDim(EPOCHS));
    ae.add(new Dense(8).activation("relu"));
    ae.add(new Dense(32).activation("relu"));
    ae.add(new Dense(EPOCHS));
    ae.compile(new CompileOptions().optimizer(new Adam(2e-3)).loss("mse"));
    ae.fit(train, train, new FitOptions().epochs(epochs).batchSize(64).validationSplit(0.1).verbose(verbose));
    float[][] rec = ae.predict(test, 256).toFloat2D();
    ae.close();
    double[] score = new double[nTest];
    for (int i = 0; i < nTest; i++) {
      for (int t = 0; t < EPOCHS; t++) {
        score[i] += Math.pow(rec[i][t] - test[i][t], 2) / EPOCHS;
      }
    }
    return new Scores(score, anomaly);
  }

  /**
   * The ROC and precision-recall curves of the reconstruction error as an anomaly score, side by side, as a Keras
   * user draws them with sklearn's RocCurveDisplay and PrecisionRecallDisplay.
   */
  public static void plot(Scores s, Path png) throws IOException {
    RocCurve roc = RocCurve.of(s.anomaly(), s.score(), true).name("autoencoder");
    PrecisionRecallCurve pr = PrecisionRecallCurve.of(s.anomaly(), s.score()).name("autoencoder");
    Figure.of(roc.panel(), pr.panel()).suptitle("Reconstruction error as anomaly score (50 anomalies in 1000)")
        .savefig(png);
  }

  public static void main(String[] args) throws IOException {
    Scores s = scores(5000, 40, 2);
    System.out.printf("ROC AUC of the reconstruction error for 50 planted anomalies among 1000 held-out light "
        + "curves: %.4f%n", rocAuc(s.score(), s.anomaly()));
    Path out = Plots.defaultOutput();
    Files.createDirectories(out);
    Path png = out.resolve("anomaly_roc.png");
    plot(s, png);
    System.out.println("Wrote " + png.toAbsolutePath());
  }
}
