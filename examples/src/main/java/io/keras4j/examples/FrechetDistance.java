package io.keras4j.examples;

/**
 * The Fréchet distance between Gaussian fits of two sets of feature vectors, the measure behind the FID of
 * generative models (Heusel et al. 2017): {@code |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^(1/2))}.
 *
 * <p>The trace of {@code (S1 S2)^(1/2)} is taken as that of the symmetric {@code (A S2 A)^(1/2)} with
 * {@code A = S1^(1/2)}, which has the same eigenvalues; each square root comes from a Jacobi eigen-decomposition,
 * negative eigenvalues (round-off) clamped to 0. Plain Java, double precision.
 * <pre>{@code double fd = FrechetDistance.of(realFeatures, generatedFeatures);}</pre>
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /** The Fréchet distance between the Gaussian fits (mean, covariance with n - 1) of rows {@code a} and {@code b}. */
  public static double of(double[][] a, double[][] b) {
    if (a.length < 2 || b.length < 2 || a[0].length != b[0].length) {
      throw new IllegalArgumentException("FrechetDistance expects two sets of at least 2 vectors of one dimension. "
          + "Received: " + a.length + " x " + (a.length > 0 ? a[0].length : 0) + " and " + b.length + " x "
          + (b.length > 0 ? b[0].length : 0));
    }
    return between(mean(a), covariance(a), mean(b), covariance(b));
  }

  /** The Fréchet distance between N(mu1, s1) and N(mu2, s2). */
  public static double between(double[] mu1, double[][] s1, double[] mu2, double[][] s2) {
    double d = 0;
    for (int i = 0; i < mu1.length; i++) {
      d += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
    }
    double[][] root = sqrtm(s1);
    double[][] m = multiply(multiply(root, s2), root);
    symmetrize(m);
    double traceRoot = 0;
    for (double e : eigen(m)[0][0]) {
      traceRoot += Math.sqrt(Math.max(e, 0));
    }
    return d + trace(s1) + trace(s2) - 2 * traceRoot;
  }

  /** The column means of {@code x}. */
  public static double[] mean(double[][] x) {
    double[] m = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j] / x.length;
      }
    }
    return m;
  }

  /** The sample covariance of the rows of {@code x}, normalised by n - 1 (numpy's {@code np.cov(x, rowvar=False)}). */
  public static double[][] covariance(double[][] x) {
    double[] m = mean(x);
    int d = m.length;
    double[][] c = new double[d][d];
    for (double[] row : x) {
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          c[i][j] += (row[i] - m[i]) * (row[j] - m[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] /= x.length - 1;
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  /** The principal square root of a symmetric positive semi-definite matrix: V diag(sqrt(max(e, 0))) V^T. */
  public static double[][] sqrtm(double[][] s) {
    double[][][] ev = eigen(s);
    double[] e = ev[0][0];
    double[][] v = ev[1];
    int n = e.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += v[i][k] * Math.sqrt(Math.max(e[k], 0)) * v[j][k];
        }
        out[i][j] = sum;
      }
    }
    return out;
  }

  /**
   * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations: {@code [[eigenvalues]], V},
   * eigenvector k in column k of V.
   */
  static double[][][] eigen(double[][] s) {
    int n = s.length;
    double[][] a = new double[n][];
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i] = s[i].clone();
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off < 1e-30) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = a[i][i];
    }
    return new double[][][] {{e}, v};
  }

  /** One Jacobi rotation zeroing a[p][q], applied to a (both sides) and accumulated into v. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static double[][] multiply(double[][] x, double[][] y) {
    int n = x.length;
    int m = y[0].length;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < y.length; k++) {
        for (int j = 0; j < m; j++) {
          out[i][j] += x[i][k] * y[k][j];
        }
      }
    }
    return out;
  }

  private static void symmetrize(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = i + 1; j < m.length; j++) {
        double avg = 0.5 * (m[i][j] + m[j][i]);
        m[i][j] = avg;
        m[j][i] = avg;
      }
    }
  }

  private static double trace(double[][] m) {
    double t = 0;
    for (int i = 0; i < m.length; i++) {
      t += m[i][i];
    }
    return t;
  }
}
