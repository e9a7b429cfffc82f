package io.keras4j.examples;

import java.util.Random;

/**
 * The true (noise-free) magnitudes of each simulated class, as functions of time and band; parameters are drawn per
 * object from the ranges below. Approximate by design: shapes and ranges read off the literature, not fitted.
 * <ul>
 *   <li>Supernovae: the rise-and-decline flux model of Bazin et al. 2009 (A&amp;A 499, 653),
 *       {@code f(t) = A exp(-(t-t0)/tfall) / (1 + exp(-(t-t0)/trise))}, in r; SN II add a plateau (the piecewise
 *       form of Villar et al. 2019, ApJ 884, 83: a slow linear flux decline for {@code gamma} days, then a fast
 *       exponential drop). g = r + a colour that is blue near peak and reddens after it, fastest for SN Ia and
 *       SN Ibc (g-r ~ 1 a month after peak), slowest for SN II. Rise/fall times (days): Ia trise 1.5-3.5,
 *       tfall 18-35; Ibc trise 1-2.5, tfall 10-20; II trise 1.5-4, plateau 50-100, drop tfall 5-15.
 *       Apparent peak magnitude 16.5-20.</li>
 *   <li>RR Lyrae (RRab): period 0.4-0.8 d, sawtooth (fast rise over 10-20% of the cycle, slow decline), g amplitude
 *       0.5-1.2 mag, r amplitude 0.75 of it, mean g-r 0.15-0.35, mean r 14.5-19.5.</li>
 *   <li>Classical Cepheids: period 3-50 d (log-uniform), rise over 25-40% of the cycle, g amplitude 0.4-1.0,
 *       r 0.65 of it, g-r 0.5-0.9, mean r 13-18.5.</li>
 *   <li>Eclipsing binaries: period 0.3-10 d (log-uniform), primary eclipse 0.2-1.0 mag deep, secondary 5-90% of
 *       that, eclipse half-width 2-8% of the phase (wider for short periods), ellipsoidal variation up to 0.1 mag
 *       below 1 d; g-r 0-0.8, mean r 13.5-19.5.</li>
 *   <li>AGN: a damped random walk (Ornstein-Uhlenbeck process; Kelly et al. 2009, ApJ 698, 895; MacLeod et al. 2010,
 *       ApJ 721, 1014) with timescale tau 50-500 d (log-uniform) and asymptotic rms sigma 0.08-0.3 mag in r; g
 *       varies 1.25 times as much (bluer when brighter) plus an independent 15%; g-r 0.1-0.4, mean r 17.5-20.</li>
 * </ul>
 */
public final class LightCurveTemplates {
  private LightCurveTemplates() {}

  /** True magnitudes at epochs {@code t} in bands {@code band} (sorted epochs). */
  public interface Template {
    double[] mags(double[] t, int[] band, Random r);
  }

  /** Bazin et al. 2009's flux (A = 1) at time {@code t}. */
  public static double bazin(double t, double t0, double trise, double tfall) {
    double x = (t - t0);
    return Math.exp(-x / tfall) / (1 + Math.exp(-x / trise));
  }

  /** The time of the Bazin model's maximum: {@code t0 + trise ln(tfall/trise - 1)}. */
  public static double bazinPeak(double t0, double trise, double tfall) {
    return t0 + trise * Math.log(tfall / trise - 1);
  }

