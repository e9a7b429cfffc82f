package io.keras4j.examples;

/**
 * Surface-brightness profiles of galaxies, evaluated at one point of the sky plane.
 *
 * <p>Each profile takes the elliptical radius {@code r} (pixels) of a point, and the spiral one also its angle;
 * the geometry (centre, axis ratio, position angle) is applied by {@link GalaxySimulator}. The profiles are the
 * ones astronomers fit: Sersic's law (n = 4 is de Vaucouleurs' law of elliptical galaxies, n = 1 an exponential
 * disc) and a logarithmic spiral modulating a disc.
 */
public final class GalaxyProfiles {
  private GalaxyProfiles() {}

  /**
   * Ciotti and Bertin's (1999) asymptotic {@code b_n} of Sersic's law, such that the effective radius encloses half
   * the light: {@code 2n - 1/3 + 4/(405 n) + 46/(25515 n^2)}.
   */
  public static double sersicB(double n) {
    if (!(n > 0)) {
      throw new IllegalArgumentException("Sersic index must be > 0. Received: n=" + n);
    }
    return 2 * n - 1.0 / 3 + 4 / (405 * n) + 46 / (25515 * n * n);
  }

  /** Sersic's law normalised to 1 at the effective radius: {@code exp(-b_n ((r / re)^(1/n) - 1))}. */
  public static double sersic(double r, double effectiveRadius, double n) {
    return Math.exp(-sersicB(n) * (Math.pow(r / effectiveRadius, 1 / n) - 1));
  }

  /** An exponential disc of scale length {@code h}, 1 at the centre: {@code exp(-r / h)}. */
  public static double exponentialDisc(double r, double scaleLength) {
    return Math.exp(-r / scaleLength);
  }

  /**
   * The arm modulation of a spiral, a factor around 1: {@code 1 + amplitude cos(m (theta - ln(r) / tan(pitch)))},
   * {@code m} arms wound as logarithmic spirals of pitch angle {@code pitch} (radians).
   */
  public static double spiralArms(double r, double theta, int arms, double pitch, double amplitude) {
    double phase = arms * (theta - Math.log(Math.max(r, 0.5)) / Math.tan(pitch));
    return 1 + amplitude * Math.cos(phase);
  }

  /** A normalised 1-D Gaussian kernel of standard deviation {@code sigma} pixels, half-width 3 sigma. */
  public static double[] gaussianKernel(double sigma) {
    int half = Math.max(1, (int) Math.ceil(3 * sigma));
    double[] k = new double[2 * half + 1];
    double sum = 0;
    for (int i = -half; i <= half; i++) {
      k[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += k[i + half];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    return k;
  }

  /** {@code image} convolved with the separable kernel {@code k} along both axes, zero outside the image. */
  public static double[][] convolve(double[][] image, double[] k) {
    int h = image.length;
    int w = image[0].length;
    int half = k.length / 2;
    double[][] rows = new double[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -half; i <= half; i++) {
          int xx = x + i;
          if (xx >= 0 && xx < w) {
            s += k[i + half] * image[y][xx];
          }
        }
        rows[y][x] = s;
      }
    }
    double[][] out = new double[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -half; i <= half; i++) {
          int yy = y + i;
          if (yy >= 0 && yy < h) {
            s += k[i + half] * rows[yy][x];
          }
        }
        out[y][x] = s;
      }
    }
    return out;
  }
}
