package io.keras4j.tuner;

/**
 * Gaussian-process regression with a Matérn kernel (nu = 2.5), noise {@code alpha} on the diagonal and normalized
 * targets, its length scale fitted by maximizing the log marginal likelihood.
 *
 * <p>Keras equivalent: the {@code sklearn.gaussian_process.GaussianProcessRegressor(kernel=Matern(nu=2.5),
 * normalize_y=True, alpha=alpha)} of KerasTuner's BayesianOptimizationOracle. Porting note: scikit-learn fits the
 * length scale (bounds 1e-5 to 1e5) with L-BFGS-B from 20 restarts; keras4j scans log10 of the length scale on a grid
 * of 0.05 over the same bounds, a one-dimensional search that needs no optimizer.
 */
final class GaussianProcess {
  private static final double SQRT5 = Math.sqrt(5);
  private final double alpha;
  private double[][] x;
  private double lengthScale = 1;
  private double yMean;
  private double yStd = 1;
  private double[][] chol;
  private double[] weights;

  GaussianProcess(double alpha) {
    this.alpha = alpha;
  }

  /** The Matérn 2.5 kernel at distance {@code r}: (1 + sqrt5 r/l + 5 r^2/(3 l^2)) exp(-sqrt5 r/l). */
  static double matern52(double r, double lengthScale) {
    double d = SQRT5 * r / lengthScale;
    return (1 + d + d * d / 3) * Math.exp(-d);
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  /** Fits to points {@code x} (each in [0, 1]^d) with targets {@code y}. */
  void fit(double[][] x, double[] y) {
    this.x = x;
    int n = y.length;
    yMean = 0;
    for (double v : y) {
      yMean += v / n;
    }
    double var = 0;
    for (double v : y) {
      var += (v - yMean) * (v - yMean) / n;
    }
    yStd = var > 0 ? Math.sqrt(var) : 1;
    double[] yn = new double[n];
    for (int i = 0; i < n; i++) {
      yn[i] = (y[i] - yMean) / yStd;
    }
    double bestLml = Double.NEGATIVE_INFINITY;
    double best = 1;
    for (double logL = -5; logL <= 5 + 1e-9; logL += 0.05) {
      double l = Math.pow(10, logL);
      double lml = logMarginalLikelihood(l, yn);
      if (lml > bestLml) {
        bestLml = lml;
        best = l;
      }
    }
    lengthScale = best;
    factor(best, yn);
  }

  /** The length scale the fit chose. */
  double lengthScale() {
    return lengthScale;
  }

  private double logMarginalLikelihood(double l, double[] yn) {
    if (!factor(l, yn)) {
      return Double.NEGATIVE_INFINITY;
    }
    double fit = 0;
    double logDet = 0;
    for (int i = 0; i < yn.length; i++) {
      fit += yn[i] * weights[i];
      logDet += Math.log(chol[i][i]);
    }
    return -0.5 * fit - logDet - 0.5 * yn.length * Math.log(2 * Math.PI);
  }

  /** Cholesky factor of K + alpha I and weights (K + alpha I)^-1 y; false when not positive definite. */
  private boolean factor(double l, double[] yn) {
    int n = yn.length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        k[i][j] = matern52(distance(x[i], x[j]), l) + (i == j ? alpha : 0);
      }
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = k[i][j];
        for (int m = 0; m < j; m++) {
          s -= c[i][m] * c[j][m];
        }
        if (i == j) {
          if (s <= 0) {
            return false;
          }
          c[i][i] = Math.sqrt(s);
        } else {
          c[i][j] = s / c[j][j];
        }
      }
    }
    chol = c;
    weights = backward(forward(yn));
    return true;
  }

  private double[] forward(double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int m = 0; m < i; m++) {
        s -= chol[i][m] * z[m];
      }
      z[i] = s / chol[i][i];
    }
    return z;
  }

  private double[] backward(double[] z) {
    int n = z.length;
    double[] w = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int m = i + 1; m < n; m++) {
        s -= chol[m][i] * w[m];
      }
      w[i] = s / chol[i][i];
    }
    return w;
  }

  /** The posterior mean and standard deviation at {@code p}, in the targets' units. */
  double[] predict(double[] p) {
    int n = x.length;
    double[] ks = new double[n];
    double mu = 0;
    for (int i = 0; i < n; i++) {
      ks[i] = matern52(distance(p, x[i]), lengthScale);
      mu += ks[i] * weights[i];
    }
    double[] v = forward(ks);
    double var = 1;
    for (double vi : v) {
      var -= vi * vi;
    }
    return new double[] {mu * yStd + yMean, Math.sqrt(Math.max(var, 0)) * yStd};
  }
}