  /** A supernova of class {@code cls} (0 Ia, 1 Ibc, 2 II) whose r band peaks at {@code peakTime}. */
  public static Template supernova(int cls, double peakTime, Random r) {
    double trise = switch (cls) {
      case 0 -> uniform(r, 1.5, 3.5);
      case 1 -> uniform(r, 1.0, 2.5);
      default -> uniform(r, 1.5, 4.0);
    };
    double tfall = switch (cls) {
      case 0 -> uniform(r, 18, 35);
      case 1 -> uniform(r, 10, 20);
      default -> uniform(r, 5, 15);
    };
    double plateau = cls == 2 ? uniform(r, 50, 100) : 0;
    double beta = cls == 2 ? uniform(r, 0.002, 0.006) : 0;
    double peakMag = uniform(r, 16.5, 20.0);
    double c0 = switch (cls) {
      case 0 -> -0.05 + 0.08 * r.nextGaussian();
      case 1 -> 0.25 + 0.10 * r.nextGaussian();
      default -> -0.15 + 0.08 * r.nextGaussian();
    };
    double reddening = switch (cls) {
      case 0 -> uniform(r, 0.03, 0.045);
      case 1 -> uniform(r, 0.025, 0.04);
      default -> uniform(r, 0.01, 0.02);
    };
    double cap = cls == 2 ? 1.3 : cls == 1 ? 1.0 : 1.1;
    // II: the Bazin rise times a linear plateau decline has its maximum later than Bazin's; place t0 numerically
    double shape0 = cls == 2 ? peakOf(0, trise, tfall, plateau, beta) : bazinPeak(0, trise, tfall);
    double t0 = peakTime - shape0;
    double peakFlux = snFlux(peakTime, t0, trise, tfall, plateau, beta);
    return (t, band, rnd) -> {
      double[] m = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        double f = snFlux(t[i], t0, trise, tfall, plateau, beta) / peakFlux;
        m[i] = peakMag - 2.5 * Math.log10(Math.max(f, 1e-12));
        if (band[i] == LightCurve.G) {
          double tau = t[i] - peakTime;
          m[i] += tau < 0 ? Math.max(c0 - 0.15, c0 + 0.01 * tau) : Math.min(c0 + cap, c0 + reddening * tau);
        }
      }
      return m;
    };
  }

  /** Relative flux of a Bazin supernova, with a plateau of {@code plateau} days and slope {@code beta} for SN II. */
  static double snFlux(double t, double t0, double trise, double tfall, double plateau, double beta) {
    if (plateau <= 0) {
      return bazin(t, t0, trise, tfall);
    }
    double rise = 1 / (1 + Math.exp(-(t - t0) / trise));
    double x = t - t0;
    return x < plateau ? rise * Math.max(1 - beta * Math.max(x, 0), 0)
        : rise * (1 - beta * plateau) * Math.exp(-(x - plateau) / tfall);
  }

  private static double peakOf(double t0, double trise, double tfall, double plateau, double beta) {
    double best = t0;
    double bestFlux = -1;
    for (double x = -5 * trise; x < plateau; x += 0.05) {
      double f = snFlux(t0 + x, t0, trise, tfall, plateau, beta);
      if (f > bestFlux) {
        bestFlux = f;
        best = t0 + x;
      }
    }
    return best;
  }

  /** A sawtooth of unit amplitude: 0 at maximum light, rising over {@code riseFraction} of the cycle. */
  public static double sawtooth(double phase, double riseFraction) {
    double p = phase - Math.floor(phase);
    return p < riseFraction ? 1 - p / riseFraction : (p - riseFraction) / (1 - riseFraction);
  }

  /** A pulsating star: RR Lyrae ({@code cepheid} false) or a classical Cepheid. */
  public static Template pulsator(boolean cepheid, Random r) {
    double period = cepheid ? Math.exp(uniform(r, Math.log(3), Math.log(50))) : uniform(r, 0.4, 0.8);
    double ampG = cepheid ? uniform(r, 0.4, 1.0) : uniform(r, 0.5, 1.2);
    double ampR = ampG * (cepheid ? 0.65 : 0.75);
    double rise = cepheid ? uniform(r, 0.25, 0.4) : uniform(r, 0.1, 0.2);
    double colour = cepheid ? uniform(r, 0.5, 0.9) : uniform(r, 0.15, 0.35);
    double meanR = cepheid ? uniform(r, 13, 18.5) : uniform(r, 14.5, 19.5);
    double phase0 = r.nextDouble();
    return new Periodic(period, (phase, b) -> {
      double s = sawtooth(phase + phase0, rise) - 0.5;
      return b == LightCurve.G ? meanR + colour + ampG * s : meanR + ampR * s;
    });
  }

  /** A detached or semi-detached eclipsing binary. */
  public static Template eclipsingBinary(Random r) {
    double period = Math.exp(uniform(r, Math.log(0.3), Math.log(10)));
    double depth1 = uniform(r, 0.2, 1.0);
    double depth2 = depth1 * uniform(r, 0.05, 0.9);
    double width = uniform(r, 0.02, 0.05) * (period < 1 ? 1.6 : 1);
    double ellipsoidal = period < 1 ? uniform(r, 0, 0.1) : 0;
    double gFactor = uniform(r, 0.9, 1.15);
    double colour = uniform(r, 0, 0.8);
    double meanR = uniform(r, 13.5, 19.5);
    double phase0 = r.nextDouble();
    return new Periodic(period, (phase, b) -> {
      double p = phase + phase0 - Math.floor(phase + phase0);
      double dm = eclipse(p, 0, width) * depth1 + eclipse(p, 0.5, width) * depth2
          + ellipsoidal * 0.5 * (1 - Math.cos(4 * Math.PI * p));
      return b == LightCurve.G ? meanR + colour + gFactor * dm : meanR + dm;
    });
  }

  /** The fraction of the eclipse depth at phase {@code p} of an eclipse centred at {@code centre}. */
  static double eclipse(double p, double centre, double halfWidth) {
    double d = Math.abs(p - centre);
    d = Math.min(d, 1 - d);
    return d >= halfWidth ? 0 : Math.sqrt(1 - (d / halfWidth) * (d / halfWidth));
  }

  /** An AGN: a damped random walk. */
  public static Template agn(Random r) {
    double tau = Math.exp(uniform(r, Math.log(50), Math.log(500)));
    double sigma = uniform(r, 0.08, 0.3);
    double colour = uniform(r, 0.1, 0.4);
    double meanR = uniform(r, 17.5, 20.0);
    return (t, band, rnd) -> {
      double[] common = drw(t, tau, sigma, rnd);
      double[] own = drw(t, tau, 0.15 * sigma, rnd);
      double[] m = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        m[i] = band[i] == LightCurve.G ? meanR + colour + 1.25 * common[i] + own[i] : meanR + common[i];
      }
      return m;
    };
  }

  /**
   * A damped random walk (Ornstein-Uhlenbeck process, mean 0, timescale {@code tau}, stationary rms {@code sigma})
   * at sorted epochs {@code t}, sampled exactly: x(t+dt) = x(t) e^(-dt/tau) + sigma sqrt(1 - e^(-2 dt/tau)) N(0,1),
   * started from the stationary distribution N(0, sigma^2).
   */
  public static double[] drw(double[] t, double tau, double sigma, Random r) {
    double[] x = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      if (i == 0) {
        x[i] = sigma * r.nextGaussian();
      } else {
        double a = Math.exp(-(t[i] - t[i - 1]) / tau);
        x[i] = a * x[i - 1] + sigma * Math.sqrt(1 - a * a) * r.nextGaussian();
      }
    }
    return x;
  }

  /** A strictly periodic light curve: magnitude as a function of phase (cycles since t = 0) and band. */
  public record Periodic(double period, PhaseCurve curve) implements Template {
    @Override
    public double[] mags(double[] t, int[] band, Random r) {
      double[] m = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        m[i] = curve.mag(t[i] / period, band[i]);
      }
      return m;
    }
  }

  /** Magnitude at a phase in a band. */
  public interface PhaseCurve {
    double mag(double phase, int band);
  }

  static double uniform(Random r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }
}
