package io.keras4j.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Simulates ZTF-like two-band (g, r) light curves of seven classes: {@link LightCurveTemplates} gives the true
 * magnitudes, this class the survey: when a field is observed, in which band, how deep, and which epochs are
 * detections. Seeded and deterministic: the same seed gives the same light curves.
 *
 * <p>The survey model, approximate by design (after Bellm et al. 2019, PASP 131, 018002, and the ALeRCE training
 * set, Sánchez-Sáez et al. 2021, AJ 161, 141):
 * <ul>
 *   <li>Three years of nights; each field is observable for 240 nights a year (a seasonal gap of about four months
 *       at a field-dependent time of year).</li>
 *   <li>Weather: a two-state Markov chain (a clear night turns bad with probability 0.15, a bad spell ends with
 *       probability 0.4). On a clear observable night the field is visited with probability 0.67, in one band,
 *       alternating g and r with probability 0.8, so each band is revisited about every three nights and g and r
 *       fall on different nights. Exposure time within the night: 0.1-0.4 d after the night's start.</li>
 *   <li>Depth: the 5-sigma limiting magnitude of each visit is N(20.3, 0.4), clipped to 19.3-21.0 (the spread of
 *       diffmaglim in the ALeRCE detections). Flux error: a sky term (limit flux / 5), a source term and a 4%
 *       floor in quadrature ({@link #fluxSigma}), set so that the magnitude error grows from about 0.06 mag at 17.5
 *       and 0.12 at 19 to 0.2-0.27 at the limit, as sigmapsf does in the real ZTF supernova detections (medians
 *       0.07 at 17-18, 0.11 at 19, 0.18 at 20).</li>
 *   <li>A detection is a visit whose measured flux is at least 5 sigma; only detections enter a light curve
 *       (an alert stream's view). Variables and AGN are observed over a window of 60-400 nights inside the
 *       three years, supernovae over the whole survey; a light curve needs at least {@link #MIN_DETECTIONS}
 *       detections, otherwise the object is drawn again.</li>
 * </ul>
 */
public final class LightCurveSimulator {
  /** Class names in label order. */
  public static final String[] CLASSES = {"SN Ia", "SN Ibc", "SN II", "RR Lyrae", "Cepheid", "EB", "AGN"};
  /** The fewest detections a simulated light curve has. */
  public static final int MIN_DETECTIONS = 5;
  static final double SURVEY_DAYS = 3 * 365;
  static final double SEASON_DAYS = 240;
  static final double FLUX_FLOOR = 0.04;
  static final double SOURCE_TERM = 0.1;

  private final Random random;
  private int count;

  /** A simulator whose draws are fixed by {@code seed}. */
  public LightCurveSimulator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code perClass} light curves of each class, in a shuffled order fixed by the seed. */
  public List<LightCurve> drawEach(int perClass) {
    List<LightCurve> out = new ArrayList<>();
    for (int c = 0; c < CLASSES.length; c++) {
      for (int i = 0; i < perClass; i++) {
        out.add(draw(c));
      }
    }
    Collections.shuffle(out, random);
    return out;
  }

  /** One light curve of class {@code cls} (an index into {@link #CLASSES}). */
  public LightCurve draw(int cls) {
    if (cls < 0 || cls >= CLASSES.length) {
      throw new IllegalArgumentException("Expected a class index in [0, " + CLASSES.length + "). Received: " + cls);
    }
    for (int attempt = 0; attempt < 1000; attempt++) {
      double seasonStart = random.nextDouble() * 365;
      Visits v;
      LightCurveTemplates.Template template;
      if (cls <= 2) {
        v = visits(0, SURVEY_DAYS, seasonStart, random);
        double peak = SURVEY_DAYS * random.nextDouble();
        template = LightCurveTemplates.supernova(cls, peak, random);
      } else {
        double length = 60 + 340 * random.nextDouble();
        double start = (SURVEY_DAYS - length) * random.nextDouble();
        v = visits(start, start + length, seasonStart, random);
        template = switch (cls) {
          case 3 -> LightCurveTemplates.pulsator(false, random);
          case 4 -> LightCurveTemplates.pulsator(true, random);
          case 5 -> LightCurveTemplates.eclipsingBinary(random);
          default -> LightCurveTemplates.agn(random);
        };
      }
      LightCurve lc = observe("sim" + count, CLASSES[cls], v, template.mags(v.t, v.band, random), random);
      if (lc.size() >= MIN_DETECTIONS) {
        count++;
        return lc;
      }
    }
    throw new IllegalStateException("No light curve of class " + CLASSES[cls] + " reached " + MIN_DETECTIONS
        + " detections in 1000 attempts");
  }

  /** The visits of one field: epochs, bands and 5-sigma limiting magnitudes. */
  public record Visits(double[] t, int[] band, double[] limit) {}

  /** The visits between {@code start} and {@code end} of a field whose yearly season starts on day {@code season}. */
  public static Visits visits(double start, double end, double season, Random r) {
    List<double[]> rows = new ArrayList<>();
    boolean clear = true;
    int last = r.nextInt(2);
    for (int night = (int) Math.floor(start); night < end; night++) {
      clear = clear ? r.nextDouble() >= 0.15 : r.nextDouble() < 0.4;
      double dayOfSeason = ((night - season) % 365 + 365) % 365;
      if (!clear || dayOfSeason >= SEASON_DAYS || r.nextDouble() >= 0.67) {
        continue;
      }
      int band = r.nextDouble() < 0.8 ? 1 - last : last;
      last = band;
      double t = night + 0.1 + 0.3 * r.nextDouble();
      double limit = Math.max(19.3, Math.min(21.0, 20.3 + 0.4 * r.nextGaussian()));
      if (t >= start && t < end) {
        rows.add(new double[] {t, band, limit});
      }
    }
    double[] t = new double[rows.size()];
    int[] b = new int[rows.size()];
    double[] lim = new double[rows.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = rows.get(i)[0];
      b[i] = (int) rows.get(i)[1];
      lim[i] = rows.get(i)[2];
    }
    return new Visits(t, b, lim);
  }

  /** The flux error of a source of magnitude {@code mag} in a visit of 5-sigma depth {@code limit}, in magnitudes. */
  public static double magError(double mag, double limit) {
    double f = Math.pow(10, -0.4 * mag);
    return 1.0857 * fluxSigma(f, limit) / f;
  }

  /**
   * The 1-sigma error of flux {@code f} (in units of magnitude 0) in a visit whose sky alone gives 5 sigma at
   * {@code limit}: the sky term s = (limit flux) / 5, a source term and a calibration floor in quadrature,
   * sqrt(s^2 + {@value #SOURCE_TERM} s f + ({@value #FLUX_FLOOR} f)^2).
   */
  static double fluxSigma(double f, double limit) {
    double sky = Math.pow(10, -0.4 * limit) / 5;
    return Math.sqrt(sky * sky + SOURCE_TERM * sky * f + FLUX_FLOOR * FLUX_FLOOR * f * f);
  }

  /** The detections of a source of true magnitudes {@code mags} at visits {@code v}: noise added, 5 sigma kept. */
  static LightCurve observe(String id, String label, Visits v, double[] mags, Random r) {
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < v.t.length; i++) {
      double f = Math.pow(10, -0.4 * mags[i]);
      double sigma = fluxSigma(f, v.limit[i]);
      double measured = f + sigma * r.nextGaussian();
      if (measured >= 5 * sigma) {
        rows.add(new double[] {v.t[i], v.band[i], -2.5 * Math.log10(measured), 1.0857 * sigma / measured});
      }
    }
    double[] t = new double[rows.size()];
    int[] b = new int[rows.size()];
    double[] m = new double[rows.size()];
    double[] e = new double[rows.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = rows.get(i)[0];
      b[i] = (int) rows.get(i)[1];
      m[i] = rows.get(i)[2];
      e[i] = rows.get(i)[3];
    }
    return new LightCurve(id, label, t, b, m, e);
  }

  /** The index of {@code name} in {@link #CLASSES}, or -1. */
  public static int classIndex(String name) {
    for (int i = 0; i < CLASSES.length; i++) {
      if (CLASSES[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
