package io.keras4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated astronomical images: point sources on a sky background with photon and read noise.
 *
 * <p>The model (a CCD frame in electrons):
 * <ul>
 *   <li>PSF: Gaussian with FWHM {@code fwhm} pixels, or Moffat with the same FWHM and beta = 3
 *       ({@code I(r) ~ (1 + (r/alpha)^2)^-beta}, {@code alpha = FWHM / (2 sqrt(2^(1/beta) - 1))}), each normalised
 *       to unit total flux on the pixel grid.</li>
 *   <li>Sources: a Poisson number (mean {@code meanSources}) per image at uniform positions; total fluxes drawn
 *       from a power law {@code dN/dF ~ F^-2} (Euclidean counts flattened for a useful sample of bright sources)
 *       between {@code fluxMin} and {@code fluxMax} electrons.</li>
 *   <li>Sky: a flat {@code sky} electrons per pixel; noise: Poisson on sky + sources, plus Gaussian read noise of
 *       {@code readNoise} electrons.</li>
 *   <li>Images are returned background-subtracted and divided by the per-pixel noise of the sky,
 *       {@code sigma = sqrt(sky + readNoise^2)}, so a pixel value is a signal-to-noise ratio; the 5-sigma limit of a
 *       single pixel is 5.</li>
 * </ul>
 */
public final class SkySimulator {
  /** A true source: position (x = column, y = row) and total flux in electrons. */
  public record Source(double x, double y, double flux) {}

  /** One simulated frame: the noisy image, the noiseless one (same units), and the sources. */
  public record Frame(float[][] noisy, float[][] clean, List<Source> sources) {}

  final int size;
  final double fwhm;
  final boolean moffat;
  final double sky = 200;
  final double readNoise = 5;
  final double meanSources = 6;
  final double fluxMin = 60;
  final double fluxMax = 5000;

  public SkySimulator(int size, double fwhm, boolean moffat) {
    this.size = size;
    this.fwhm = fwhm;
    this.moffat = moffat;
  }

  /** The noise of an empty sky pixel, in electrons. */
  public double sigma() {
    return Math.sqrt(sky + readNoise * readNoise);
  }

  double psf(double dx, double dy) {
    double r2 = dx * dx + dy * dy;
    if (moffat) {
      double beta = 3;
      double alpha = fwhm / (2 * Math.sqrt(Math.pow(2, 1 / beta) - 1));
      return Math.pow(1 + r2 / (alpha * alpha), -beta);
    }
    double s = fwhm / 2.3548;
    return Math.exp(-r2 / (2 * s * s));
  }

  /** One frame drawn with {@code r}. */
  public Frame frame(Random r) {
    double[][] clean = new double[size][size];
    List<Source> sources = new ArrayList<>();
    int n = poisson(r, meanSources);
    for (int k = 0; k < n; k++) {
      double u = r.nextDouble();
      // inverse CDF of dN/dF ~ F^-2 between fluxMin and fluxMax
      double flux = 1 / (1 / fluxMin - u * (1 / fluxMin - 1 / fluxMax));
      Source s = new Source(1 + (size - 2) * r.nextDouble(), 1 + (size - 2) * r.nextDouble(), flux);
      sources.add(s);
      addSource(clean, s);
    }
    float[][] noisy = new float[size][size];
    float[][] out = new float[size][size];
    double sigma = sigma();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double mean = sky + clean[y][x];
        double counts = poissonLarge(r, mean) + readNoise * r.nextGaussian();
        noisy[y][x] = (float) ((counts - sky) / sigma);
        out[y][x] = (float) (clean[y][x] / sigma);
      }
    }
    return new Frame(noisy, out, sources);
  }

  private void addSource(double[][] img, Source s) {
    double total = 0;
    double[][] stamp = new double[size][size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        stamp[y][x] = psf(x - s.x(), y - s.y());
        total += stamp[y][x];
      }
    }
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        img[y][x] += s.flux() * stamp[y][x] / total;
      }
    }
  }

  private static int poisson(Random r, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** Poisson counts; a normal approximation above 50 (the sky level keeps every pixel there). */
  private static double poissonLarge(Random r, double mean) {
    return mean < 50 ? poisson(r, mean) : Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
  }

  /** The per-pixel source map a finder learns: 1 within 1.5 pixels of a source's centre, else 0. */
  public float[][] sourceMap(List<Source> sources) {
    float[][] m = new float[size][size];
    for (Source s : sources) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double d2 = (x - s.x()) * (x - s.x()) + (y - s.y()) * (y - s.y());
          if (d2 <= 1.5 * 1.5) {
            m[y][x] = 1;
          }
        }
      }
    }
    return m;
  }
}
