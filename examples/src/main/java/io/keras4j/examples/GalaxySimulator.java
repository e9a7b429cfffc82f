package io.keras4j.examples;

import io.keras4j.data.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated galaxy images of four morphological classes: elliptical (de Vaucouleurs' law, Sersic n = 4), spiral
 * (an exponential disc with two logarithmic arms and a small bulge), edge-on (a thin disc seen side on) and merger
 * (two discs and star-forming clumps), blurred by a Gaussian PSF, scaled to a peak between 0.7 and 1 and given
 * Gaussian sky noise, then clipped to [0, 1].
 *
 * <pre>{@code
 * GalaxySimulator sim = new GalaxySimulator(28).psfSigma(1.0).noise(0.03);
 * GalaxySimulator.Sample s = sim.sample(200, new Random(7)); // s.x() has shape (200, 28, 28, 1)
 * }</pre>
 * Every draw comes from the {@link Random} given, so a seed gives the same images.
 */
public final class GalaxySimulator {
  /** The class names, in label order. */
  public static final List<String> CLASSES = List.of("elliptical", "spiral", "edge-on", "merger");

  private final int size;
  private double psfSigma = 1.0;
  private double noise = 0.03;

  /** One image and its class label (an index of {@link #CLASSES}). */
  public record Galaxy(float[][] image, int label) {}

  /** Images as a batch {@code x} of shape (n, size, size, 1) with their labels. */
  public record Sample(NDArray x, int[] labels, List<float[][]> images) {}

  /** Images of {@code size} x {@code size} pixels, at least 16. */
  public GalaxySimulator(int size) {
    if (size < 16) {
      throw new IllegalArgumentException("GalaxySimulator expects an image size >= 16 pixels. Received: size="
          + size);
    }
    this.size = size;
  }

  /** The Gaussian PSF's standard deviation in pixels. Default: 1.0; 0 for no blur. */
  public GalaxySimulator psfSigma(double psfSigma) {
    if (!(psfSigma >= 0)) {
      throw new IllegalArgumentException("GalaxySimulator psf_sigma must be >= 0. Received: psfSigma=" + psfSigma);
    }
    this.psfSigma = psfSigma;
    return this;
  }

  /** The sky noise's standard deviation, in units of the image range [0, 1]. Default: 0.03. */
  public GalaxySimulator noise(double noise) {
    if (!(noise >= 0)) {
      throw new IllegalArgumentException("GalaxySimulator noise must be >= 0. Received: noise=" + noise);
    }
    this.noise = noise;
    return this;
  }

  /** The side of the images in pixels. */
  public int size() {
    return size;
  }

  /** {@code n} galaxies of classes drawn in turn (0, 1, 2, 3, 0, ...), so each class has n / 4 of them. */
  public Sample sample(int n, Random r) {
    List<float[][]> images = new ArrayList<>();
    int[] labels = new int[n];
    float[] flat = new float[n * size * size];
    for (int i = 0; i < n; i++) {
      Galaxy g = galaxy(i % CLASSES.size(), r);
      images.add(g.image());
      labels[i] = g.label();
      for (int y = 0; y < size; y++) {
        System.arraycopy(g.image()[y], 0, flat, (i * size + y) * size, size);
      }
    }
    return new Sample(NDArray.of(flat, n, size, size, 1), labels, images);
  }

  /** One galaxy of class {@code label}. */
  public Galaxy galaxy(int label, Random r) {
    if (label < 0 || label >= CLASSES.size()) {
      throw new IllegalArgumentException("GalaxySimulator class label must be in [0, " + CLASSES.size()
          + "). Received: label=" + label);
    }
    double[][] clean = new double[size][size];
    double cx = (size - 1) / 2.0 + r.nextGaussian() * 0.7;
    double cy = (size - 1) / 2.0 + r.nextGaussian() * 0.7;
    double pa = r.nextDouble() * Math.PI;
    double scale = size / 28.0;
    switch (label) {
      case 0 -> addSersic(clean, cx, cy, (2 + 2 * r.nextDouble()) * scale, 4, 0.6 + 0.4 * r.nextDouble(), pa, 1);
      case 1 -> addSpiral(clean, cx, cy, pa, scale, r);
      case 2 -> {
        addSersic(clean, cx, cy, (3 + 2 * r.nextDouble()) * scale, 1, 0.12 + 0.1 * r.nextDouble(), pa, 1);
        addSersic(clean, cx, cy, 1.2 * scale, 4, 0.6, pa, 0.3);
      }
      default -> addMerger(clean, cx, cy, pa, scale, r);
    }
    return new Galaxy(observe(clean, 0.7 + 0.3 * r.nextDouble(), r), label);
  }

  private void addSpiral(double[][] img, double cx, double cy, double pa, double scale, Random r) {
    double h = (2.5 + 1.5 * r.nextDouble()) * scale;
    double q = 0.55 + 0.45 * r.nextDouble();
    double pitch = Math.toRadians(12 + 13 * r.nextDouble());
    double amplitude = 0.6 + 0.3 * r.nextDouble();
    double phase = r.nextDouble() * 2 * Math.PI;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double[] rt = ellipticalRadius(x - cx, y - cy, q, pa);
        img[y][x] += GalaxyProfiles.exponentialDisc(rt[0], h)
            * GalaxyProfiles.spiralArms(rt[0], rt[1] + phase, 2, pitch, amplitude);
      }
    }
    addSersic(img, cx, cy, 0.8 * scale, 4, q, pa, 0.4);
  }

  private void addMerger(double[][] img, double cx, double cy, double pa, double scale, Random r) {
    double separation = (4 + 4 * r.nextDouble()) * scale;
    double dx = 0.5 * separation * Math.cos(pa);
    double dy = 0.5 * separation * Math.sin(pa);
    addSersic(img, cx - dx, cy - dy, (1.5 + r.nextDouble()) * scale, 1, 0.5 + 0.5 * r.nextDouble(),
        r.nextDouble() * Math.PI, 1);
    addSersic(img, cx + dx, cy + dy, (1.2 + r.nextDouble()) * scale, 1, 0.5 + 0.5 * r.nextDouble(),
        r.nextDouble() * Math.PI, 0.4 + 0.6 * r.nextDouble());
    int clumps = 2 + r.nextInt(3);
    for (int k = 0; k < clumps; k++) {
      double angle = r.nextDouble() * 2 * Math.PI;
      double radius = (2 + 5 * r.nextDouble()) * scale;
      addSersic(img, cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), 0.8 * scale, 0.5, 1, 0,
          0.3 + 0.4 * r.nextDouble());
    }
  }

  /** Adds {@code amplitude} times Sersic's law, normalised to 1 at the centre (softened by half a pixel). */
  private void addSersic(double[][] img, double cx, double cy, double re, double n, double q, double pa,
      double amplitude) {
    double centre = GalaxyProfiles.sersic(0.5, re, n);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double radius = ellipticalRadius(x - cx, y - cy, q, pa)[0];
        img[y][x] += amplitude * GalaxyProfiles.sersic(Math.hypot(radius, 0.5), re, n) / centre;
      }
    }
  }

  /** The radius along the major axis of the ellipse through (dx, dy), and the angle in the galaxy's plane. */
  private static double[] ellipticalRadius(double dx, double dy, double q, double pa) {
    double u = dx * Math.cos(pa) + dy * Math.sin(pa);
    double v = (-dx * Math.sin(pa) + dy * Math.cos(pa)) / q;
    return new double[] {Math.hypot(u, v), Math.atan2(v, u)};
  }

  /** PSF blur, scaling to {@code peak}, sky noise and clipping to [0, 1]. */
  private float[][] observe(double[][] clean, double peak, Random r) {
    double[][] blurred = psfSigma > 0 ? GalaxyProfiles.convolve(clean, GalaxyProfiles.gaussianKernel(psfSigma))
        : clean;
    double max = 0;
    for (double[] row : blurred) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    float[][] out = new float[size][size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v = blurred[y][x] / max * peak + noise * r.nextGaussian();
        out[y][x] = (float) Math.max(0, Math.min(1, v));
      }
    }
    return out;
  }
}
