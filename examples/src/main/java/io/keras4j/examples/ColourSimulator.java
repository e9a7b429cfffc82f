package io.keras4j.examples;

import java.util.Random;

/**
 * Draws SDSS ugriz colours (u-g, g-r, r-i, i-z) of stars, quasars and galaxies with realistic overlap.
 *
 * <p>The model, approximate by design (read off published colour-colour diagrams, not fitted):
 * <ul>
 *   <li>Stars follow the SDSS stellar locus (Covey et al. 2007, AJ 134, 2398, figs. 7-8; Lenz et al. 1998): a
 *       position t in [0, 1] from F/G to M dwarfs sets g-r = 0.15 + 1.30 t, u-g = 0.75 + 1.85 t, and r-i and i-z
 *       flat (0.05 + 0.25 t, 0.02 + 0.15 t) until the M dwarfs (t > 0.75), where they rise by 4.5 and 2.0 per unit
 *       of t; 0.06 mag scatter around the locus. t is drawn from a Beta-like distribution favouring G/K stars.</li>
 *   <li>Quasars at z < 2.2 show the UV excess of Richards et al. 2002 (AJ 123, 2945): u-g ~ N(0.20, 0.20),
 *       g-r ~ N(0.20, 0.15), r-i ~ N(0.15, 0.12), i-z ~ N(0.05, 0.15); 10% are higher-redshift quasars with
 *       u-g ~ N(1.2, 0.5), which overlap the stellar locus.</li>
 *   <li>Galaxies, mostly red (Strateva et al. 2001, AJ 122, 1861: the u-r = 2.22 separator): u-g ~ N(1.65, 0.35),
 *       g-r ~ N(0.75, 0.20), r-i ~ N(0.40, 0.10), i-z ~ N(0.30, 0.12).</li>
 * </ul>
 * Class fractions default to those of the SDSS DR14 10k spectroscopic sample (50% galaxies, 41.5% stars,
 * 8.5% quasars).
 */
public final class ColourSimulator {
  /** Class names in label order. */
  public static final String[] CLASSES = {"GALAXY", "QSO", "STAR"};

  private ColourSimulator() {}

  /** {@code n} objects: colours in {@code x[i]} and the class index (into {@link #CLASSES}) in {@code y[i]}. */
  public static void draw(int n, long seed, float[][] x, int[] y) {
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      int cls = u < 0.50 ? 0 : u < 0.585 ? 1 : 2;
      y[i] = cls;
      x[i] = switch (cls) {
        case 0 -> galaxy(r);
        case 1 -> quasar(r);
        default -> star(r);
      };
    }
  }

  private static float[] star(Random r) {
    double t = Math.min(1, Math.max(0, (r.nextDouble() + r.nextDouble() + r.nextDouble()) / 3 + 0.1 * r.nextGaussian()));
    double m = Math.max(0, t - 0.75);
    double s = 0.06;
    return new float[] {
        (float) (0.75 + 1.85 * t + s * r.nextGaussian()),
        (float) (0.15 + 1.30 * t + s * r.nextGaussian()),
        (float) (0.05 + 0.25 * t + 4.5 * m + s * r.nextGaussian()),
        (float) (0.02 + 0.15 * t + 2.0 * m + s * r.nextGaussian())};
  }

  private static float[] quasar(Random r) {
    boolean highZ = r.nextDouble() < 0.1;
    return new float[] {
        (float) (highZ ? 1.2 + 0.5 * r.nextGaussian() : 0.20 + 0.20 * r.nextGaussian()),
        (float) (0.20 + 0.15 * r.nextGaussian()),
        (float) (0.15 + 0.12 * r.nextGaussian()),
        (float) (0.05 + 0.15 * r.nextGaussian())};
  }

  private static float[] galaxy(Random r) {
    return new float[] {
        (float) (1.65 + 0.35 * r.nextGaussian()),
        (float) (0.75 + 0.20 * r.nextGaussian()),
        (float) (0.40 + 0.10 * r.nextGaussian()),
        (float) (0.30 + 0.12 * r.nextGaussian())};
  }
}
